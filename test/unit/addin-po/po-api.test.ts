// The PO pane's client. Every fixture is what the server really sends: typed with the contract
// (shared/contract) the Functions answer with, so a shape the server never sends does not compile.
import { createPoApi, sampleFromView, PoApiError, type FetchLike } from '../../../addin/po/po-api';
import type {
  DrawAnswer,
  OutcomeAnswer,
  PersonView,
  ReviewAnswer,
  SampleView,
  SubmissionDetailAnswer,
  SubmissionListAnswer,
  VersionMeta,
} from '../../../shared/contract';
import { reconciliationFixture } from './reconciliation-fixture';

type Call = { url: string; method: string; headers: Record<string, string>; body?: string | Uint8Array };

const requested = (rank: number, personId: string): PersonView => ({
  rank,
  personId,
  key: `k${rank}`,
  requestedOn: '2026-10-01',
  requestDeadline: '2026-11-01',
  status: 'requested',
  final: false,
  rowIds: [`koala/p-${rank}`],
  history: [],
});

const drawn: DrawAnswer = {
  agreement: 'crema-2026-2028',
  programme: 'P1',
  semester: '2026-H1',
  seed: 'lotto',
  seedGenerated: false,
  drawnBy: 'po',
  method: 'simple',
  rate: '0.10',
  populationHash: 'ab',
  population: 12,
  n: 2,
  drawnOn: '2026-10-01',
  version: 1,
  selected: [requested(1, 'RSSMRA80A01H501U'), requested(2, 'VRDLGU70B02H501X')],
  result: 'drawn',
};

const meta = (over: Partial<VersionMeta> = {}): VersionMeta => ({
  agreement: 'crema-2026-2028',
  partner: 'koala',
  programme: 'P1',
  year: 2026,
  submissionId: 's1',
  version: 2,
  baseVersion: 1,
  submittedAt: '2026-09-10T10:00:00.000Z',
  actorRole: 'partner',
  rowCount: 4,
  acceptedCount: 4,
  rejectedCount: 0,
  carriedOverCount: 0,
  errors: 0,
  warnings: 0,
  infos: 0,
  contentHash: 'x',
  ...over,
});

function fakeFetch(answers: Array<{ status: number; body: unknown }>): { fetch: FetchLike; calls: Call[] } {
  const calls: Call[] = [];
  const fetch: FetchLike = async (url, init) => {
    calls.push({ url, ...init });
    const next = answers.shift() ?? { status: 500, body: null };
    return {
      status: next.status,
      ok: next.status < 400,
      text: async () => (next.body === null ? '' : JSON.stringify(next.body)),
    };
  };
  return { fetch, calls };
}

const config = (fetch: FetchLike) => ({
  baseUrl: 'http://127.0.0.1:7071/api/',
  agreement: 'crema-2026-2028',
  getToken: () => 'tok',
  fetch,
});

describe('PO API client', () => {
  it('draws a sample on the ARCHITECTURE route with the token and JSON body', async () => {
    const { fetch, calls } = fakeFetch([{ status: 201, body: drawn }]);
    const sample = await createPoApi(config(fetch)).drawSample('P1', '2026-H1', { seed: 'lotto', method: 'simple' });
    expect(calls[0]).toMatchObject({
      url: 'http://127.0.0.1:7071/api/agreements/crema-2026-2028/samples/P1/2026-H1/draw',
      method: 'POST',
      body: '{"seed":"lotto","method":"simple"}',
    });
    expect(calls[0].headers.Authorization).toBe('Bearer tok');
    expect(sample).toMatchObject({ programme: 'P1', semester: '2026-H1', n: 2, population: 12, populationHash: 'ab' });
    expect(sample.selected[0]).toMatchObject({ personId: 'RSSMRA80A01H501U', documents: [], observations: [] });
  });

  it('reads a missing sample as null and other errors with the server message', async () => {
    const { fetch } = fakeFetch([
      { status: 404, body: { error: { code: 'not_found', message: 'Campione non trovato.', details: null } } },
      { status: 403, body: { error: { code: 'forbidden', message: 'Programma non assegnato.', details: null } } },
    ]);
    const api = createPoApi(config(fetch));
    expect(await api.getSample('P1', '2026-H1')).toBeNull();
    await expect(api.getSample('P2', '2026-H1')).rejects.toMatchObject({
      status: 403,
      message: 'Programma non assegnato.',
    });
  });

  it('posts outcomes and reviews to their routes', async () => {
    const outcome: OutcomeAnswer = {
      ...requested(1, 'RSSMRA80A01H501U'),
      status: 'non_ammesso',
      decidedOn: '2026-10-20',
      reason: 'x',
      contradictory: { notifiedOn: '2026-10-20', observationsDeadline: '2026-11-04' },
      history: [{ type: 'decision', on: '2026-10-20', outcome: 'non_ammesso', reason: 'x' }],
    };
    const review: ReviewAnswer = {
      agreement: 'crema-2026-2028',
      submissionId: 's',
      partner: 'koala',
      programme: 'P1',
      year: 2026,
      rowId: 'r',
      decision: 'non_ammesso',
      reason: 'y',
      decidedOn: '2026-10-20',
      actorRole: 'po',
      at: '2026-10-20T08:00:00.000Z',
    };
    const { fetch, calls } = fakeFetch([
      { status: 201, body: outcome },
      { status: 201, body: review },
    ]);
    const api = createPoApi(config(fetch));
    await api.recordOutcome('P1', '2026-H1', 'RSS/1', { outcome: 'non_ammesso', reason: 'x' });
    await api.review({ submissionId: 's', rowId: 'r', decision: 'non_ammesso', reason: 'y' });
    expect(calls.map((c) => `${c.method} ${c.url.replace(/^.*crema-2026-2028/, '')}`)).toEqual([
      'POST /samples/P1/2026-H1/outcomes/RSS%2F1',
      'POST /reviews',
    ]);
  });

  it('validates the reconciliation answer', async () => {
    const bad = reconciliationFixture() as unknown as { ats: { due: unknown } };
    bad.ats.due = 12;
    const { fetch, calls } = fakeFetch([
      { status: 200, body: reconciliationFixture() },
      { status: 200, body: bad },
    ]);
    const api = createPoApi(config(fetch));
    expect((await api.reconciliation(2026, 'P1')).programmes).toHaveLength(2);
    expect(calls[0].url).toMatch(/\/reconciliation\?year=2026&programme=P1$/);
    await expect(api.reconciliation(2026)).rejects.toBeInstanceOf(PoApiError);
  });

  it('turns a network failure into an Italian message', async () => {
    const api = createPoApi({
      ...config(async () => {
        throw new TypeError('fetch failed');
      }),
    });
    await expect(api.reconciliation(2026)).rejects.toMatchObject({
      status: 0,
      message: expect.stringContaining('non raggiungibile'),
    });
  });
});

const view = (over: Partial<SampleView>): SampleView => ({
  agreement: 'crema-2026-2028',
  programme: 'P1',
  semester: '2026-H1',
  seed: 'abc',
  seedGenerated: true,
  drawnBy: 'po',
  method: 'simple',
  rate: '0.1',
  populationHash: 'f'.repeat(64),
  population: 20,
  n: 2,
  drawnOn: '2026-10-01',
  version: 1,
  selected: [],
  ...over,
});

describe('the sample view, as the server sends it (functions/lib/sample-service.ts)', () => {
  it('reads a timer draw with the decision, the partner’s observations and the documents as sent', () => {
    const sample = sampleFromView(
      view({
        drawnBy: 'timer',
        method: 'mus',
        population: 3,
        n: 1,
        selected: [
          {
            ...requested(1, 'X'),
            status: 'non_ammesso',
            decidedOn: '2026-11-05',
            reason: 'manca contratto',
            contradictory: {
              notifiedOn: '2026-11-05',
              observationsDeadline: '2026-11-20',
              observations: { text: '=1+1 allegato il contratto', on: '2026-11-10' },
            },
            history: [
              { type: 'decision', on: '2026-11-05', outcome: 'non_ammesso', reason: 'manca contratto' },
              { type: 'observations', on: '2026-11-10', text: '=1+1 allegato il contratto' },
            ],
            partners: ['koala'],
            reportedCost: '1200.00',
            documents: [
              {
                docId: 'd1',
                name: 'busta.pdf',
                kind: 'busta-paga',
                partner: 'koala',
                receivedAt: '2026-10-20T09:00:00Z',
              },
            ],
          },
        ],
      }),
    );
    expect(sample.drawnBy).toBe('timer');
    expect(sample.selected[0].outcome).toMatchObject({ outcome: 'non_ammesso', reason: 'manca contratto' });
    expect(sample.selected[0].observations[0].text).toBe('=1+1 allegato il contratto');
    expect(sample.selected[0].documents).toEqual([
      { docId: 'd1', name: 'busta.pdf', kind: 'busta-paga', receivedAt: '2026-10-20T09:00:00Z' },
    ]);
    expect(sample.selected[0]).toMatchObject({ partners: ['koala'], reportedCost: '1200.00' });
  });

  it('reads status, contradictory observations, received documents and ranks', () => {
    const sample = sampleFromView(
      view({
        selected: [
          {
            rank: 1,
            personId: 'RSSMRA80A01H501U',
            key: 'k',
            requestedOn: '2026-10-01',
            requestDeadline: '2026-10-31',
            status: 'non_ammesso',
            final: false,
            decidedOn: '2026-11-05',
            reason: 'Buste paga assenti',
            contradictory: {
              notifiedOn: '2026-11-05',
              observationsDeadline: '2026-11-20',
              observations: { text: '@SUM(1) ecco le buste', on: '2026-11-10' },
            },
            rowIds: ['koala/r1'],
            history: [
              { type: 'documents_received', on: '2026-10-20' },
              { type: 'decision', on: '2026-11-05', outcome: 'non_ammesso', reason: 'Buste paga assenti' },
            ],
          },
          {
            ...requested(2, 'VRDLGU70B02H501X'),
            requestDeadline: '2026-10-31',
            status: 'ammesso_parzialmente',
            admittedAmount: '100.00',
            final: true,
            history: [],
          },
        ],
      }),
    );
    expect(sample).toMatchObject({ seedGenerated: true, drawnAt: '2026-10-01', n: 2 });
    expect(sample.selected[0]).toMatchObject({
      rank: 1,
      final: false,
      contradictory: true,
      documentsReceivedOn: '2026-10-20',
      observationDeadline: '2026-11-20',
      outcome: { outcome: 'non_ammesso', reason: 'Buste paga assenti', at: '2026-11-05' },
      observations: [{ text: '@SUM(1) ecco le buste', at: '2026-11-10' }],
      rowIds: ['koala/r1'],
    });
    expect(sample.selected[1]).toMatchObject({
      final: true,
      contradictory: false,
      outcome: { outcome: 'ammesso_parzialmente', amount: '100.00' },
    });
  });

  it('leaves persons still waiting for documents without an outcome', () => {
    const sample = sampleFromView(view({ selected: [requested(1, 'X')] }));
    expect(sample.selected[0].outcome).toBeUndefined();
  });

  it('refuses an answer that is not the sample view, in Italian, instead of guessing its fields', async () => {
    // The nested shape an older pane read ({ sample: { …, N, trigger } }): the server never sends it.
    const { fetch } = fakeFetch([
      { status: 200, body: { sample: { seed: 's', N: 3, trigger: 'timer', selected: [{ personId: 'X' }] } } },
    ]);
    await expect(createPoApi(config(fetch)).getSample('P1', '2026-H1')).rejects.toMatchObject({
      status: 502,
      code: 'bad_answer',
      message: 'La risposta del servizio non è leggibile.',
    });
  });
});

describe('submissions for the S6 form', () => {
  it('lists versions and reduces rows to id, category, amount and place', async () => {
    const list: SubmissionListAnswer = { submissions: [meta()] };
    const detail: SubmissionDetailAnswer = {
      ...meta(),
      rows: [
        {
          rowId: 'p-1',
          category: 'PERS',
          amount: '120.00',
          sheet: 'Personale',
          row: 3,
          personName: 'Mario Rossi',
          taxCode: 'RSSMRA80A01H501U',
        },
      ],
      carriedOver: [],
      accepted: ['p-1'],
      rejected: [],
      findings: [],
    };
    const { fetch, calls } = fakeFetch([
      { status: 200, body: list },
      { status: 200, body: detail },
    ]);
    const api = createPoApi(config(fetch));
    expect(await api.listSubmissions('P1', 2026)).toEqual([
      {
        submissionId: 's1',
        partner: 'koala',
        programme: 'P1',
        year: 2026,
        version: 2,
        submittedAt: '2026-09-10T10:00:00.000Z',
        rowCount: 4,
      },
    ]);
    const rows = await api.submissionRows('s1');
    expect(rows).toEqual([{ rowId: 'p-1', category: 'PERS', amount: '120.00', sheet: 'Personale', row: 3 }]);
    expect(JSON.stringify(rows)).not.toContain('RSSMRA');
    expect(calls.map((c) => c.url.replace(/^.*crema-2026-2028/, ''))).toEqual([
      '/submissions?programme=P1&year=2026',
      '/submissions/s1',
    ]);
  });
});
