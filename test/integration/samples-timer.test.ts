// The daily `semesterSampling` job (S4): draws every programme-semester that is due and not drawn,
// with a generated and recorded seed; nothing before the lock dates; idempotent; the admin route
// runs the same job over HTTP. It covers every shipped agreement (Crema's six programmes and the
// Ambito's P1); the Crema figures are asserted in detail, the Ambito's P1 has no rows here.
import { readAuditLog, verifyAuditChain } from '../../functions/lib/audit';
import { runSemesterSampling } from '../../functions/timers/semester-sampling';
import { AGREEMENTS, getAgreement } from '../../shared/agreement/agreements';
import { drawSample } from '../../shared/sample/sampling';
import { BASE, setClock, startTestApi, type TestApi } from './harness';
import { personnelRows, range, submit, taxCodes } from './sample-fixtures';

let api: TestApi;
const agreement = getAgreement('crema-2026-2028');
if (!agreement) throw new Error('agreement missing');
const PROGRAMMES = agreement.programmes.map((p) => p.id);
/** Every programme of every shipped agreement: what the job walks through. */
const ALL = Object.values(AGREEMENTS).flatMap((a) => a.programmes.map((p) => `${a.id}/${p.id}`));
const AMBITO = 'ambito-poverta-2026-2028';
const ofCrema = <T extends { agreement: string }>(drawn: T[]) => drawn.filter((d) => d.agreement === agreement.id);

beforeAll(async () => {
  api = await startTestApi();
  await submit(api, 'koala', 'P1', personnelRows(range(0, 20)));
  await submit(api, 'igea', 'P1', personnelRows(range(20, 37)));
});
afterAll(async () => {
  await api.close();
});

/** The job gets `now`; the server clock (audit timestamps) is moved along with it. */
const rome = (isoWithOffset: string) => {
  const now = new Date(isoWithOffset);
  setClock(() => now);
  return now;
};

it('draws nothing before the lock date of 2026-H1 (30 Sep, Rome)', async () => {
  // 23:59 of 30 Sep in Rome is still the lock day.
  const run = await runSemesterSampling(
    { storage: api.storage, auditKeys: api.deps.auditKeys },
    rome('2026-09-30T23:59:00+02:00'),
  );
  expect(run).toMatchObject({ today: '2026-09-30', drawn: [], alreadyDrawn: 0, failed: [] });
  expect((await api.call('GET', `${BASE}/samples/P1/2026-H1`, { token: await api.po('P1') })).status).toBe(404);
});

it('the day after the lock it draws 2026-H1 of every programme, and only that semester', async () => {
  const run = await runSemesterSampling(
    { storage: api.storage, auditKeys: api.deps.auditKeys },
    rome('2026-10-01T00:01:00+02:00'),
  );
  expect(run.today).toBe('2026-10-01');
  expect(run.failed).toEqual([]);
  expect(
    ofCrema(run.drawn)
      .map((d) => `${d.programme} ${d.semester}`)
      .sort(),
  ).toEqual(PROGRAMMES.map((p) => `${p} 2026-H1`).sort());
  // 37 persons at the default 10% → 4 drawn; programmes without personnel → an empty, recorded sample.
  expect(ofCrema(run.drawn).find((d) => d.programme === 'P1')).toMatchObject({ population: 37, n: 4 });
  expect(
    ofCrema(run.drawn)
      .filter((d) => d.programme !== 'P1')
      .every((d) => d.population === 0 && d.n === 0),
  ).toBe(true);
  // The Ambito's P1 is a different programme: none of Crema's P1 rows are in its population.
  expect(run.drawn.filter((d) => d.agreement === AMBITO)).toEqual([
    { agreement: AMBITO, programme: 'P1', semester: '2026-H1', population: 0, n: 0 },
  ]);

  const sample = await api.call('GET', `${BASE}/samples/P1/2026-H1`, { token: await api.po('P1') });
  expect(sample.status).toBe(200);
  expect(sample.body).toMatchObject({
    seedGenerated: true,
    drawnBy: 'timer',
    population: 37,
    n: 4,
    drawnOn: '2026-10-01',
  });
  const check = drawSample({
    seed: sample.body.seed,
    agreement: agreement.id,
    programme: 'P1',
    semester: '2026-H1',
    persons: taxCodes(range(0, 37)),
  });
  expect(check.ok && check.selected.map((s) => s.personId)).toEqual(
    sample.body.selected.map((p: { personId: string }) => p.personId),
  );
  expect((await api.call('GET', `${BASE}/samples/P1/2026-H2`, { token: await api.po('P1') })).status).toBe(404);
});

it('is idempotent: a second run draws nothing and keeps the seeds', async () => {
  const before = await api.call('GET', `${BASE}/samples/P1/2026-H1`, { token: await api.po('P1') });
  const run = await runSemesterSampling(
    { storage: api.storage, auditKeys: api.deps.auditKeys },
    rome('2026-10-02T03:00:00+02:00'),
  );
  expect(run).toMatchObject({ drawn: [], alreadyDrawn: ALL.length, failed: [] });
  const after = await api.call('GET', `${BASE}/samples/P1/2026-H1`, { token: await api.po('P1') });
  expect(after.body).toEqual(before.body);
  // A PO asking to draw the same semester gets the timer's sample.
  setClock(() => new Date('2026-10-02T10:00:00Z'));
  const po = await api.call('POST', `${BASE}/samples/P1/2026-H1/draw`, { token: await api.po('P1') });
  expect(po.status).toBe(200);
  expect(po.body.seed).toBe(before.body.seed);
});

it('H2 becomes due after 31 Jan of the next year; the admin route runs the same job', async () => {
  setClock(() => new Date('2027-01-31T12:00:00Z'));
  const early = await api.call('POST', '/maintenance/semester-sampling', { token: await api.admin() });
  expect(early.status).toBe(200);
  expect(early.body).toMatchObject({ today: '2027-01-31', drawn: [] });
  setClock(() => new Date('2027-02-01T12:00:00Z'));
  const res = await api.call('POST', '/maintenance/semester-sampling', { token: await api.admin() });
  expect(res.status).toBe(200);
  expect(res.body.drawn.map((d: { agreement: string; programme: string }) => `${d.agreement}/${d.programme}`)).toEqual(
    ALL,
  );
  expect(res.body.drawn.every((d: { semester: string }) => d.semester === '2026-H2')).toBe(true);
  expect((await api.call('POST', '/maintenance/semester-sampling', { token: await api.po('P1') })).status).toBe(403);
});

it('every draw is audited (the timer as the system, the admin trigger as the admin) and the chain verifies', async () => {
  const events = await readAuditLog(api.storage);
  const draws = events.filter((e) => e.action === 'sample.draw');
  expect(draws).toHaveLength(ALL.length * 2);
  expect(draws.filter((e) => e.actorRole === 'system').map((e) => e.target)).toEqual(
    ALL.map((p) => `sample:${p}/2026-H1`),
  );
  expect(draws.filter((e) => e.actorRole === 'admin').map((e) => e.target)).toEqual(
    ALL.map((p) => `sample:${p}/2026-H2`),
  );
  expect(await verifyAuditChain(api.deps)).toMatchObject({ ok: true });
});

it('concurrent first draws (timer and POs) produce one sample', async () => {
  const now = rome('2027-10-01T10:00:00+02:00');
  const po = await api.po('P1');
  const [timer, ...calls] = await Promise.all([
    runSemesterSampling({ storage: api.storage, auditKeys: api.deps.auditKeys }, now),
    ...Array.from({ length: 4 }, () => api.call('POST', `${BASE}/samples/P1/2027-H1/draw`, { token: po })),
  ]);
  expect(timer.failed).toEqual([]);
  const seeds = new Set(calls.map((c) => c.body.seed));
  expect(seeds.size).toBe(1);
  const timerDrewP1 = ofCrema(timer.drawn).some((d) => d.programme === 'P1' && d.semester === '2027-H1');
  expect(calls.filter((c) => c.status === 201)).toHaveLength(timerDrewP1 ? 0 : 1);
  const events = await readAuditLog(api.storage);
  expect(
    events.filter((e) => e.action === 'sample.draw' && e.target === `sample:${agreement.id}/P1/2027-H1`),
  ).toHaveLength(1);
});

it('the timer handler logs counts and ids only', async () => {
  rome('2028-10-01T10:00:00+02:00');
  const { semesterSampling } = await import('../../functions/timers/semester-sampling');
  const lines: string[] = [];
  const context = {
    log: (...a: unknown[]) => lines.push(a.join(' ')),
    error: (...a: unknown[]) => lines.push(a.join(' ')),
  };
  await semesterSampling(api.deps)(
    { isPastDue: false, schedule: { adjustForDST: true }, scheduleStatus: undefined } as never,
    context as never,
  );
  // 2027-H2 and 2028-H1 of the seven programmes (six of Crema, one of the Ambito); three semesters already drawn.
  expect(lines[0]).toMatch(/^semesterSampling 2028-10-01: drawn 14, already drawn 21, failed 0$/);
  expect(lines.filter((l) => l.includes(' drawn crema-2026-2028 '))).toHaveLength(12);
  expect(lines.filter((l) => l.includes(` drawn ${AMBITO} `))).toHaveLength(2);
  expect(lines.join('\n')).not.toMatch(/[A-Z]{6}\d{2}[A-Z]\d{2}[A-Z]\d{3}[A-Z]/);
});
