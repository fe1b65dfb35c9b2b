// The demo of `npm start` as the server sees it: every seeded report lands whole, a second run is
// a no-op, the demo workbook's rows are koala's version 1 plus exactly three planted mistakes,
// and the mid-year reconciliation of P1 reads as mid-year (co-financing above 10%, a contribution
// due, nothing "da recuperare" before the year closes, a projection that is labelled as one).
import { getAgreement } from '../../shared/agreement/agreements';
import { demoPlan, demoPlantedRows } from '../../scripts/demo-data';
import { seedDemo } from '../../scripts/seed-demo';
import { BASE, setClock, startTestApi, type TestApi } from './harness';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(async () => {
  await api.close();
});

const NOW = new Date('2026-10-15T09:00:00Z'); // W3 open, W2 locked on 30 September
const agreement = getAgreement('crema-2026-2028')!;

it('seeds once, and the demo workbook resubmitted gives N accepted and exactly R02, R05, R10', async () => {
  const first = await seedDemo(api.deps, NOW);
  expect(first.seeded.map((s) => [s.submissionId, s.replayed, s.rejected])).toEqual([
    ['koala.P1.2026.v1', false, 0],
    ['arcobaleno.P1.2026.v1', false, 0],
    ['igea.P2.2026.v1', false, 0],
    ['mestieri.P5.2026.v1', false, 0],
  ]);
  const again = await seedDemo(api.deps, new Date('2026-11-20T09:00:00Z'));
  expect(again.seeded.every((s) => s.replayed)).toBe(true);
  expect(again.koalaRows).toEqual(first.koalaRows);

  // The workbook as the pane sends it: no ids, seeded rows plus the planted ones.
  setClock(() => new Date('2026-11-20T09:00:00Z'));
  const plan = demoPlan(agreement, '2026-11-20');
  const rows = [...first.koalaRows, ...demoPlantedRows(plan, first.koalaRows)].map((r) => {
    const { rowId: _id, ...rest } = r;
    return rest;
  });
  const token = await api.partner('koala');
  const res = await api.call('POST', `${BASE}/submissions`, {
    token,
    json: { programme: 'P1', partner: 'koala', year: 2026, rows },
  });
  expect(res.status).toBe(201);
  expect(res.body.accepted).toHaveLength(first.koalaRows.length);
  const errors = res.body.rejected.flatMap((r: { findings: { code: string; severity: string }[] }) =>
    r.findings.filter((f) => f.severity === 'error').map((f) => f.code),
  );
  expect(errors.sort()).toEqual(['R02', 'R05', 'R10']);
  expect(res.body.changes).toEqual({ added: 0, changed: 0, removed: 0, unchanged: first.koalaRows.length });
  expect(res.body.carriedOverRows).toEqual([]);
});

it('gives a mid-year reconciliation of P1 with co-financing, a contribution due and a labelled projection', async () => {
  const token = await api.po('P1');
  const res = await api.call('GET', `${BASE}/reconciliation?year=2026&programme=P1&asOf=2026-11-20`, { token });
  expect(res.status).toBe(200);
  const p1 = res.body.programmes[0];
  expect(res.body.phase).toBe('during');
  expect(Number(p1.cofinancingShare)).toBeGreaterThanOrEqual(10);
  expect(Number(p1.contribution.due)).toBeGreaterThan(0);
  expect(p1.toRecover).toBe('0.00');
  expect(p1.projection).toMatchObject({ basis: 'linear' });
  expect(Number(p1.projection.contributionDue)).toBeGreaterThan(Number(p1.contribution.due));
  expect(res.body.ats.r20).toBe('ok');
});
