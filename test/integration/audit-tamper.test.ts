// Issue 11, item 5, against Azurite: someone with write access to storage but not the audit key.
// A changed snapshot or document blob is found by audit:verify and never served; a chain rewritten
// from an event, a forged appended event and a removed tail are all found (the key signs the chain).
import crypto from 'node:crypto';
import {
  AUDIT_PARTITION,
  GENESIS_HASH,
  eventHash,
  readAuditLog,
  rowKeyForSeq,
  signedText,
  type AuditEvent,
} from '../../functions/lib/audit';
import { verifyAudit } from '../../functions/lib/audit-verify';
import { forgetSnapshots, getVersion } from '../../functions/lib/submissions-store';
import { describe as describeReport } from '../../scripts/verify-audit';
import { demoRows } from '../../scripts/demo-data';
import { AGREEMENT, BASE, startTestApi, type TestApi, setClock } from './harness';

let api: TestApi;
let koala: string;
let submissionId: string;
const PDF = Buffer.from('%PDF-1.4\n% cedolino\n');

beforeAll(async () => {
  api = await startTestApi();
  setClock(() => new Date('2026-09-10T10:00:00Z'));
  koala = await api.partner('koala');
  const res = await api.call('POST', `${BASE}/submissions`, {
    token: koala,
    json: { programme: 'P1', partner: 'koala', year: 2026, rows: demoRows(3) },
  });
  expect(res.status).toBe(201);
  submissionId = res.body.submissionId;
  expect((await api.call('PUT', `${BASE}/documents/ced-1?programme=P1`, { token: koala, body: PDF })).status).toBe(201);
});
afterAll(async () => {
  await api.close();
});

const intact = async () => {
  const report = await verifyAudit(api.deps);
  return { intact: report.intact, firstBroken: report.firstBroken, content: report.content };
};

it('starts intact: chain signed, every blob matches its recorded hash', async () => {
  expect(await intact()).toEqual({ intact: true, firstBroken: undefined, content: [] });
  expect(describeReport(await verifyAudit(api.deps)).join('\n')).toMatch(/integra e firmata.*\n.*Esito: integro/);
});

describe('stored content', () => {
  it('a snapshot blob changed behind the API (122.00 → 99999.00) is detected and not served', async () => {
    const meta = (await getVersion(api.storage, AGREEMENT, submissionId))!;
    const blob = api.storage.container('submissions').getBlockBlobClient(meta.blobName);
    const original = (await blob.downloadToBuffer()).toString('utf8');
    expect(original).toContain('"amount":"122.00"');
    const altered = original.replace('"amount":"122.00"', '"amount":"99999.00"');
    await blob.upload(altered, Buffer.byteLength(altered));
    forgetSnapshots(); // as after a restart: nothing cached
    try {
      const res = await api.call('GET', `${BASE}/submissions/${submissionId}`, { token: koala });
      expect(res.status).toBe(500);
      expect(res.body.error.message).toMatch(/non corrisponde all'impronta registrata/);
      expect(res.bytes.toString('utf8')).not.toContain('99999');
      const recon = await api.call('GET', `${BASE}/reconciliation?year=2026&programme=P1`, {
        token: await api.po('P1'),
      });
      expect(recon.status).toBe(500);
      expect(await intact()).toMatchObject({
        intact: false,
        content: expect.arrayContaining([
          { ref: `submissions:${meta.blobName}`, reason: 'index_hash_mismatch' },
          { ref: `submissions:${meta.blobName}`, reason: 'event_hash_mismatch' },
        ]),
      });
    } finally {
      await blob.upload(original, Buffer.byteLength(original));
      forgetSnapshots();
    }
    expect((await api.call('GET', `${BASE}/submissions/${submissionId}`, { token: koala })).status).toBe(200);
    expect((await intact()).intact).toBe(true);
  });

  it('changing the blob and its index hash together is still found: the signed event holds the hash', async () => {
    const meta = (await getVersion(api.storage, AGREEMENT, submissionId))!;
    const blob = api.storage.container('submissions').getBlockBlobClient(meta.blobName);
    const original = (await blob.downloadToBuffer()).toString('utf8');
    const altered = original.replace('"amount":"122.00"', '"amount":"99999.00"');
    const table = api.storage.table('submissions');
    const partition = `${AGREEMENT}|koala|P1|2026`;
    const row = 'v0000000001';
    await blob.upload(altered, Buffer.byteLength(altered));
    const forgedHash = crypto.createHash('sha256').update(altered).digest('hex');
    await table.updateEntity({ partitionKey: partition, rowKey: row, contentHash: forgedHash }, 'Merge');
    try {
      expect(await intact()).toMatchObject({
        intact: false,
        content: [{ ref: `submissions:${meta.blobName}`, reason: 'event_hash_mismatch' }],
      });
    } finally {
      await blob.upload(original, Buffer.byteLength(original));
      await table.updateEntity({ partitionKey: partition, rowKey: row, contentHash: meta.contentHash }, 'Merge');
      forgetSnapshots();
    }
    expect((await intact()).intact).toBe(true);
  });

  it('a semester sample blob changed behind the API is detected and not served', async () => {
    setClock(() => new Date('2027-02-05T10:00:00Z')); // 2026-H2 is due once W3 locked (31 Jan)
    const po = await api.po('P1');
    const drawn = await api.call('POST', `${BASE}/samples/P1/2026-H2/draw`, { token: po, json: { seed: 'integrità' } });
    expect(drawn.status).toBe(201);
    const names: string[] = [];
    for await (const b of api.storage.container('samples').listBlobsFlat()) names.push(b.name);
    expect(names).toHaveLength(1);
    const blob = api.storage.container('samples').getBlockBlobClient(names[0]);
    const original = (await blob.downloadToBuffer()).toString('utf8');
    const altered = original.replace('"seed":"integrità"', '"seed":"altro seme"');
    expect(altered).not.toBe(original);
    await blob.upload(altered, Buffer.byteLength(altered));
    try {
      const res = await api.call('GET', `${BASE}/samples/P1/2026-H2`, { token: po });
      expect(res.status).toBe(500);
      expect(await intact()).toMatchObject({
        intact: false,
        content: [{ ref: `samples:${names[0]}`, reason: 'index_hash_mismatch' }],
      });
    } finally {
      await blob.upload(original, Buffer.byteLength(original));
    }
    expect((await api.call('GET', `${BASE}/samples/P1/2026-H2`, { token: po })).status).toBe(200);
    expect((await intact()).intact).toBe(true);
  });

  it('a document blob changed behind the API is detected and not served', async () => {
    const blobs = api.storage.container('documents');
    const names: string[] = [];
    for await (const b of blobs.listBlobsFlat()) names.push(b.name);
    expect(names).toEqual([`koala/${crypto.createHash('sha256').update(PDF).digest('hex')}`]);
    const blob = blobs.getBlockBlobClient(names[0]);
    const forged = Buffer.from('%PDF-1.4\n% altro\n');
    await blob.uploadData(forged);
    try {
      const res = await api.call('GET', `${BASE}/documents/ced-1`, { token: koala });
      expect(res.status).toBe(500);
      expect(res.body.error.message).toMatch(/documento archiviato non corrisponde/);
      expect(await intact()).toMatchObject({
        intact: false,
        content: expect.arrayContaining([{ ref: `documents:${names[0]}`, reason: 'index_hash_mismatch' }]),
      });
    } finally {
      await blob.uploadData(PDF);
    }
    expect((await intact()).intact).toBe(true);
  });
});

describe('the chain without the key', () => {
  const entityOf = (e: AuditEvent) => ({ partitionKey: AUDIT_PARTITION, rowKey: rowKeyForSeq(e.seq), ...e });

  it('a chain rewritten from its first event, hashes recomputed, is detected', async () => {
    const events = await readAuditLog(api.storage);
    const table = api.storage.table('audit');
    const forgedKey = crypto.randomBytes(32);
    let prev = GENESIS_HASH;
    const rewritten = events.map((e, i) => {
      const base = { ...e, prevHash: prev, actorId: i === 0 ? 'koala/qualcun-altro' : e.actorId };
      delete (base as Partial<AuditEvent>).sig;
      const { hash: _old, ...rest } = base;
      const hash = eventHash(rest);
      prev = hash;
      // The attacker signs with a key of its own: it does not have the audit key.
      const sig = crypto.createHmac('sha256', forgedKey).update(signedText(e.seq, hash)).digest('hex');
      return { ...rest, hash, sig };
    });
    for (const e of rewritten) await table.upsertEntity(entityOf(e), 'Replace');
    try {
      expect(await intact()).toMatchObject({ intact: false, firstBroken: { seq: 1, reason: 'bad_signature' } });
    } finally {
      for (const e of events) await table.upsertEntity(entityOf(e), 'Replace');
    }
    expect((await intact()).intact).toBe(true);
  });

  it('a forged event appended at the end is detected, signed or not', async () => {
    const events = await readAuditLog(api.storage);
    const last = events[events.length - 1];
    const base = {
      seq: last.seq + 1,
      at: '2026-09-10T10:05:00.000Z',
      actorRole: 'po',
      actorId: 'po-falso',
      action: 'review.non_ammesso',
      target: `review:${AGREEMENT}/${submissionId}#b-0`,
      payloadHash: crypto.createHash('sha256').update('{}').digest('hex'),
      prevHash: last.hash,
    };
    const forged: AuditEvent = { ...base, hash: eventHash(base) };
    const table = api.storage.table('audit');
    try {
      await table.createEntity(entityOf(forged));
      expect(await intact()).toMatchObject({
        intact: false,
        firstBroken: { seq: forged.seq, reason: 'bad_signature' },
      });
      const sig = crypto
        .createHmac('sha256', crypto.randomBytes(32))
        .update(signedText(forged.seq, forged.hash))
        .digest('hex');
      await table.upsertEntity(entityOf({ ...forged, sig }), 'Replace');
      expect(await intact()).toMatchObject({
        intact: false,
        firstBroken: { seq: forged.seq, reason: 'bad_signature' },
      });
    } finally {
      await table.deleteEntity(AUDIT_PARTITION, rowKeyForSeq(forged.seq));
    }
    expect((await intact()).intact).toBe(true);
  });

  it('removing the newest event shows against the signed head', async () => {
    const events = await readAuditLog(api.storage);
    const last = events[events.length - 1];
    const table = api.storage.table('audit');
    await table.deleteEntity(AUDIT_PARTITION, rowKeyForSeq(last.seq));
    try {
      expect(await intact()).toMatchObject({ intact: false, firstBroken: { seq: last.seq, reason: 'seal_mismatch' } });
    } finally {
      await table.createEntity(entityOf(last));
    }
    expect((await intact()).intact).toBe(true);
  });
});
