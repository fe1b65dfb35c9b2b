// The pane's API client and outbox: Bearer token, Idempotency-Key, Italian errors, and unsent
// submissions kept and retried with the same key.
import { ApiClient, ApiError, type SubmissionAnswer, type SubmissionBody } from '../../../addin/api/client';
import { Outbox, backoffDelay, type KeyValueStore } from '../../../addin/api/outbox';
import { Submissions } from '../../../addin/app/submission';
import { toApiRow } from '../../../addin/app/submission-rows';

const answer: SubmissionAnswer = {
  submissionId: 's1',
  version: 4,
  accepted: ['r-1'],
  rejected: [],
  findings: [],
  rowIds: ['r-1'],
  changes: { added: 0, changed: 0, removed: 0, unchanged: 1 },
  changedRows: [],
  carriedOverRows: [],
};
const body: SubmissionBody = { programme: 'P1', partner: 'koala', year: 2026, rows: [] };

function memoryStore(): KeyValueStore & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v) };
}

function respond(status: number, json: unknown): Response {
  return new Response(JSON.stringify(json), { status, headers: { 'Content-Type': 'application/json' } });
}

describe('ApiClient', () => {
  it('posts the submission with the Bearer token and the Idempotency-Key', async () => {
    const calls: { url: string; init: RequestInit }[] = [];
    const client = new ApiClient(
      async () => 'tok',
      '/api',
      async (url, init) => {
        calls.push({ url: String(url), init: init as RequestInit });
        return respond(201, answer);
      },
    );
    await expect(client.submit('crema-2026-2028', body, 'key-1')).resolves.toEqual(answer);
    expect(calls[0].url).toBe('/api/agreements/crema-2026-2028/submissions');
    expect(calls[0].init.headers).toMatchObject({
      Authorization: 'Bearer tok',
      'Idempotency-Key': 'key-1',
      'Content-Type': 'application/json',
    });
    expect(JSON.parse(String(calls[0].init.body))).toEqual(body);
  });

  it('turns the API’s error body into an Italian ApiError; network and 5xx are retryable', async () => {
    const conflict = new ApiClient(
      async () => null,
      '/api',
      async () =>
        respond(409, {
          error: { code: 'version_conflict', message: 'Il rendiconto è stato modificato nel frattempo.' },
        }),
    );
    await expect(conflict.submit('a', body, 'k')).rejects.toMatchObject({
      status: 409,
      code: 'version_conflict',
      message: 'Il rendiconto è stato modificato nel frattempo.',
      retryable: false,
    });
    const offline = new ApiClient(
      async () => null,
      '/api',
      async () => {
        throw new TypeError('Failed to fetch');
      },
    );
    await expect(offline.submit('a', body, 'k')).rejects.toMatchObject({ status: 0, retryable: true });
    const down = new ApiClient(
      async () => null,
      '/api',
      async () => new Response('bad gateway', { status: 502 }),
    );
    await expect(down.submit('a', body, 'k')).rejects.toMatchObject({
      status: 502,
      retryable: true,
      message: 'Il servizio non è al momento disponibile: riproveremo automaticamente.',
    });
  });
});

describe('Outbox', () => {
  it('keeps a submission that could not be sent and retries it later with the same key', async () => {
    const store = memoryStore();
    let now = 1_000_000;
    const keys: string[] = [];
    let online = false;
    const send = async (entry: { id: string }) => {
      keys.push(entry.id);
      if (!online)
        throw new ApiError(0, 'network', 'Connessione al servizio non disponibile: riproveremo automaticamente.');
      return answer;
    };
    const events: string[] = [];
    const outbox = new Outbox(store, send, () => now);
    outbox.on((e) => events.push(e.type));
    await outbox.add('crema-2026-2028', body, 'key-7');
    expect(outbox.entries()).toMatchObject([{ id: 'key-7', attempts: 1, nextAttemptAt: now + backoffDelay(1) }]);

    // A pane reopened later finds the entry in storage.
    const reopened = new Outbox(store, send, () => now);
    await reopened.flush();
    expect(keys).toEqual(['key-7']); // not due yet
    now += backoffDelay(1);
    online = true;
    reopened.on((e) => events.push(e.type));
    await reopened.flush();
    expect(keys).toEqual(['key-7', 'key-7']);
    expect(reopened.entries()).toEqual([]);
    expect(events).toEqual(['waiting', 'sent']);
    outbox.dispose();
    reopened.dispose();
  });

  it('drops a submission the server refuses (4xx) and reports it', async () => {
    const store = memoryStore();
    const outbox = new Outbox(store, async () => {
      throw new ApiError(403, 'forbidden', 'Puoi inviare solo il rendiconto del tuo ente.');
    });
    const failures: string[] = [];
    outbox.on((e) => e.type === 'failed' && failures.push(e.error.message));
    await outbox.add('a', body, 'k');
    expect(outbox.entries()).toEqual([]);
    expect(failures).toEqual(['Puoi inviare solo il rendiconto del tuo ente.']);
    outbox.dispose();
  });

  it('backs off exponentially up to five minutes', () => {
    expect([1, 2, 3, 10, 20].map(backoffDelay)).toEqual([2000, 4000, 8000, 300000, 300000]);
  });
});

describe('Submissions', () => {
  it('sends the base version acknowledged last time for the same programme and year', async () => {
    const store = memoryStore();
    const sent: SubmissionBody[] = [];
    const api = { submit: async (_a: string, b: SubmissionBody) => (sent.push(b), answer) } as unknown as ApiClient;
    let n = 0;
    const submissions = new Submissions(api, store, () => `key-${++n}`);
    const target = { agreementId: 'crema-2026-2028', programme: 'P1', partner: 'koala', year: 2026 };
    await submissions.submit(target, []);
    await submissions.submit(target, []);
    expect(sent.map((b) => b.baseVersion)).toEqual([undefined, 4]);
    submissions.outbox.dispose();
  });
});

describe('toApiRow', () => {
  it('sends canonical fields only: Excel serial dates as ISO, amounts as strings', () => {
    expect(
      toApiRow({
        rowId: 'r-1',
        category: 'BENI',
        sheet: 'Beni',
        row: 4,
        columns: { amount: 'G' },
        rowIdPlaceholder: true,
        invoiceDate: 46300,
        paymentDate: new Date('2026-10-15T00:00:00Z'),
        amount: 1234.5,
        invoiceTotal: '1.234,50',
        supplierId: '01234567897',
      }),
    ).toEqual({
      rowId: 'r-1',
      category: 'BENI',
      sheet: 'Beni',
      row: 4,
      invoiceDate: '2026-10-05',
      paymentDate: '2026-10-15',
      amount: '1234.5',
      invoiceTotal: '1.234,50',
      supplierId: '01234567897',
    });
  });
});
