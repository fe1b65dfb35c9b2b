// Issue 11, item 4 and 6 (DOMAIN §11), over HTTP: a partner reads the reconciliation totals of the
// programmes it reports in and nothing behind the exclusions; the ATS lead partner reads every
// programme's totals; two partners may upload byte-identical documents, each sees its own; "not
// yours" and "does not exist" are the same answer; error bodies never echo input; malformed
// percent-encoding is a 400; a token issued in the future is a 401.
import { demoGoodsRow } from '../../scripts/demo-data';
import { BASE, startTestApi, type TestApi, setClock } from './harness';
import { submit } from './sample-fixtures';

let api: TestApi;
const TAX_CODE = 'QRTZZB80A01D142X';
const PO_REASON = 'Spesa personale del legale rappresentante';
const PDF = Buffer.from('%PDF-1.4\n% stessa fattura, stessi byte\n');
let koalaV1: string;

beforeAll(async () => {
  api = await startTestApi();
  const goods = (prefix: string) => [0, 1, 2].map((i) => demoGoodsRow(i, { prefix, months: [5, 6] }));
  koalaV1 = await submit(api, 'koala', 'P1', goods('b'));
  await submit(api, 'igea', 'P1', goods('b'));
  await submit(
    api,
    'sentiero',
    'P2',
    goods('s').map((r) => ({ ...r, programme: 'P2', action: 'P2.A1' })),
  );
  setClock(() => new Date('2026-10-18T10:00:00Z'));
  const review = await api.call('POST', `${BASE}/reviews`, {
    token: await api.po('P1'),
    json: { submissionId: koalaV1, rowId: 'b-0', decision: 'non_ammesso', reason: PO_REASON },
  });
  expect(review.status).toBe(201);
});
afterAll(async () => {
  await api.close();
});

const isAtsWideR20 = (f: { code: string; params?: { programme?: string } }) =>
  f.code === 'R20' && f.params?.programme === undefined;

const recon = async (query: string, token: string) =>
  api.call('GET', `${BASE}/reconciliation?year=2026&asOf=2026-10-20&${query}`, { token });

describe('reconciliation: totals only, for the programmes the partner reports in', () => {
  it('the PO sees the excluded row and its reason; the partner only the figures', async () => {
    const po = await recon('programme=P1', await api.po('P1'));
    const s6 = po.body.programmes[0].excluded.find((e: { reason: string }) => e.reason === 'S6');
    expect(s6.rowIds).toEqual(['koala/b-0']);
    expect(JSON.stringify(po.body)).toContain(PO_REASON);

    for (const partner of ['koala', 'igea']) {
      const res = await recon('', await api.partner(partner));
      expect(res.status).toBe(200);
      expect(res.body.programmes.map((p: { programme: string }) => p.programme)).toEqual(['P1']);
      const p1 = res.body.programmes[0];
      // The same figures as the PO's…
      expect(p1.admitted).toEqual(po.body.programmes[0].admitted);
      expect(p1.excluded.find((e: { reason: string }) => e.reason === 'S6')).toEqual({
        reason: 'S6',
        amount: s6.amount,
        municipal: s6.municipal,
        cofinancing: s6.cofinancing,
        rowIds: [],
      });
      // …and nothing behind them: no row ids of exclusions, no PO reason, no row findings.
      const text = JSON.stringify(res.body);
      expect(text).not.toContain(PO_REASON);
      expect(text).not.toMatch(/koala\/b-|igea\/b-/);
      expect(res.body.findings.every((f: { rowId?: string }) => f.rowId === undefined)).toBe(true);
      // The ATS-wide position is the lead partner's: no `ats` block, no R20 of the whole ATS.
      expect(res.body.ats).toBeNull();
      expect(res.body.findings.filter(isAtsWideR20)).toEqual([]);
      const xlsx = await api.call('GET', `${BASE}/reconciliation?year=2026&asOf=2026-10-20&format=xlsx`, {
        token: await api.partner(partner),
      });
      expect(xlsx.status).toBe(200);
      expect(xlsx.bytes.length).toBeGreaterThan(0);
    }
  });

  it('the lead partner and the PO read the ATS-wide position', async () => {
    const po = await recon('programme=P1', await api.po('P1'));
    const lead = await recon('', await api.partner('arcobaleno'));
    for (const body of [po.body, lead.body]) {
      expect(body.ats).toEqual(expect.objectContaining({ due: expect.any(String), r20: expect.any(String) }));
    }
    expect(lead.body.ats).toEqual(po.body.ats);
    // Only P1 holds expenses and no co-financing: R20 of the whole ATS is reported, to these two.
    expect(po.body.findings.filter(isAtsWideR20)).toHaveLength(1);
    expect(lead.body.findings.filter(isAtsWideR20)).toHaveLength(1);
  });

  it('a programme the partner does not report in is refused; its PO and the lead partner read it', async () => {
    expect((await recon('programme=P2', await api.partner('koala'))).status).toBe(403);
    expect((await recon('programme=P2', await api.partner('sentiero'))).status).toBe(200);
    const lead = await recon('', await api.partner('arcobaleno'));
    expect(lead.status).toBe(200);
    expect(lead.body.programmes.map((p: { programme: string }) => p.programme)).toEqual([
      'P1',
      'P2',
      'P3',
      'P4',
      'P5',
      'P6',
    ]);
    expect(JSON.stringify(lead.body)).not.toContain(PO_REASON);
    expect(JSON.stringify(lead.body)).not.toMatch(/koala\/b-/);
    // A partner that reports nowhere reads no programme (but is not an error).
    const none = await recon('', await api.partner('auser'));
    expect(none.status).toBe(200);
    expect(none.body.programmes).toEqual([]);
  });
});

describe('documents are stored per partner', () => {
  const docId = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';
  it('two partners upload the same bytes under the same id; each reads its own', async () => {
    const koala = await api.partner('koala');
    const igea = await api.partner('igea');
    const a = await api.call('PUT', `${BASE}/documents/${docId}?programme=P1&kind=fattura`, {
      token: koala,
      body: PDF,
    });
    expect(a.status).toBe(201);
    const b = await api.call('PUT', `${BASE}/documents/${docId}?programme=P1&kind=pagamento`, {
      token: igea,
      body: PDF,
    });
    expect(b.status).toBe(201);
    expect([a.body.partner, b.body.partner]).toEqual(['koala', 'igea']);
    expect(JSON.stringify(b.body)).not.toContain('koala');
    for (const [token, kind] of [
      [koala, 'fattura'],
      [igea, 'pagamento'],
    ]) {
      const own = await api.call('GET', `${BASE}/documents/${docId}`, { token });
      expect(own.status).toBe(200);
      expect(own.bytes.equals(PDF)).toBe(true);
      // The answer is the caller's own upload: a re-upload of the same bytes returns its metadata.
      const again = await api.call('PUT', `${BASE}/documents/${docId}?programme=P1`, { token, body: PDF });
      expect(again.status).toBe(200);
      expect(again.body.kind).toBe(kind);
    }
    // A third partner sees neither: the same 404 as a document nobody uploaded.
    const sentiero = await api.partner('sentiero');
    const other = await api.call('GET', `${BASE}/documents/${docId}`, { token: sentiero });
    const missing = await api.call('GET', `${BASE}/documents/nessuno`, { token: sentiero });
    expect(other.status).toBe(404);
    expect(other.body).toEqual(missing.body);
  });

  it('the PO names the partner when two hold the id; another programme’s PO gets the 404', async () => {
    const po = await api.po('P1');
    const both = await api.call(
      'GET',
      `${BASE}/documents/e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855`,
      { token: po },
    );
    expect(both.status).toBe(409);
    expect(both.body.error.details.partners).toEqual(['igea', 'koala']);
    const igea = await api.call(
      'GET',
      `${BASE}/documents/e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855?partner=igea`,
      { token: po },
    );
    expect(igea.status).toBe(200);
    const p2 = await api.call(
      'GET',
      `${BASE}/documents/e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855?partner=igea`,
      {
        token: await api.po('P2'),
      },
    );
    expect(p2.status).toBe(404);
  });
});

describe('not yours = does not exist; nothing echoed back', () => {
  it('another partner’s version answers exactly like a version that was never made', async () => {
    const igea = await api.partner('igea');
    const other = await api.call('GET', `${BASE}/submissions/${koalaV1}`, { token: igea });
    const never = await api.call('GET', `${BASE}/submissions/koala.P1.2026.v777`, { token: igea });
    expect(other.status).toBe(404);
    expect(other.body).toEqual(never.body);
  });

  it.each([
    ['POST', `${BASE}/submissions`, { programme: `Zebedeo ${TAX_CODE}`, partner: 'koala', year: 2026, rows: [] }],
    [
      'POST',
      `${BASE}/validate`,
      { programme: 'P1', partner: 'koala', year: 2026, rows: [{ rowId: TAX_CODE, category: TAX_CODE }] },
    ],
    ['POST', `${BASE}/submissions`, { programme: 'P1', partner: 'koala', year: 2026, rows: [], [TAX_CODE]: 1 }],
    ['POST', `${BASE}/samples/P1/2026-H1/outcomes/1`, { outcome: 'ammesso', [TAX_CODE]: 1 }],
    ['GET', `/agreements/${TAX_CODE}/submissions`, undefined],
    ['GET', `${BASE}/submissions/${TAX_CODE}`, undefined],
    ['GET', `${BASE}/documents/${TAX_CODE}`, undefined],
    ['GET', `${BASE}/samples/P1/${TAX_CODE}`, undefined],
    ['GET', `${BASE}/samples/${TAX_CODE}/2026-H1`, undefined],
    ['POST', `${BASE}/samples/P1/2026-H1/outcomes/${TAX_CODE}`, { observations: 'x' }],
  ])('%s %s does not repeat the tax code', async (method, path, json) => {
    const res = await api.call(method, path, { token: await api.partner('koala'), json });
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    expect(res.bytes.toString('utf8')).not.toContain(TAX_CODE);
  });

  it('a malformed percent-encoding in a route is a 400, not a 500', async () => {
    const res = await api.call('GET', `${BASE}/submissions/%E0%A4%A`, { token: await api.partner('koala') });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('bad_request');
    expect(res.body.error.message).toMatch(/non valido/);
  });
});

describe('tokens issued in the future', () => {
  it('an iat a day ahead is a 401; within the clock skew it is accepted', async () => {
    const ahead = await api.token(
      { roles: ['partner'], partner: 'koala' },
      { now: new Date(Date.now() + 24 * 3600 * 1000) },
    );
    const res = await api.call('GET', `${BASE}/submissions`, { token: ahead });
    expect(res.status).toBe(401);
    expect(res.body.error.details).toEqual({ reason: 'claim_iat' });
    const skewed = await api.token({ roles: ['partner'], partner: 'koala' }, { now: new Date(Date.now() + 10_000) });
    expect((await api.call('GET', `${BASE}/submissions`, { token: skewed })).status).toBe(200);
  });
});
