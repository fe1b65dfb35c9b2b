// The second agreement over HTTP (ambito-poverta-2026-2028, seed 003): its configuration, a
// partner's report and the reconciliation read by a PO of P1, all without an approved budget.
// Its data never mix with the Crema agreement's, which has a P1 of its own.
import { setClock } from '../../functions/lib/clock';
import { runSemesterSampling } from '../../functions/timers/semester-sampling';
import { BASE as CREMA_BASE, startTestApi, type TestApi } from './harness';
import { BEFORE_LOCK, H1_DUE, goodsRows, personnelRows, range } from './sample-fixtures';

const ID = 'ambito-poverta-2026-2028';
const BASE = `/agreements/${ID}`;
let api: TestApi;

beforeAll(async () => {
  api = await startTestApi();
});
afterAll(async () => {
  await api.close();
});

it('GET /agreements/ambito-poverta-2026-2028 answers its configuration: P1, no budget, the ATS partners', async () => {
  const res = await api.call('GET', BASE, { token: await api.partner('koala') });
  expect(res.status).toBe(200);
  expect(res.body).toMatchObject({ id: ID, budgets: [], years: [2026, 2027, 2028] });
  expect(res.body.programmes.map((p: { id: string }) => p.id)).toEqual(['P1']);
  expect(res.body.programmes[0].actions).toHaveLength(6);
  expect(res.body.partners).toHaveLength(20);
  expect(res.body.reference.ministryHourlyCosts).toBeDefined();
});

it('a partner submits a small valid report: accepted, R22 and R23 say there is no approved budget', async () => {
  setClock(() => BEFORE_LOCK);
  const rows = [...personnelRows(range(0, 3)), ...goodsRows(1)];
  const res = await api.call('POST', `${BASE}/submissions`, {
    token: await api.partner('koala'),
    json: { programme: 'P1', partner: 'koala', year: 2026, rows },
  });
  expect(res.status).toBe(201);
  expect(res.headers.get('location')).toBe(`/api/agreements/${ID}/submissions/${res.body.submissionId}`);
  expect(res.body.rejected).toEqual([]);
  expect(res.body.accepted).toHaveLength(4);
  const report = res.body.findings.filter((f: { code: string }) => f.code === 'R22' || f.code === 'R23');
  expect(report.map((f: { code: string; severity: string }) => `${f.code} ${f.severity}`)).toEqual([
    'R22 info',
    'R23 info',
  ]);
  expect(report[0].message).toContain("nessuna versione di budget approvata per l'anno 2026");
});

it('the PO of P1 reads the reconciliation: budget 0.00, contribution due 0.00, a C1 note', async () => {
  setClock(() => H1_DUE);
  const res = await api.call('GET', `${BASE}/reconciliation?year=2026&programme=P1&asOf=2026-10-01`, {
    token: await api.po('P1'),
  });
  expect(res.status).toBe(200);
  expect(res.body.agreement).toBe(ID);
  const [p1] = res.body.programmes;
  // 3 persons × 370.00 + 1 goods row × 122.00 (sample-fixtures)
  expect(p1).toMatchObject({
    programme: 'P1',
    budget: { municipal: '0.00', cofinancing: '0.00', planned: '0.00' },
    reported: { municipal: '1232.00', cofinancing: '0.00' },
    admitted: { municipal: '1232.00', total: '1232.00' },
    contribution: { proportional: '0.00', cappedByAdmitted: '0.00', due: '0.00' },
    tranches: { first: '0.00', second: '0.00', balance: '0.00' },
    toRecover: '0.00',
  });
  expect(p1.trail.find((t: { figure: string }) => t.figure === 'budget.planned').formula).toContain(
    'nessuna versione di budget approvata',
  );
  expect(res.body.ats).toMatchObject({ due: '0.00', r20: 'ok' });
  expect(res.body.findings).toEqual([
    expect.objectContaining({
      code: 'C1',
      severity: 'warning',
      params: expect.objectContaining({ variant: 'noBudget' }),
    }),
  ]);

  const xlsx = await api.call('GET', `${BASE}/reconciliation?year=2026&programme=P1&asOf=2026-10-01&format=xlsx`, {
    token: await api.po('P1'),
  });
  expect(xlsx.status).toBe(200);
  expect(xlsx.headers.get('content-disposition')).toContain(`riconciliazione-${ID}-2026-P1-2026-10-01.xlsx`);
});

it("keeps the agreements apart: Crema's P1 does not see the Ambito's rows", async () => {
  const crema = await api.call('GET', `${CREMA_BASE}/reconciliation?year=2026&programme=P1&asOf=2026-10-01`, {
    token: await api.po('P1'),
  });
  expect(crema.status).toBe(200);
  expect(crema.body.programmes[0]).toMatchObject({ reported: { municipal: '0.00', cofinancing: '0.00' } });
});

it("today a PO token's programmes are not agreement-scoped: a PO of P1 reads P1 of either agreement", async () => {
  // Pinned so that the change to an agreement-scoped claim shows up here (see the report of this change).
  const po = await api.po('P1');
  for (const base of [BASE, CREMA_BASE]) {
    expect((await api.call('GET', `${base}/reconciliation?year=2026&programme=P1`, { token: po })).status).toBe(200);
  }
  expect((await api.call('GET', `${BASE}/reconciliation?year=2026&programme=P2`, { token: po })).status).toBe(404);
});

it('the semester sampling timer draws the Ambito P1 too, from its own population', async () => {
  const run = await runSemesterSampling({ storage: api.storage }, H1_DUE);
  expect(run.failed).toEqual([]);
  expect(run.drawn.filter((d) => d.agreement === ID)).toEqual([
    { agreement: ID, programme: 'P1', semester: '2026-H1', population: 3, n: 1 },
  ]);
  const sample = await api.call('GET', `${BASE}/samples/P1/2026-H1`, { token: await api.po('P1') });
  expect(sample.status).toBe(200);
  expect(sample.body).toMatchObject({ population: 3, n: 1 });
});
