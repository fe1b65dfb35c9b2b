// A failure between the snapshot blob write and the index commit leaves no visible version: list,
// fetch and head are unchanged, and the retry succeeds with the same version number.
import { BlockBlobClient } from '@azure/storage-blob';
import { readHead, storeFaults } from '../../functions/lib/submissions-store';
import { demoRows } from '../../scripts/demo-data';
import { AGREEMENT, BASE, setClock, startTestApi, storageCensus, type TestApi } from './harness';

let api: TestApi;
let token: string;
beforeAll(async () => {
  api = await startTestApi();
  setClock(() => new Date('2026-09-10T10:00:00Z'));
  token = await api.partner('charta');
  const v1 = await api.call('POST', `${BASE}/submissions`, {
    token,
    json: { programme: 'P2', partner: 'charta', year: 2026, rows: demoRows(3, { programme: 'P2' }) },
  });
  expect(v1.status).toBe(201);
});
afterEach(() => {
  delete storeFaults.beforeIndexCommit;
  jest.restoreAllMocks();
});
afterAll(async () => {
  await api.close();
});

const key = { agreement: AGREEMENT, partner: 'charta', programme: 'P2', year: 2026 };
const next = () => ({
  programme: 'P2',
  partner: 'charta',
  year: 2026,
  baseVersion: 1,
  rows: demoRows(5, { programme: 'P2', prefix: 'n' }),
});

async function visibleState() {
  const list = await api.call('GET', `${BASE}/submissions?partner=charta`, { token });
  const v2 = await api.call('GET', `${BASE}/submissions/charta.P2.2026.v2`, { token });
  const head = await readHead(api.storage, key);
  return { list: list.body, v2: v2.status, head: head && { version: head.version, submissionId: head.submissionId } };
}

it('a failed index commit shows nothing and cleans its blob; the retry succeeds', async () => {
  const before = await visibleState();
  const census = await storageCensus(api.storage);
  let blobsAtFailure = -1;
  storeFaults.beforeIndexCommit = async () => {
    blobsAtFailure = (await storageCensus(api.storage))['blob:submissions'];
    throw new Error('simulated failure of the index commit');
  };
  const failed = await api.call('POST', `${BASE}/submissions`, { token, json: next() });
  expect(failed.status).toBe(500);
  expect(failed.body.error).toEqual({
    code: 'internal',
    message: 'Errore interno del servizio. Riprova tra qualche minuto.',
    details: null,
  });
  expect(blobsAtFailure).toBe(census['blob:submissions'] + 1); // the snapshot had been written
  expect(await visibleState()).toEqual(before);
  expect(before.v2).toBe(404);
  expect(before.head).toEqual({ version: 1, submissionId: 'charta.P2.2026.v1' });
  expect(await storageCensus(api.storage)).toEqual(census);

  delete storeFaults.beforeIndexCommit;
  const retry = await api.call('POST', `${BASE}/submissions`, { token, json: next() });
  expect(retry.status).toBe(201);
  expect(retry.body.version).toBe(2);
  const fetched = await api.call('GET', `${BASE}/submissions/charta.P2.2026.v2`, { token });
  expect(fetched.body.rows).toHaveLength(5);
});

it('a hard crash (no cleanup) leaves only an unreferenced blob, never a partial version', async () => {
  const before = await visibleState();
  const census = await storageCensus(api.storage);
  storeFaults.beforeIndexCommit = () => {
    throw new Error('process died');
  };
  jest.spyOn(BlockBlobClient.prototype, 'deleteIfExists').mockRejectedValue(new Error('no cleanup after a crash'));
  const failed = await api.call('POST', `${BASE}/submissions`, { token, json: { ...next(), baseVersion: 2 } });
  expect(failed.status).toBe(500);
  expect(await visibleState()).toEqual(before);
  const after = await storageCensus(api.storage);
  expect(after).toEqual({ ...census, 'blob:submissions': census['blob:submissions'] + 1 });

  delete storeFaults.beforeIndexCommit;
  jest.restoreAllMocks();
  const retry = await api.call('POST', `${BASE}/submissions`, { token, json: { ...next(), baseVersion: 2 } });
  expect(retry.status).toBe(201);
  expect(retry.body.version).toBe(3);
});
