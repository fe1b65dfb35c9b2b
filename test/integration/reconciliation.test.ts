// Reconciliation over HTTP: the current versions of every partner, S5 outcomes and S6 reviews
// lower the admitted municipal share; the answer equals reconcile() computed in-process from the
// same rows and decisions; programme scope of POs; asOf replays history.
import { getAgreement } from '../../shared/agreement/agreements';
import { normaliseRow, type RowInput } from '../../shared/rows/rows';
import {
  openRequest,
  replayOutcome,
  type OutcomeEvent,
  type RowNonAdmission,
  type SampledPersonOutcome,
} from '../../shared/sample/outcomes';
import { reconcile } from '../../shared/reconciliation/reconcile';
import {
  buildReconciliationInput,
  reconcilableRow,
  type ReconcilableRow,
} from '../../shared/reconciliation/reconciliation-input';
import { BASE, setClock, startTestApi, type TestApi } from './harness';
import { H1_DUE, goodsRows, personnelRows, range, submit } from './sample-fixtures';

const agreement = getAgreement('crema-2026-2028');
if (!agreement) throw new Error('agreement missing');
let api: TestApi;
const REPORTS: { partner: string; programme: string; rows: RowInput[]; submissionId?: string }[] = [
  { partner: 'koala', programme: 'P1', rows: [...personnelRows(range(0, 10)), ...goodsRows(3)] },
  // Same goods row ids as koala's: rows of different partners must never be confused.
  { partner: 'igea', programme: 'P1', rows: [...personnelRows(range(10, 20)), ...goodsRows(2)] },
  { partner: 'sentiero', programme: 'P2', rows: [...personnelRows(range(40, 45), 'P2'), ...goodsRows(2, 'P2')] },
];
const SEED = 'riconciliazione 2026';
const REASON = 'Contratto non coerente con il ruolo rendicontato';
let drawn: { rank: number; personId: string; rowIds: string[] }[];
const at = (day: string) => setClock(() => new Date(`${day}T10:00:00Z`));
const recon = async (query: string, token?: string) =>
  api.call('GET', `${BASE}/reconciliation?${query}`, { token: token ?? (await api.admin()) });
const p1 = (body: { programmes: { programme: string }[] }) => body.programmes.find((p) => p.programme === 'P1') as any;

beforeAll(async () => {
  api = await startTestApi();
  for (const r of REPORTS) r.submissionId = await submit(api, r.partner, r.programme, r.rows);
  setClock(() => H1_DUE);
  const res = await api.call('POST', `${BASE}/samples/P1/2026-H1/draw`, {
    token: await api.po('P1'),
    json: { seed: SEED },
  });
  expect(res.status).toBe(201);
  drawn = res.body.selected;
  expect(drawn).toHaveLength(2); // 20 persons at 10%
});
afterAll(async () => {
  await api.close();
});

describe('decisions lower what is admitted', () => {
  let before: any;

  it('starts from the reported amounts of every partner, nothing excluded', async () => {
    const res = await recon('year=2026&asOf=2026-10-01');
    expect(res.status).toBe(200);
    before = p1(res.body);
    // 20 persons × 370.00 + 5 goods rows × 122.00
    expect(before.reported).toEqual({ municipal: '8010.00', cofinancing: '0.00' });
    expect(before.excluded).toEqual([]);
    expect(before.admitted.municipal).toBe('8010.00');
  });

  it('non_ammesso counts at once (provisional), and after confirmation A_c stays lowered', async () => {
    const person = drawn[0];
    at('2026-10-02');
    const decided = await api.call('POST', `${BASE}/samples/P1/2026-H1/outcomes/${person.rank}`, {
      token: await api.po('P1'),
      json: { outcome: 'non_ammesso', reason: REASON },
    });
    expect(decided.status).toBe(201);
    const provisional = p1((await recon('year=2026&asOf=2026-10-02')).body);
    expect(provisional.admitted.municipal).toBe('7640.00');
    expect(provisional.excluded).toEqual([
      expect.objectContaining({
        reason: 'S5',
        amount: '370.00',
        rowIds: person.rowIds,
        note: expect.stringMatching(/provvisorio/),
      }),
    ]);

    at('2026-10-18'); // after the 15 days for observations
    const confirmed = await api.call('POST', `${BASE}/samples/P1/2026-H1/outcomes/${person.rank}`, {
      token: await api.po('P1'),
      json: { confirm: true },
    });
    expect(confirmed.status).toBe(201);
    expect(confirmed.body).toMatchObject({ status: 'non_ammesso', final: true });
    const after = p1((await recon('year=2026&asOf=2026-10-18')).body);
    expect(after.admitted.municipal).toBe('7640.00');
    expect(after.excluded[0].note).not.toMatch(/provvisorio/);
    expect(JSON.stringify(after)).not.toContain(person.personId); // persons appear by number only
  });

  it("an S6 review excludes exactly that partner's row, once", async () => {
    const koala = REPORTS[0];
    const po = await api.po('P1');
    const other = await api.call('POST', `${BASE}/reviews`, {
      token: await api.po('P2'),
      json: { submissionId: koala.submissionId, rowId: 'b-0', decision: 'non_ammesso', reason: 'Spesa non necessaria' },
    });
    expect(other.status).toBe(403);
    const res = await api.call('POST', `${BASE}/reviews`, {
      token: po,
      json: { submissionId: koala.submissionId, rowId: 'b-0', decision: 'non_ammesso', reason: 'Spesa non necessaria' },
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ partner: 'koala', programme: 'P1', rowId: 'b-0', decidedOn: '2026-10-18' });
    const twice = await api.call('POST', `${BASE}/reviews`, {
      token: po,
      json: { submissionId: koala.submissionId, rowId: 'b-0', decision: 'non_ammesso', reason: 'di nuovo' },
    });
    expect(twice.status).toBe(409);
    const noReason = await api.call('POST', `${BASE}/reviews`, {
      token: po,
      json: { submissionId: koala.submissionId, rowId: 'b-1', decision: 'non_ammesso' },
    });
    expect(noReason.status).toBe(422);
    const noRow = await api.call('POST', `${BASE}/reviews`, {
      token: po,
      json: { submissionId: koala.submissionId, rowId: 'zz', decision: 'non_ammesso', reason: 'x' },
    });
    expect(noRow.status).toBe(422);
    const noSubmission = await api.call('POST', `${BASE}/reviews`, {
      token: po,
      json: { submissionId: 'koala.P1.2026.v9', rowId: 'b-0', decision: 'non_ammesso', reason: 'x' },
    });
    expect(noSubmission.status).toBe(404);

    const after = p1((await recon('year=2026&asOf=2026-10-18')).body);
    expect(after.admitted.municipal).toBe('7518.00');
    expect(after.excluded.find((e: { reason: string }) => e.reason === 'S6')).toMatchObject({
      amount: '122.00',
      rowIds: ['koala/b-0'],
    });
    // As of a day before both decisions, nothing is excluded.
    expect(p1((await recon('year=2026&asOf=2026-10-01')).body).excluded).toEqual([]);
  });
});

it('the HTTP answer equals reconcile() computed in-process on the same data', async () => {
  const asOf = '2026-10-18';
  const res = await recon(`year=2026&asOf=${asOf}`);
  expect(res.status).toBe(200);

  const rows = (programme: string): ReconcilableRow[] =>
    REPORTS.filter((r) => r.programme === programme).flatMap((r) =>
      r.rows.map((row) => {
        const c = reconcilableRow({ rowId: row.rowId, values: normaliseRow(row, agreement).values });
        if (!c) throw new Error('demo row not reconcilable');
        return { ...c, rowId: `${r.partner}/${row.rowId}` };
      }),
    );
  const events: OutcomeEvent[] = [
    { type: 'decision', on: '2026-10-02', outcome: 'non_ammesso', reason: REASON },
    { type: 'confirm', on: '2026-10-18' },
  ];
  const outcomes: SampledPersonOutcome[] = drawn.map((p, i) => {
    if (i > 0) return openRequest(agreement, p.personId, '2026-10-01');
    const replay = replayOutcome(agreement, p.personId, '2026-10-01', events);
    if (!replay.ok) throw new Error(replay.error);
    return replay.state;
  });
  const reviews: RowNonAdmission[] = [
    {
      submissionId: REPORTS[0].submissionId as string,
      rowId: 'koala/b-0',
      reason: 'Spesa non necessaria',
      decidedOn: '2026-10-18',
    },
  ];
  const expected = reconcile(
    buildReconciliationInput({
      agreement,
      year: 2026,
      asOf,
      programmes: agreement.programmes.map((p) => ({
        programme: p.id,
        rows: rows(p.id),
        findings: [],
        samples: p.id === 'P1' ? [{ semester: '2026-H1', outcomes }] : [],
        reviews: p.id === 'P1' ? reviews : [],
      })),
    }),
  );
  expect(res.body).toEqual(JSON.parse(JSON.stringify(expected)));
  expect(res.body.programmes.map((p: { programme: string }) => p.programme)).toEqual(
    agreement.programmes.map((p) => p.id),
  );
});

describe('who reads what', () => {
  it('a PO without a programme sees its own programmes, with ATS totals over all', async () => {
    const all = (await recon('year=2026&asOf=2026-10-18')).body;
    const po = await recon('year=2026&asOf=2026-10-18', await api.po('P1', 'P2'));
    expect(po.status).toBe(200);
    expect(po.body.programmes.map((p: { programme: string }) => p.programme)).toEqual(['P1', 'P2']);
    expect(po.body.ats).toEqual(all.ats);
    const one = await recon('year=2026&programme=P1&asOf=2026-10-18', await api.po('P1'));
    expect(one.body.programmes.map((p: { programme: string }) => p.programme)).toEqual(['P1']);
    expect(one.body.programmes[0]).toEqual(p1(all));
  });

  it('a PO cannot ask for another programme; a partner reads; bad queries are refused', async () => {
    expect((await recon('year=2026&programme=P2', await api.po('P1'))).status).toBe(403);
    const partner = await recon('year=2026&programme=P2', await api.partner('koala'));
    expect(partner.status).toBe(200);
    expect(partner.body.programmes.map((p: { programme: string }) => p.programme)).toEqual(['P2']);
    expect((await recon('programme=P1')).status).toBe(422);
    expect((await recon('year=2026&asOf=2026-02-30')).status).toBe(422);
    expect((await recon('year=2031')).status).toBe(404);
    expect((await recon('year=2026&programme=P9')).status).toBe(404);
  });

  it('asOf defaults to today in Rome', async () => {
    setClock(() => new Date('2026-10-18T23:30:00Z')); // already 19 Oct in Rome
    expect((await recon('year=2026')).body.asOf).toBe('2026-10-19');
  });
});
