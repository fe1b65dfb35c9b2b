// Exclusions the reconciliation finds by re-validating the current versions as of `asOf`: a row
// still missing documents when its window locks (R25) and the excess of general costs (R21).
import type { RowInput } from '../../shared/rows/rows';
import { BASE, setClock, startTestApi, type TestApi } from './harness';
import { goodsRows, submit } from './sample-fixtures';

let api: TestApi;

const generalCost: RowInput = {
  rowId: 'g-1',
  category: 'GEN',
  sheet: 'Generali',
  row: 2,
  description: 'Quota affitto sede',
  allocationKey: 'metri quadri',
  date: '2026-06-15',
  amount: '100.00',
  municipalShare: '100.00',
  cofinancingShare: '0.00',
  programme: 'P3',
  action: 'P3.A1',
  documents: 'fattura, criterio di imputazione',
};

beforeAll(async () => {
  api = await startTestApi();
  const goods = goodsRows(3, 'P3');
  goods[1] = { ...goods[1], documents: 'fattura' }; // the payment proof is missing: R15 warning while open
  await submit(api, 'koala', 'P3', [...goods, generalCost]);
});
afterAll(async () => {
  await api.close();
});

const p3 = async (asOf: string) => {
  setClock(() => new Date(`${asOf}T10:00:00Z`));
  const res = await api.call('GET', `${BASE}/reconciliation?year=2026&programme=P3&asOf=${asOf}`, {
    token: await api.po('P3'),
  });
  expect(res.status).toBe(200);
  return res.body.programmes[0];
};

it('before the window locks a missing document excludes nothing; after the lock it is R25', async () => {
  const open = await p3('2026-09-15');
  expect(open.excluded.map((e: { reason: string }) => e.reason)).not.toContain('R25');
  const locked = await p3('2026-10-18');
  const r25 = locked.excluded.find((e: { reason: string }) => e.reason === 'R25');
  expect(r25).toMatchObject({ amount: '122.00', rowIds: ['koala/b-1'] });
  expect(r25.findings.map((f: { code: string }) => f.code)).toContain('R25');
});

it('the general-cost excess over 7% of direct costs is excluded (R21), on the GEN rows', async () => {
  const locked = await p3('2026-10-18');
  const r21 = locked.excluded.find((e: { reason: string }) => e.reason === 'R21');
  expect(r21).toBeDefined();
  expect(r21.rowIds).toEqual(['koala/g-1']);
  expect(Number(r21.amount)).toBeGreaterThan(0);
  expect(Number(r21.amount)).toBeLessThan(100);
  // A = reported − every exclusion, to the cent.
  const excluded = locked.excluded.reduce(
    (t: number, e: { amount: string }) => t + Math.round(Number(e.amount) * 100),
    0,
  );
  expect(Math.round(Number(locked.admitted.total) * 100)).toBe(
    Math.round(Number(locked.reported.municipal) * 100) - excluded,
  );
});
