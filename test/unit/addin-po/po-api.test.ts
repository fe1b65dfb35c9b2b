import { createPoApi, normaliseSample, PoApiError, type FetchLike } from '../../../addin/po/po-api';
import { reconciliationFixture } from './reconciliation-fixture';

type Call = { url: string; method: string; headers: Record<string, string>; body?: string };

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
    const { fetch, calls } = fakeFetch([
      {
        status: 201,
        body: {
          seed: 'lotto',
          method: 'simple',
          rate: '0.10',
          populationHash: 'ab',
          population: 12,
          n: 2,
          selected: [{ personId: 'RSSMRA80A01H501U', requestDeadline: '2026-11-01', status: 'requested' }],
        },
      },
    ]);
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
    const { fetch, calls } = fakeFetch([
      { status: 200, body: {} },
      { status: 201, body: {} },
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

describe('normaliseSample', () => {
  it('reads nested outcomes, observations and documents tolerantly', () => {
    const sample = normaliseSample(
      {
        sample: {
          seed: 's',
          method: 'mus',
          rate: '0.10',
          populationHash: 'h',
          population: 3,
          n: 1,
          drawnBy: 'timer',
          selected: [
            {
              personId: 'X',
              requestDeadline: '2026-11-01',
              status: 'received',
              documents: [{ docId: 'd1', fileName: 'busta.pdf' }, 'd2'],
              outcome: { outcome: 'non_ammesso', reason: 'manca contratto' },
              observations: [{ text: '=1+1 allegato il contratto', at: '2026-11-20' }],
            },
          ],
        },
      },
      'P1',
      '2026-H1',
    );
    expect(sample.drawnBy).toBe('timer');
    expect(sample.selected[0].documents).toEqual([
      { docId: 'd1', name: 'busta.pdf', receivedAt: undefined },
      { docId: 'd2' },
    ]);
    expect(sample.selected[0].outcome).toMatchObject({ outcome: 'non_ammesso', reason: 'manca contratto' });
    expect(sample.selected[0].observations[0].text).toBe('=1+1 allegato il contratto');
  });
});

describe('normaliseSample on the server view (functions/lib/sample-service.ts)', () => {
  it('reads status, contradictory observations, received documents and ranks', () => {
    const sample = normaliseSample(
      {
        agreement: 'crema-2026-2028',
        programme: 'P1',
        semester: '2026-H1',
        seed: 'abc',
        seedGenerated: true,
        method: 'simple',
        rate: '0.1',
        populationHash: 'f'.repeat(64),
        population: 20,
        n: 2,
        drawnOn: '2026-10-01',
        version: 1,
        result: 'drawn',
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
            rank: 2,
            personId: 'VRDLGU70B02H501X',
            requestDeadline: '2026-10-31',
            status: 'ammesso_parzialmente',
            admittedAmount: '100.00',
            final: true,
            history: [],
          },
        ],
      },
      'P1',
      '2026-H1',
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
    const sample = normaliseSample(
      { selected: [{ rank: 1, personId: 'X', status: 'requested', final: false, history: [] }] },
      'P1',
      '2026-H1',
    );
    expect(sample.selected[0].outcome).toBeUndefined();
  });
});

describe('submissions for the S6 form', () => {
  it('lists versions and reduces rows to id, category, amount and place', async () => {
    const { fetch, calls } = fakeFetch([
      {
        status: 200,
        body: {
          submissions: [
            {
              submissionId: 's1',
              partner: 'koala',
              programme: 'P1',
              year: 2026,
              version: 2,
              rowCount: 4,
              contentHash: 'x',
            },
          ],
        },
      },
      {
        status: 200,
        body: {
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
        },
      },
    ]);
    const api = createPoApi(config(fetch));
    expect(await api.listSubmissions('P1', 2026)).toEqual([
      {
        submissionId: 's1',
        partner: 'koala',
        programme: 'P1',
        year: 2026,
        version: 2,
        submittedAt: undefined,
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
