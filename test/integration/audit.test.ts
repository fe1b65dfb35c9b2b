// The audit log: every write appends a hash-chained event; the chain verifies; altering or removing
// one stored event breaks verification at that event; concurrent appends serialise.
import { appendAudit, readAuditLog, rowKeyForSeq, verifyAuditChain, AUDIT_PARTITION } from '../../functions/lib/audit';
import { createStorage } from '../../functions/lib/storage';
import { demoRows } from '../../scripts/demo-data';
import { BASE, setClock, startTestApi, type TestApi } from './harness';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
  setClock(() => new Date('2026-09-10T10:00:00Z'));
  const token = await api.partner('csv');
  for (let i = 0; i < 3; i++) {
    const res = await api.call('POST', `${BASE}/submissions`, {
      token,
      json: { programme: 'P3', partner: 'csv', year: 2026, rows: demoRows(2 + i, { programme: 'P3' }) },
    });
    expect(res.status).toBe(201);
  }
  const doc = await api.call('PUT', `${BASE}/documents/csv-1?programme=P3`, {
    token,
    body: Buffer.from('%PDF-1.4 demo'),
  });
  expect(doc.status).toBe(201);
});
afterAll(async () => {
  await api.close();
});

it('records submissions and uploads with actor ids and no names', async () => {
  const events = await readAuditLog(api.storage);
  expect(events.map((e) => [e.seq, e.action, e.target])).toEqual([
    [1, 'submission.create', 'csv.P3.2026.v1'],
    [2, 'submission.create', 'csv.P3.2026.v2'],
    [3, 'submission.create', 'csv.P3.2026.v3'],
    // Documents are stored per partner (DOMAIN §11): the target names the partner's space.
    [4, 'document.upload', 'crema-2026-2028/csv/csv-1'],
  ]);
  expect(events[0]).toMatchObject({ actorRole: 'partner', actorId: 'csv/dev-partner-csv', prevHash: '0'.repeat(64) });
  expect(events[1].prevHash).toBe(events[0].hash);
  expect(JSON.stringify(events)).not.toMatch(/Operatore Demo/);
});

it('serialises concurrent appends from several instances into one chain', async () => {
  // Three "instances": separate clients (and append queues) on the same tables.
  const connectionString = process.env.RENDICONTA_TEST_STORAGE as string;
  const instances = [
    api.storage,
    createStorage({ connectionString, namespace: api.storage.namespace }),
    createStorage({ connectionString, namespace: api.storage.namespace }),
  ];
  await Promise.all(
    Array.from({ length: 15 }, (_, i) =>
      appendAudit(
        { actor: { role: 'admin', id: 'test' }, action: 'test.append', target: `t${i}`, payload: { i } },
        { storage: instances[i % 3], clock: api.deps.clock, auditKeys: api.deps.auditKeys },
      ),
    ),
  );
  const result = await verifyAuditChain(api.deps);
  expect(result).toMatchObject({ ok: true, count: 19 });
  const events = await readAuditLog(api.storage);
  expect(events.map((e) => e.seq)).toEqual(Array.from({ length: 19 }, (_, i) => i + 1));
});

it('detects an altered event and a removed one', async () => {
  const table = api.storage.table('audit');
  const original = await table.getEntity(AUDIT_PARTITION, rowKeyForSeq(2));
  await table.updateEntity(
    { partitionKey: AUDIT_PARTITION, rowKey: rowKeyForSeq(2), target: 'csv.P3.2026.v9' },
    'Merge',
  );
  expect(await verifyAuditChain(api.deps)).toMatchObject({
    ok: false,
    firstBroken: { seq: 2, reason: 'hash_mismatch' },
  });

  await table.updateEntity(
    { partitionKey: AUDIT_PARTITION, rowKey: rowKeyForSeq(2), target: original.target as string },
    'Merge',
  );
  expect((await verifyAuditChain(api.deps)).ok).toBe(true);

  await table.deleteEntity(AUDIT_PARTITION, rowKeyForSeq(3));
  expect(await verifyAuditChain(api.deps)).toMatchObject({ ok: false, firstBroken: { seq: 3, reason: 'seq_gap' } });
});

it('a version whose audit append failed is still stored, and the cross-check names it', async () => {
  const auditModule = await import('../../functions/lib/audit');
  const { versionsWithoutAuditEvent } = await import('../../functions/lib/audit-coverage');
  // The previous test deleted the event of v3: the cross-check already sees that one.
  expect(await versionsWithoutAuditEvent(api.storage)).toEqual(['crema-2026-2028/csv.P3.2026.v3']);
  const spy = jest.spyOn(auditModule, 'appendAudit').mockRejectedValue(new Error('audit table unavailable'));
  try {
    const token = await api.partner('csv');
    const res = await api.call('POST', `${BASE}/submissions`, {
      token,
      json: { programme: 'P3', partner: 'csv', year: 2026, rows: demoRows(1, { programme: 'P3' }) },
    });
    expect(res.status).toBe(201);
    expect(res.body.submissionId).toBe('csv.P3.2026.v4');
  } finally {
    spy.mockRestore();
  }
  expect(await versionsWithoutAuditEvent(api.storage)).toEqual([
    'crema-2026-2028/csv.P3.2026.v3',
    'crema-2026-2028/csv.P3.2026.v4',
  ]);
});
