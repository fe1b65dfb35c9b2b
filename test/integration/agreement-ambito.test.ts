// The second agreement over HTTP (ambito-poverta-2026-2028, seed 003): its configuration, a
// partner's report and the reconciliation read by a PO of P1, all without an approved budget.
// Its data never mix with the Crema agreement's, which has a P1 of its own, and neither do its
// POs: a PO token names (agreement, programme) pairs, so Crema's PO of P1 is refused here.
import { runSemesterSampling } from '../../functions/timers/semester-sampling';
import { BASE as CREMA_BASE, setClock, startTestApi, type TestApi } from './harness';
import { BEFORE_LOCK, H1_DUE, goodsRows, personnelRows, range } from './sample-fixtures';

const ID = 'ambito-poverta-2026-2028';
const BASE = `/agreements/${ID}`;
/** Claim entries of the two POs of a P1: the Ambito's and Crema's. */
const AMBITO_P1 = `${ID}/P1`;
const CREMA_P1 = 'crema-2026-2028/P1';
const PDF = Buffer.from('%PDF-1.4\n% ambito\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
let api: TestApi;
let submissionId: string;

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
  submissionId = res.body.submissionId;
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
    token: await api.po(AMBITO_P1),
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
    token: await api.po(AMBITO_P1),
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

describe('a PO token is scoped to (agreement, programme): P1 of Crema is not P1 of the Ambito', () => {
  const review = () => ({ submissionId, rowId: 'b-0', decision: 'non_ammesso', reason: 'Spesa non pertinente' });
  const rows = () => ({ programme: 'P1', partner: 'koala', year: 2026, rows: goodsRows(1) });

  beforeAll(async () => {
    const doc = await api.call('PUT', `${BASE}/documents/ambito-doc-1?programme=P1`, {
      token: await api.partner('koala'),
      body: PDF,
    });
    expect(doc.status).toBe(201);
  });

  it("a PO of Crema's P1 gets 403 on every route of the Ambito's P1", async () => {
    const token = await api.po(CREMA_P1);
    const refused: [string, string, unknown?][] = [
      ['GET', `${BASE}/reconciliation?year=2026&programme=P1`],
      ['GET', `${BASE}/reconciliation?year=2026&programme=P1&format=xlsx`],
      // Without a programme it has none here: it would still read the Ambito's ATS totals.
      ['GET', `${BASE}/reconciliation?year=2026`],
      ['POST', `${BASE}/samples/P1/2026-H1/draw`, {}],
      ['GET', `${BASE}/samples/P1/2026-H1`],
      ['POST', `${BASE}/samples/P1/2026-H1/outcomes/1`, { outcome: 'ammesso' }],
      ['POST', `${BASE}/reviews`, review()],
      ['GET', `${BASE}/submissions?programme=P1`],
      ['POST', `${BASE}/validate`, rows()],
    ];
    for (const [method, path, json] of refused) {
      const res = await api.call(method, path, { token, json });
      expect({ method, path, status: res.status, code: res.body?.error?.code }).toEqual({
        method,
        path,
        status: 403,
        code: 'forbidden',
      });
    }
    // A resource by id that is not the caller's answers as one that does not exist (DOMAIN §11).
    for (const path of [`${BASE}/submissions/${submissionId}`, `${BASE}/documents/ambito-doc-1`]) {
      const res = await api.call('GET', path, { token });
      expect({ path, status: res.status, code: res.body?.error?.code }).toEqual({
        path,
        status: 404,
        code: 'not_found',
      });
    }
    // The unfiltered list answers only the PO's own pairs: none in this agreement.
    const list = await api.call('GET', `${BASE}/submissions`, { token });
    expect(list.status).toBe(200);
    expect(list.body.submissions).toEqual([]);
  });

  it("a PO of the Ambito's P1 gets through, and not into Crema's P1", async () => {
    const token = await api.po(AMBITO_P1);
    expect((await api.call('GET', `${BASE}/reconciliation?year=2026&programme=P1`, { token })).status).toBe(200);
    expect((await api.call('GET', `${BASE}/reconciliation?year=2026`, { token })).status).toBe(200);
    const list = await api.call('GET', `${BASE}/submissions`, { token });
    expect(list.status).toBe(200);
    expect(list.body.submissions.map((v: { submissionId: string }) => v.submissionId)).toEqual([submissionId]);
    expect((await api.call('GET', `${BASE}/submissions?programme=P1`, { token })).body.submissions).toHaveLength(1);
    expect((await api.call('GET', `${BASE}/submissions/${submissionId}`, { token })).status).toBe(200);
    const doc = await api.call('GET', `${BASE}/documents/ambito-doc-1`, { token });
    expect(doc.status).toBe(200);
    expect(doc.bytes.equals(PDF)).toBe(true);
    expect((await api.call('POST', `${BASE}/validate`, { token, json: rows() })).status).toBe(200);
    // Not yet drawn (the timer below draws it): past the scope check, the sample is simply missing.
    expect((await api.call('GET', `${BASE}/samples/P1/2026-H1`, { token })).status).toBe(404);

    for (const path of [
      `${CREMA_BASE}/reconciliation?year=2026&programme=P1`,
      `${CREMA_BASE}/reconciliation?year=2026`,
      `${CREMA_BASE}/samples/P1/2026-H1`,
      `${CREMA_BASE}/submissions?programme=P1`,
    ]) {
      expect({ path, status: (await api.call('GET', path, { token })).status }).toEqual({ path, status: 403 });
    }
    expect((await api.call('POST', `${CREMA_BASE}/samples/P1/2026-H1/draw`, { token, json: {} })).status).toBe(403);
  });

  it('a bare "P1" entry (tokens issued before the second agreement) means Crema\'s P1 only', async () => {
    const token = await api.token({ roles: ['po'], programmes: ['P1'] });
    expect((await api.call('GET', `${CREMA_BASE}/reconciliation?year=2026&programme=P1`, { token })).status).toBe(200);
    expect((await api.call('GET', `${BASE}/reconciliation?year=2026&programme=P1`, { token })).status).toBe(403);
    // Resources by id: "not yours" is "does not exist" (DOMAIN §11).
    for (const path of [`${BASE}/submissions/${submissionId}`, `${BASE}/documents/ambito-doc-1`]) {
      expect({ path, status: (await api.call('GET', path, { token })).status }).toEqual({ path, status: 404 });
    }
  });

  it('malformed entries grant nothing; an unknown agreement id never matches a route', async () => {
    const malformed = await api.token({
      roles: ['po'],
      programmes: ['/P1', 'P1/', `${ID}/P1/x`, ' P1', 42] as string[],
    });
    const res = await api.call('GET', `${BASE}/reconciliation?year=2026&programme=P1`, { token: malformed });
    expect(res.status).toBe(403);
    expect(res.body.error.details).toMatchObject({ allowedRoles: ['po', 'partner', 'admin'] });
    const unknown = await api.token({ roles: ['po'], programmes: ['nowhere-2026-2028/P1'] });
    expect((await api.call('GET', `${BASE}/reconciliation?year=2026&programme=P1`, { token: unknown })).status).toBe(
      403,
    );
    expect((await api.call('GET', `${BASE}/submissions`, { token: unknown })).body.submissions).toEqual([]);
  });
});

it('the semester sampling timer draws the Ambito P1 too, from its own population', async () => {
  const run = await runSemesterSampling({ storage: api.storage, auditKeys: api.deps.auditKeys }, H1_DUE);
  expect(run.failed).toEqual([]);
  expect(run.drawn.filter((d) => d.agreement === ID)).toEqual([
    { agreement: ID, programme: 'P1', semester: '2026-H1', population: 3, n: 1 },
  ]);
  const sample = await api.call('GET', `${BASE}/samples/P1/2026-H1`, { token: await api.po(AMBITO_P1) });
  expect(sample.status).toBe(200);
  expect(sample.body).toMatchObject({ population: 3, n: 1 });
});

it("the Ambito's PO draws (the timer's sample, kept) and reviews its P1; Crema's PO still cannot", async () => {
  const ambito = await api.po(AMBITO_P1);
  const crema = await api.po(CREMA_P1);
  expect((await api.call('POST', `${BASE}/samples/P1/2026-H1/draw`, { token: crema, json: {} })).status).toBe(403);
  const draw = await api.call('POST', `${BASE}/samples/P1/2026-H1/draw`, { token: ambito, json: {} });
  expect(draw.status).toBe(200);
  expect(draw.body).toMatchObject({ result: 'existing', n: 1 });
  const json = { submissionId, rowId: 'b-0', decision: 'non_ammesso', reason: 'Spesa non pertinente' };
  expect((await api.call('POST', `${BASE}/reviews`, { token: crema, json })).status).toBe(403);
  const review = await api.call('POST', `${BASE}/reviews`, { token: ambito, json });
  expect(review.status).toBe(201);
  expect(review.body).toMatchObject({ agreement: ID, programme: 'P1', rowId: 'b-0' });
});
