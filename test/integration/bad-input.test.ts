// Bad input is refused with the documented status and an Italian message, and leaves storage
// exactly as it was (every entity and blob counted before and after).
import { demoRows } from '../../scripts/demo-data';
import { BASE, setClock, startTestApi, storageCensus, type TestApi } from './harness';

let api: TestApi;
let koala: string;
beforeAll(async () => {
  api = await startTestApi();
  setClock(() => new Date('2026-09-10T10:00:00Z')); // W2 (May–Aug) still open
  koala = await api.partner('koala');
  // Some state to compare against.
  const seed = await api.call('POST', `${BASE}/submissions`, {
    token: koala,
    json: { programme: 'P1', partner: 'koala', year: 2026, rows: demoRows(2) },
  });
  expect(seed.status).toBe(201);
});
afterAll(async () => {
  await api.close();
});

async function unchanged<T>(action: () => Promise<T>): Promise<T> {
  const before = await storageCensus(api.storage);
  const result = await action();
  expect(await storageCensus(api.storage)).toEqual(before);
  return result;
}

const valid = () => ({ programme: 'P1', partner: 'koala', year: 2026, rows: demoRows(2) });

describe('malformed JSON → 400', () => {
  it.each([
    ['truncated', '{"programme":"P1",'],
    ['not JSON', 'programme=P1'],
    ['empty body', ''],
  ])('%s', async (_label, text) => {
    const res = await unchanged(() =>
      api.call('POST', `${BASE}/submissions`, {
        token: koala,
        body: text,
        headers: { 'Content-Type': 'application/json' },
      }),
    );
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({
      code: 'malformed_json',
      message: 'Il corpo della richiesta non è un JSON valido.',
    });
  });
});

describe('schema violations → 422 with JSON path and Italian message', () => {
  it('lists each issue with its path', async () => {
    const json = { ...valid(), year: '2026', rows: [{ rowId: '', category: 'XYZ' }], extra: true };
    const res = await unchanged(() => api.call('POST', `${BASE}/submissions`, { token: koala, json }));
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('validation_failed');
    expect(res.body.error.message).toBe('La richiesta non rispetta lo schema previsto.');
    const paths = res.body.error.details.issues.map((i: { path: string }) => i.path);
    expect(paths).toEqual(expect.arrayContaining(['$.year', '$.rows[0].rowId', '$.rows[0].category', '$']));
    const yearIssue = res.body.error.details.issues.find((i: { path: string }) => i.path === '$.year');
    expect(yearIssue.message).toBe('Input non valido: atteso numero, ricevuto string');
  });
  it('unknown programme, partner outside the agreement, year outside the period', async () => {
    const json = { ...valid(), programme: 'P9', year: 2031 };
    const res = await unchanged(() => api.call('POST', `${BASE}/submissions`, { token: koala, json }));
    expect(res.status).toBe(422);
    expect(res.body.error.details.issues).toEqual([
      { path: '$.programme', message: 'Programma "P9" non previsto dall\'accordo.' },
      { path: '$.year', message: "Anno 2031 fuori dal periodo dell'accordo." },
    ]);
  });
  it('a bad query string on the list route', async () => {
    const res = await api.call('GET', `${BASE}/submissions?year=duemila`, { token: koala });
    expect(res.status).toBe(422);
    expect(res.body.error.details.issues[0].path).toBe('$.year');
  });
  it('validate stores nothing even for a valid body', async () => {
    const res = await unchanged(() => api.call('POST', `${BASE}/validate`, { token: koala, json: valid() }));
    expect(res.status).toBe(200);
    expect(res.body.currentVersion).toBe(1);
    expect(res.body.summary.error).toBe(0);
  });
});

describe('not found', () => {
  it('unknown agreement, submission, document, route', async () => {
    expect((await api.call('GET', '/agreements/nessuno', { token: koala })).status).toBe(404);
    expect((await api.call('GET', `${BASE}/submissions/koala.P1.2026.v99`, { token: koala })).status).toBe(404);
    expect((await api.call('GET', `${BASE}/submissions/garbage`, { token: koala })).status).toBe(404);
    expect((await api.call('GET', `${BASE}/documents/missing`, { token: koala })).status).toBe(404);
    const res = await api.call('GET', '/nothing-here', { token: koala });
    expect(res.status).toBe(404);
    expect(res.body.error.message).toBe('Risorsa non trovata.');
  });
});

describe('documents: size and type', () => {
  it('413 above 10 MiB', async () => {
    const big = Buffer.alloc(10 * 1024 * 1024 + 1, 0x20);
    big.write('%PDF-1.7', 0);
    const res = await unchanged(() =>
      api.call('PUT', `${BASE}/documents/too-big?programme=P1`, { token: koala, body: big }),
    );
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe('payload_too_large');
    expect(res.body.error.message).toMatch(/dimensione massima/);
  });
  it.each([
    ['a Word file', Buffer.from('PK\u0003\u0004word/document.xml')],
    ['an HTML page named .pdf', Buffer.from('<html><script>alert(1)</script></html>')],
    ['an empty body', Buffer.alloc(0)],
  ])('415 for %s', async (_label, bytes) => {
    const res = await unchanged(() =>
      api.call('PUT', `${BASE}/documents/wrong-type?programme=P1&fileName=fattura.pdf`, {
        token: koala,
        body: bytes,
        headers: { 'Content-Type': 'application/pdf' },
      }),
    );
    expect(res.status).toBe(415);
    expect(res.body.error.message).toBe('Formato non ammesso: sono accettati solo PDF, PNG e JPEG.');
  });
  it('422 without a programme', async () => {
    const res = await unchanged(() =>
      api.call('PUT', `${BASE}/documents/no-prog`, { token: koala, body: Buffer.from('%PDF-1.4') }),
    );
    expect(res.status).toBe(422);
    expect(res.body.error.details.issues[0].path).toBe('$.programme');
  });
});

describe('oversize JSON', () => {
  it('413 for a submission body above 16 MiB', async () => {
    const huge = JSON.stringify({
      ...valid(),
      rows: [{ rowId: 'x', category: 'BENI', description: 'x'.repeat(17 * 1024 * 1024) }],
    });
    const res = await unchanged(() =>
      api.call('POST', `${BASE}/submissions`, {
        token: koala,
        body: huge,
        headers: { 'Content-Type': 'application/json' },
      }),
    );
    expect(res.status).toBe(413);
  });
});
