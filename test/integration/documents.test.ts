// Documents: upload, content addressing, sanitised names, immutability of an id, download rights.
import crypto from 'node:crypto';
import { BASE, startTestApi, storageCensus, type TestApi } from './harness';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(async () => {
  await api.close();
});

const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), crypto.randomBytes(64)]);
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), crypto.randomBytes(64)]);

it('stores a PNG with metadata, links it to a row, and serves it back byte for byte', async () => {
  const token = await api.partner('koala');
  const res = await api.call(
    'PUT',
    `${BASE}/documents/cedolino-03?programme=P1&rowId=p-2&kind=cedolino&fileName=${encodeURIComponent('../../etc/Cedolino marzo<script>.png')}`,
    {
      token,
      body: PNG,
      headers: { 'Content-Type': 'application/octet-stream' },
    },
  );
  expect(res.status).toBe(201);
  expect(res.body).toMatchObject({
    docId: 'cedolino-03',
    partner: 'koala',
    programme: 'P1',
    rowId: 'p-2',
    kind: 'cedolino',
    contentType: 'image/png',
    size: PNG.length,
    sha256: crypto.createHash('sha256').update(PNG).digest('hex'),
    fileName: 'Cedolino marzo_script_.png',
  });
  const get = await api.call('GET', `${BASE}/documents/cedolino-03`, { token });
  expect(get.status).toBe(200);
  expect(get.headers.get('content-type')).toBe('image/png');
  expect(get.headers.get('content-disposition')).toBe(
    `attachment; filename*=UTF-8''${encodeURIComponent('Cedolino marzo_script_.png')}`,
  );
  expect(get.bytes.equals(PNG)).toBe(true);
});

it('stores identical bytes once (content-addressed) and never re-points an id', async () => {
  const token = await api.partner('igea');
  expect((await api.call('PUT', `${BASE}/documents/f-1?programme=P2`, { token, body: JPEG })).status).toBe(201);
  const before = await storageCensus(api.storage);
  expect((await api.call('PUT', `${BASE}/documents/f-2?programme=P2`, { token, body: JPEG })).status).toBe(201);
  const after = await storageCensus(api.storage);
  expect(after['blob:documents']).toBe(before['blob:documents']);
  expect(after['table:documents']).toBe(before['table:documents'] + 1);

  const same = await api.call('PUT', `${BASE}/documents/f-1?programme=P2`, { token, body: JPEG });
  expect(same.status).toBe(200);
  const other = await api.call('PUT', `${BASE}/documents/f-1?programme=P2`, { token, body: PNG });
  expect(other.status).toBe(409);
  expect(other.body.error.code).toBe('document_conflict');
  const still = await api.call('GET', `${BASE}/documents/f-1`, { token });
  expect(still.bytes.equals(JPEG)).toBe(true);
});

it('a PO cannot upload', async () => {
  const res = await api.call('PUT', `${BASE}/documents/po-1?programme=P1`, { token: await api.po('P1'), body: PNG });
  expect(res.status).toBe(403);
});
