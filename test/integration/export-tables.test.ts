// Issue 12 (backups): the table export keeps every entity with its Edm types, a restore into an
// empty namespace gives the same tables back, and a tampered export file is refused.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createStorage, TABLES, type Storage, type TableName } from '../../functions/lib/storage';
import { exportTables, restoreTables } from '../../scripts/export-tables';

const connectionString = process.env.RENDICONTA_TEST_STORAGE as string;
const fresh = async () => {
  const storage = createStorage({ connectionString, namespace: `x${crypto.randomBytes(5).toString('hex')}` });
  await storage.ensure();
  return storage;
};

async function dump(storage: Storage): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const table of Object.keys(TABLES) as TableName[]) {
    const rows: unknown[] = [];
    for await (const e of storage.table(table).listEntities({ disableTypeConversion: true })) {
      const { etag: _e, timestamp: _t, ...rest } = e as Record<string, unknown>;
      delete rest['odata.metadata'];
      rows.push(rest);
    }
    out[table] = rows;
  }
  return out;
}

let dir: string;
beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rendiconta-export-'))));
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

it('exports every table with types and restores it into an empty namespace', async () => {
  const source = await fresh();
  await source.table('audit').createEntity({
    partitionKey: 'audit',
    rowKey: '0000000001',
    seq: { value: '9007199254740993', type: 'Int64' }, // beyond Number precision
    at: new Date('2026-11-30T10:00:00.000Z'),
    hash: 'ab'.repeat(32),
  });
  await source.table('submissions').createEntity({ partitionKey: 'crema-2026-2028', rowKey: 's1', version: 3 });
  await source.table('submissions').createEntity({ partitionKey: 'crema-2026-2028', rowKey: 's2', version: 1 });

  const manifest = await exportTables(source, dir, new Date('2026-12-01T08:00:00Z'));
  expect(manifest.exportedAt).toBe('2026-12-01T08:00:00.000Z');
  expect(Object.fromEntries(manifest.tables.map((t) => [t.table, t.entities]))).toEqual({
    submissions: 2,
    documents: 0,
    audit: 1,
    samples: 0,
    outcomes: 0,
    reviews: 0,
  });
  const auditLine = JSON.parse(fs.readFileSync(path.join(dir, 'audit.jsonl'), 'utf8').trim()) as Record<
    string,
    unknown
  >;
  expect(auditLine.seq).toEqual({ value: '9007199254740993', type: 'Int64' });
  expect(auditLine.at).toEqual({ value: '2026-11-30T10:00:00.000Z', type: 'DateTime' });

  const target = await fresh();
  expect(await restoreTables(target, dir)).toMatchObject({ submissions: 2, audit: 1 });
  expect(await dump(target)).toEqual(await dump(source));
});

it('refuses an export whose file does not match its manifest', async () => {
  const source = await fresh();
  await source.table('reviews').createEntity({ partitionKey: 'p', rowKey: 'r', decision: 'ammesso' });
  await exportTables(source, dir, new Date('2026-12-01T08:00:00Z'));
  const file = path.join(dir, 'reviews.jsonl');
  fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('ammesso', 'escluso'));
  const target = await fresh();
  await expect(restoreTables(target, dir)).rejects.toThrow(
    'reviews.jsonl: l’impronta SHA-256 non corrisponde al manifest',
  );
  expect((await dump(target)).reviews).toEqual([]);
});
