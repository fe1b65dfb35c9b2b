// A PO decision is saved first and audited right after. When the audit append fails the decision
// stands (the answer is an error, the state is kept), and the cross-check names what lacks its event.
import * as auditModule from '../../functions/lib/audit';
import * as pendingModule from '../../functions/lib/audit-pending';
import { AUDIT_REPAIR_GRACE_MS } from '../../functions/lib/audit-pending';
import { decisionsWithoutAuditEvent } from '../../functions/lib/audit-coverage';
import { verifyAudit } from '../../functions/lib/audit-verify';
import { BASE, setClock, startTestApi, type TestApi } from './harness';
import { H1_DUE, personnelRows, range, submit } from './sample-fixtures';

let api: TestApi;
let koalaV1: string;
const P1_H1 = `${BASE}/samples/P1/2026-H1`;
const ROWS = personnelRows(range(0, 25)); // 25 people: 2 drawn at 5%, 3 at 10%

beforeAll(async () => {
  api = await startTestApi();
  koalaV1 = await submit(api, 'koala', 'P1', ROWS);
  setClock(() => H1_DUE);
});
afterAll(async () => {
  await api.close();
});

/** A repair leaves intents younger than the grace to their writer: it runs that much later here. */
const afterGrace = () => setClock(() => new Date(H1_DUE.getTime() + AUDIT_REPAIR_GRACE_MS));

const failingAudit = () => jest.spyOn(auditModule, 'appendAudit').mockRejectedValue(new Error('audit non disponibile'));

it('every draw, outcome and review made normally has its audit event', async () => {
  const po = await api.po('P1');
  const draw = await api.call('POST', `${P1_H1}/draw`, { token: po, json: { seed: 'seme copertura', rate: '0.05' } }); // 2 of 25; extended below
  expect(draw.status).toBe(201);
  const rank = draw.body.selected[0].rank;
  expect(
    (await api.call('POST', `${P1_H1}/outcomes/${rank}`, { token: po, json: { outcome: 'ammesso' } })).status,
  ).toBe(201);
  expect(await decisionsWithoutAuditEvent(api.storage)).toEqual([]);
});

it('an outcome whose audit append failed is kept and named by rank, never by tax code', async () => {
  const po = await api.po('P1');
  const sample = await api.call('GET', P1_H1, { token: po });
  const rank = sample.body.selected[1].rank;
  const spy = failingAudit();
  try {
    const res = await api.call('POST', `${P1_H1}/outcomes/${rank}`, { token: po, json: { outcome: 'ammesso' } });
    expect(res.status).toBe(500);
  } finally {
    spy.mockRestore();
  }
  const after = await api.call('GET', P1_H1, { token: po });
  expect(after.body.selected[1]).toMatchObject({ rank, status: 'ammesso' });
  const missing = await decisionsWithoutAuditEvent(api.storage);
  expect(missing).toEqual([`sample:crema-2026-2028/P1/2026-H1#${rank}`]);
  expect(missing.join()).not.toMatch(/[A-Z]{6}\d{2}[A-Z]\d{2}[A-Z]\d{3}[A-Z]/);
});

// The decision's own row holds the intent of its event (auditPending): `audit:verify --repair`
// (or the first submission of the next process) appends it, once.
const eventsOf = async (target: string) =>
  (await auditModule.readAuditLog(api.storage)).filter((e) => e.target === target);

it('the outcome whose append failed is pending, and the repair appends its event once, as the PO', async () => {
  const [missing] = await decisionsWithoutAuditEvent(api.storage);
  expect(await verifyAudit(api.deps)).toMatchObject({ intact: false, pendingIntents: 1 });
  afterGrace();
  expect(await verifyAudit(api.deps, { repair: true })).toMatchObject({ repaired: 1, intact: true, pendingIntents: 0 });
  const events = await eventsOf(missing);
  expect(events.map((e) => [e.action, e.actorRole])).toEqual([['sample.outcome.decision', 'po']]);
  expect(await decisionsWithoutAuditEvent(api.storage)).toEqual([]);
  expect((await verifyAudit(api.deps, { repair: true })).repaired).toBe(0);
  expect(await eventsOf(missing)).toHaveLength(1);
});

it('a review whose append failed is kept, pending, and repaired once', async () => {
  setClock(() => new Date('2026-07-20T10:00:00Z'));
  const po = await api.po('P1');
  const json = {
    submissionId: koalaV1,
    rowId: ROWS[3].rowId,
    decision: 'non_ammesso',
    reason: 'Timesheet non firmato.',
  };
  const spy = failingAudit();
  try {
    expect((await api.call('POST', `${BASE}/reviews`, { token: po, json })).status).toBe(500);
  } finally {
    spy.mockRestore();
  }
  expect((await api.call('POST', `${BASE}/reviews`, { token: po, json })).status).toBe(409); // the decision stands
  const target = `review:crema-2026-2028/${koalaV1}#${ROWS[3].rowId}`;
  expect(await decisionsWithoutAuditEvent(api.storage)).toEqual([target]);
  expect(await verifyAudit(api.deps)).toMatchObject({ intact: false, pendingIntents: 1 });
  afterGrace();
  expect(await verifyAudit(api.deps, { repair: true })).toMatchObject({ repaired: 1, intact: true });
  expect((await eventsOf(target)).map((e) => [e.action, e.actorRole])).toEqual([['review.non_ammesso', 'po']]);
});

it('a sample extension whose append failed is kept, pending, and repaired once', async () => {
  setClock(() => H1_DUE);
  const po = await api.po('P1');
  const spy = failingAudit();
  try {
    const res = await api.call('POST', `${P1_H1}/draw`, { token: po, json: { rate: '0.10' } });
    expect(res.status).toBe(500);
  } finally {
    spy.mockRestore();
  }
  const target = 'sample:crema-2026-2028/P1/2026-H1';
  expect((await api.call('GET', P1_H1, { token: po })).body.version).toBe(2); // the extension stands
  expect(await decisionsWithoutAuditEvent(api.storage)).toEqual([target]);
  expect(await verifyAudit(api.deps)).toMatchObject({ intact: false, pendingIntents: 1 });
  afterGrace();
  expect(await verifyAudit(api.deps, { repair: true })).toMatchObject({ repaired: 1, intact: true });
  expect((await eventsOf(target)).map((e) => [e.action, e.actorRole])).toEqual([
    ['sample.draw', 'po'],
    ['sample.extend', 'po'],
  ]);
  expect((await verifyAudit(api.deps, { repair: true })).repaired).toBe(0);
});

it('a decision audited but killed before its flag was cleared: the repair clears it without a second event', async () => {
  setClock(() => H1_DUE);
  const po = await api.po('P1');
  const sample = await api.call('GET', P1_H1, { token: po });
  const rank = sample.body.selected[2].rank;
  const spy = jest.spyOn(pendingModule, 'markAudited').mockResolvedValue(undefined);
  try {
    const res = await api.call('POST', `${P1_H1}/outcomes/${rank}`, { token: po, json: { outcome: 'ammesso' } });
    expect(res.status).toBe(201);
  } finally {
    spy.mockRestore();
  }
  const target = `sample:crema-2026-2028/P1/2026-H1#${rank}`;
  expect(await eventsOf(target)).toHaveLength(1);
  expect(await verifyAudit(api.deps)).toMatchObject({ pendingIntents: 1 });
  afterGrace();
  expect(await verifyAudit(api.deps, { repair: true })).toMatchObject({ repaired: 0, pendingIntents: 0, intact: true });
  expect(await eventsOf(target)).toHaveLength(1);
});

it('a draw whose append failed, extended before any repair: both versions have their event', async () => {
  // Programme P2: P1's sample is at the 10% cap by now.
  await submit(api, 'koala', 'P2', personnelRows(range(0, 25), 'P2'));
  setClock(() => H1_DUE);
  const po = await api.po('P2');
  const P2_H1 = `${BASE}/samples/P2/2026-H1`;
  const spy = failingAudit();
  try {
    const draw = await api.call('POST', `${P2_H1}/draw`, { token: po, json: { seed: 'seme P2', rate: '0.05' } });
    expect(draw.status).toBe(500);
  } finally {
    spy.mockRestore();
  }
  const extended = await api.call('POST', `${P2_H1}/draw`, { token: po, json: { rate: '0.10' } });
  expect(extended.status).toBe(200);
  expect(extended.body.version).toBe(2);
  const events = await eventsOf('sample:crema-2026-2028/P2/2026-H1');
  expect(events.map((e) => [e.action, e.actorRole])).toEqual([
    ['sample.draw', 'po'],
    ['sample.extend', 'po'],
  ]);
  expect(await decisionsWithoutAuditEvent(api.storage)).toEqual([]);
  expect(await verifyAudit(api.deps)).toMatchObject({ intact: true, pendingIntents: 0 });
});

it('a repair that runs while a decision is being audited leaves it to its writer: one event', async () => {
  setClock(() => H1_DUE);
  const po = await api.po('P2');
  const P2_H1 = `${BASE}/samples/P2/2026-H1`;
  const rank = (await api.call('GET', P2_H1, { token: po })).body.selected[0].rank;
  const original = auditModule.appendAudit;
  let repairedMeanwhile: number | undefined;
  const spy = jest.spyOn(auditModule, 'appendAudit').mockImplementationOnce(async (input, deps) => {
    // Another process repairs at this very moment: the outcome is saved, its event not yet appended.
    repairedMeanwhile = (await verifyAudit(api.deps, { repair: true })).repaired;
    return original(input, deps);
  });
  try {
    const res = await api.call('POST', `${P2_H1}/outcomes/${rank}`, { token: po, json: { outcome: 'ammesso' } });
    expect(res.status).toBe(201);
  } finally {
    spy.mockRestore();
  }
  expect(repairedMeanwhile).toBe(0);
  expect(await eventsOf(`sample:crema-2026-2028/P2/2026-H1#${rank}`)).toHaveLength(1);
  expect(await verifyAudit(api.deps)).toMatchObject({ intact: true, pendingIntents: 0 });
});
