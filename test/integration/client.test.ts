// The one typed client (client/) against the real API over loopback: every answer it parses with
// the contract is what the Functions really send (a mismatch would be a 502 bad_answer here), the
// errors arrive as ApiError with the server's Italian message and JSON paths, and the pane's
// outbox on top of it keeps one Idempotency-Key across retries, so a lost answer never makes a
// second version. The PO pane's client (createPoApi) and the CLI's fetch run on the same routes.
import { createHash } from 'node:crypto';
import { ApiError, createClient, type FetchLike, type RendicontaClient } from '../../client';
import { ApiClient } from '../../addin/api/client';
import { Outbox, type KeyValueStore, type OutboxEvent } from '../../addin/api/outbox';
import { createPoApi } from '../../addin/po/po-api';
import { fetchReconciliation } from '../../cli/reconciliation-fetch';
import { demoRows } from '../../scripts/demo-data';
import { AGREEMENT, setClock, startTestApi, type TestApi } from './harness';
import { H1_DUE, personnelRows, range, submit, taxCodes } from './sample-fixtures';

let api: TestApi;
const nodeFetch: FetchLike = (url, init) => fetch(url, init);
const PDF = new Uint8Array(Buffer.from('%PDF-1.4\n% client test\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n'));

const clientWith = (token: string | null, fetcher: FetchLike = nodeFetch): RendicontaClient =>
  createClient({ baseUrl: `${api.url}/`, token: () => token, fetch: fetcher });

beforeAll(async () => {
  api = await startTestApi();
});
afterAll(async () => {
  await api.close();
});

describe('partner routes', () => {
  beforeAll(() => setClock(() => new Date('2026-09-10T10:00:00Z'))); // W2 (May–Aug) still open

  it('reads health and the agreement as the contract says', async () => {
    const anonymous = clientWith(null);
    expect(await anonymous.health()).toEqual({ status: 'ok', storage: 'ok', time: '2026-09-10T10:00:00.000Z' });
    const agreement = await clientWith(await api.partner('koala')).getAgreement(AGREEMENT);
    expect(agreement.id).toBe(AGREEMENT);
    expect(agreement.programmes).toHaveLength(6);
    expect(agreement.reference.ministryHourlyCosts.tables.length).toBeGreaterThan(0);
  });

  it('validates, submits, lists and reads a version', async () => {
    const koala = clientWith(await api.partner('koala'));
    const body = { programme: 'P4', partner: 'koala', year: 2026, rows: demoRows(4, { programme: 'P4' }) };
    const checked = await koala.validate(AGREEMENT, body);
    expect(checked).toMatchObject({ accepted: ['b-0', 'b-1', 'p-2', 'b-3'], rejected: [], currentVersion: 0 });
    expect(checked.summary).toEqual({ error: 0, warning: expect.any(Number), info: expect.any(Number) });
    const answer = await koala.submit(AGREEMENT, body, 'client-test-1');
    expect(answer).toMatchObject({ submissionId: 'koala.P4.2026.v1', version: 1, rejected: [] });
    // The same key again: the first answer, not a second version.
    expect(await koala.submit(AGREEMENT, body, 'client-test-1')).toEqual(answer);
    const { submissions } = await koala.listSubmissions(AGREEMENT, { programme: 'P4', year: 2026 });
    expect(submissions.map((s) => s.submissionId)).toEqual(['koala.P4.2026.v1']);
    expect(submissions[0]).toMatchObject({ partner: 'koala', rowCount: 4, baseVersion: null, actorRole: 'partner' });
    const version = await koala.getSubmission(AGREEMENT, answer.submissionId);
    expect(version.rows.map((r) => r.rowId)).toEqual(['b-0', 'b-1', 'p-2', 'b-3']);
    expect(version).toMatchObject({ accepted: answer.accepted, carriedOver: [] });
    const pane = new ApiClient(async () => api.partner('koala'), api.url, nodeFetch);
    const report = { partner: 'koala', programme: 'P4', year: 2026 };
    expect(await pane.latestSubmission(AGREEMENT, report)).toEqual({
      submissionId: 'koala.P4.2026.v1',
      version: 1,
      rows: version.rows,
    });
    expect(await pane.latestSubmission(AGREEMENT, { ...report, programme: 'P5' })).toBeNull();
  });

  it('uploads a document and downloads the same bytes', async () => {
    const koala = clientWith(await api.partner('koala'));
    const meta = await koala.uploadDocument(AGREEMENT, 'client-doc-1', PDF, {
      programme: 'P4',
      rowId: 'b-0',
      fileName: 'fattura.pdf',
    });
    expect(meta).toMatchObject({ docId: 'client-doc-1', partner: 'koala', contentType: 'application/pdf' });
    const file = await koala.downloadDocument(AGREEMENT, 'client-doc-1');
    expect(Buffer.from(file.bytes).equals(Buffer.from(PDF))).toBe(true);
    expect(file).toMatchObject({ contentType: 'application/pdf', fileName: 'fattura.pdf', sha256: meta.sha256 });
  });

  it('normalises errors: the API’s code, Italian message and JSON paths; status 0 offline', async () => {
    const koala = clientWith(await api.partner('koala'));
    const bad = { programme: 'P4', partner: 'koala', year: 2026, rows: [{ rowId: '', category: 'X' }] };
    const invalid = await koala.validate(AGREEMENT, bad).catch((e: unknown) => e);
    expect(invalid).toBeInstanceOf(ApiError);
    expect(invalid).toMatchObject({ status: 422, code: 'validation_failed', retryable: false });
    const paths = ((invalid as ApiError).details as { issues: { path: string }[] }).issues.map((i) => i.path);
    expect(paths).toEqual(expect.arrayContaining(['$.rows[0].rowId', '$.rows[0].category']));
    await expect(clientWith(null).getAgreement(AGREEMENT)).rejects.toMatchObject({
      status: 401,
      code: 'unauthenticated',
      message: 'Accesso non autorizzato: token mancante, scaduto o non valido.',
    });
    // Another partner's version answers as a missing one (DOMAIN §11, issue 11).
    await expect(koala.getSubmission(AGREEMENT, 'igea.P4.2026.v1')).rejects.toMatchObject({
      status: 404,
      code: 'not_found',
    });
    const offline = clientWith('t', async () => {
      throw new TypeError('fetch failed');
    });
    await expect(offline.health()).rejects.toMatchObject({ status: 0, code: 'network', retryable: true });
  });
});

describe('the pane’s outbox on top of the client', () => {
  beforeAll(() => setClock(() => new Date('2026-09-10T10:00:00Z')));

  const memoryStore = (): KeyValueStore => {
    const data = new Map<string, string>();
    return { getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v) };
  };

  it('an answer lost on the way back is retried with the same key: one version on the server', async () => {
    const token = await api.partner('arcobaleno');
    const keys: string[] = [];
    let loseAnswers = true;
    // Reaches the server, then loses the answer (as a dropped connection would).
    const flaky: FetchLike = async (url, init) => {
      keys.push(init.headers['Idempotency-Key']);
      const response = await fetch(url, init);
      if (loseAnswers) throw new TypeError('connection reset');
      return response;
    };
    let now = 1_000_000;
    const pane = new ApiClient(async () => token, api.url, flaky);
    const outbox = new Outbox(
      memoryStore(),
      (entry) => pane.submit(entry.agreementId, entry.body, entry.id),
      () => now,
    );
    const events: OutboxEvent['type'][] = [];
    outbox.on((e) => events.push(e.type));
    const body = { programme: 'P2', partner: 'arcobaleno', year: 2026, rows: demoRows(3, { programme: 'P2' }) };
    await outbox.add(AGREEMENT, body, 'outbox-key-1');
    expect(outbox.entries()).toMatchObject([{ id: 'outbox-key-1', attempts: 1 }]);
    loseAnswers = false;
    now += 60_000;
    await outbox.flush();
    outbox.dispose();
    expect(events).toEqual(['waiting', 'sent']);
    expect(keys).toEqual(['outbox-key-1', 'outbox-key-1']);
    const list = await clientWith(token).listSubmissions(AGREEMENT, { partner: 'arcobaleno', programme: 'P2' });
    expect(list.submissions.map((s) => s.version)).toEqual([1]);
  });
});

describe('PO routes, the PO pane and the CLI', () => {
  const P1 = range(0, 20);
  let submissionId: string;

  beforeAll(async () => {
    submissionId = await submit(api, 'koala', 'P1', personnelRows(P1));
    setClock(() => H1_DUE);
  });

  it('draws, reads, decides and reviews with typed answers', async () => {
    const po = clientWith(await api.po('P1'));
    const drawn = await po.drawSample(AGREEMENT, 'P1', '2026-H1', { seed: 'seme del client', rate: '10%' });
    expect(drawn).toMatchObject({ result: 'drawn', seed: 'seme del client', population: 20, n: 2, drawnBy: 'po' });
    expect(taxCodes(P1)).toEqual(expect.arrayContaining(drawn.selected.map((p) => p.personId)));
    const again = await po.drawSample(AGREEMENT, 'P1', '2026-H1');
    expect(again.result).toBe('existing');
    const view = await po.getSample(AGREEMENT, 'P1', '2026-H1');
    expect(view.selected.map((p) => p.rank)).toEqual([1, 2]);
    const first = view.selected[0];
    const decided = await po.recordOutcome(AGREEMENT, 'P1', '2026-H1', String(first.rank), {
      outcome: 'ammesso_parzialmente',
      // At most the person's reported cost, 20 h × 18,50 = 370,00 € (S5, issue 11).
      amount: '300,00',
      reason: 'Buste paga incomplete',
    });
    expect(decided).toMatchObject({ rank: 1, status: 'ammesso_parzialmente', admittedAmount: '300.00' });
    expect(decided.history.map((e) => e.type)).toEqual(['decision']);
    const review = await po.createReview(AGREEMENT, {
      submissionId,
      rowId: (await po.getSubmission(AGREEMENT, submissionId)).rows[0].rowId,
      decision: 'non_ammesso',
      reason: 'Fuori periodo',
    });
    expect(review).toMatchObject({ submissionId, decision: 'non_ammesso', actorRole: 'po', decidedOn: '2026-10-01' });
    const conflict = await po
      .recordOutcome(AGREEMENT, 'P1', '2026-H1', String(first.rank), { outcome: 'ammesso' })
      .catch((e: unknown) => e);
    expect(conflict).toMatchObject({ status: 409, code: 'state_conflict' });
    expect((conflict as ApiError).message).toMatch(/[a-zà-ù]/);
  });

  it('downloads the frozen population (the bytes of its hash) and reads the ATS status as the lead', async () => {
    const po = clientWith(await api.po('P1'));
    const view = await po.getSample(AGREEMENT, 'P1', '2026-H1');
    const population = await po.samplePopulation(AGREEMENT, 'P1', '2026-H1');
    expect(createHash('sha256').update(population.bytes).digest('hex')).toBe(view.populationHash);
    expect(population.contentType).toMatch(/^text\/plain/);

    const lead = clientWith(await api.partner('arcobaleno'));
    const status = await lead.atsStatus(AGREEMENT, { year: 2026, asOf: '2026-10-01' });
    expect(status).toMatchObject({ agreement: AGREEMENT, year: 2026, asOf: '2026-10-01', leadPartner: 'arcobaleno' });
    const p1 = status.programmes.find((p) => p.programme === 'P1');
    expect(p1?.members.map((m) => m.partner)).toContain('koala');
    expect(p1?.samples.map((s) => s.populationHash)).toContain(view.populationHash);
    expect(Buffer.from(await lead.samplePopulation(AGREEMENT, 'P1', '2026-H1').then((f) => f.bytes))).toEqual(
      Buffer.from(population.bytes),
    );

    const koala = clientWith(await api.partner('koala'));
    const refused = await koala.atsStatus(AGREEMENT, { year: 2026 }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ApiError);
    expect((refused as ApiError).status).toBe(403);
  });

  it('the PO pane reads the same sample and versions, without personal data in the row summaries', async () => {
    const token = await api.po('P1');
    const pane = createPoApi({ baseUrl: api.url, agreement: AGREEMENT, getToken: () => token, fetch: nodeFetch });
    const sample = await pane.getSample('P1', '2026-H1');
    expect(sample).toMatchObject({ programme: 'P1', semester: '2026-H1', seedGenerated: false, drawnBy: 'po', n: 2 });
    expect(sample?.selected[0]).toMatchObject({ rank: 1, final: false, contradictory: true });
    expect(sample?.selected[0].outcome).toMatchObject({ outcome: 'ammesso_parzialmente', amount: '300.00' });
    expect(await pane.getSample('P1', '2027-H1')).toBeNull();
    const versions = await pane.listSubmissions('P1', 2026);
    expect(versions.map((v) => v.submissionId)).toContain(submissionId);
    const rows = await pane.submissionRows(submissionId);
    expect(rows).toHaveLength(20);
    expect(JSON.stringify(rows)).not.toMatch(/[A-Z]{6}\d{2}[A-Z]\d{2}[A-Z]\d{3}[A-Z]/);
  });

  it('reconciliation as JSON (client and CLI) and as the workbook; the admin runs the sampling job', async () => {
    const token = await api.po('P1');
    const po = clientWith(token);
    const answer = await po.reconciliation(AGREEMENT, { year: 2026, programme: 'P1', asOf: '2026-10-01' });
    expect(answer.programmes.map((p) => p.programme)).toEqual(['P1']);
    const cli = await fetchReconciliation(
      { baseUrl: api.url, agreement: AGREEMENT, token },
      { year: 2026, programme: 'P1', asOf: '2026-10-01' },
      nodeFetch,
    );
    expect(cli).toEqual(answer);
    const workbook = await po.reconciliationWorkbook(AGREEMENT, { year: 2026, programme: 'P1', asOf: '2026-10-01' });
    expect(Buffer.from(workbook.bytes.subarray(0, 2)).toString()).toBe('PK');
    expect(workbook.fileName).toBe('riconciliazione-crema-2026-2028-2026-P1-2026-10-01.xlsx');
    const run = await clientWith(await api.admin()).runSemesterSampling();
    expect(run.today).toBe('2026-10-01');
    expect(run.failed).toEqual([]);
    await expect(po.runSemesterSampling()).rejects.toMatchObject({ status: 403, code: 'forbidden' });
  });
});
