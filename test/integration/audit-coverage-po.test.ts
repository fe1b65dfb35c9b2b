// A PO decision is saved first and audited right after. When the audit append fails the decision
// stands (the answer is an error, the state is kept), and the cross-check names what lacks its event.
import * as auditModule from '../../functions/lib/audit';
import { decisionsWithoutAuditEvent } from '../../functions/lib/audit-coverage';
import { BASE, setClock, startTestApi, type TestApi } from './harness';
import { H1_DUE, personnelRows, range, submit } from './sample-fixtures';

let api: TestApi;
const P1_H1 = `${BASE}/samples/P1/2026-H1`;

beforeAll(async () => {
  api = await startTestApi();
  await submit(api, 'koala', 'P1', personnelRows(range(0, 12)));
  setClock(() => H1_DUE);
});
afterAll(async () => {
  await api.close();
});

const failingAudit = () => jest.spyOn(auditModule, 'appendAudit').mockRejectedValue(new Error('audit non disponibile'));

it('every draw, outcome and review made normally has its audit event', async () => {
  const po = await api.po('P1');
  const draw = await api.call('POST', `${P1_H1}/draw`, { token: po, json: { seed: 'seme copertura' } });
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
