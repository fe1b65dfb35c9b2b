// `npm run backup:tables -- <folder>`: exports every application table (submissions, documents,
// audit, samples, outcomes, reviews) as JSON Lines, one entity per line with its Edm types kept
// (Int64, DateTime, Binary…), plus manifest.json with counts and SHA-256 of each file.
// `npm run backup:tables -- --restore <folder>` upserts such an export back (into an empty
// account or namespace: restore is a copy, not a merge of histories).
// Blobs need no export: soft delete, versioning and point-in-time restore protect them
// (infra/app/storage.bicep); for an off-site copy see docs/deploy.md.
// Storage from the app settings (functions/lib/storage-settings.ts): in Azure STORAGE_ACCOUNT_NAME
// with your `az login` identity (Storage Table Data Contributor), locally STORAGE_CONNECTION_STRING.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { TableEntity } from '@azure/data-tables';
import { storageFromEnv, TABLES, type Storage, type TableName } from '../functions/lib/storage';

export interface ExportedTable {
  table: TableName;
  entities: number;
  file: string;
  sha256: string;
}

export interface ExportManifest {
  format: 'rendiconta-tables/1';
  exportedAt: string;
  tables: ExportedTable[];
}

export async function exportTables(storage: Storage, dir: string, now: Date): Promise<ExportManifest> {
  fs.mkdirSync(dir, { recursive: true });
  const tables: ExportedTable[] = [];
  for (const table of Object.keys(TABLES) as TableName[]) {
    const file = `${table}.jsonl`;
    const lines: string[] = [];
    // disableTypeConversion: values come as { value, type } for typed properties, so a restore
    // writes back exactly what was read (no Int64 turned into a lossy number).
    for await (const entity of storage.table(table).listEntities({ disableTypeConversion: true })) {
      const { etag: _etag, timestamp: _timestamp, ...rest } = entity as Record<string, unknown>;
      delete rest['odata.metadata'];
      lines.push(JSON.stringify(rest));
    }
    const text = lines.length ? `${lines.join('\n')}\n` : '';
    fs.writeFileSync(path.join(dir, file), text);
    tables.push({
      table,
      entities: lines.length,
      file,
      sha256: crypto.createHash('sha256').update(text).digest('hex'),
    });
  }
  const manifest: ExportManifest = { format: 'rendiconta-tables/1', exportedAt: now.toISOString(), tables };
  fs.writeFileSync(path.join(dir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

/** Checks every file against the manifest, then upserts (replace) every entity. */
export async function restoreTables(storage: Storage, dir: string): Promise<Record<string, number>> {
  const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as ExportManifest;
  if (manifest.format !== 'rendiconta-tables/1') throw new Error('manifest.json: formato di esportazione sconosciuto');
  const texts = manifest.tables.map((t) => {
    const text = fs.readFileSync(path.join(dir, t.file), 'utf8');
    if (crypto.createHash('sha256').update(text).digest('hex') !== t.sha256)
      throw new Error(`${t.file}: l’impronta SHA-256 non corrisponde al manifest`);
    return { ...t, text };
  });
  await storage.ensure();
  const counts: Record<string, number> = {};
  for (const t of texts) {
    if (!(t.table in TABLES)) throw new Error(`tabella sconosciuta nel manifest: ${t.table}`);
    const client = storage.table(t.table);
    let n = 0;
    for (const line of t.text.split('\n').filter(Boolean)) {
      await client.upsertEntity(JSON.parse(line) as TableEntity, 'Replace');
      n++;
    }
    counts[t.table] = n;
  }
  return counts;
}

if (require.main === module) {
  const args = process.argv.slice(2);
  const restore = args.includes('--restore');
  const dir = args.find((a) => !a.startsWith('--'));
  if (!dir) {
    console.error('Uso: npm run backup:tables -- [--restore] <cartella>');
    process.exit(2);
  }
  const run = restore
    ? restoreTables(storageFromEnv(), dir).then((c) => console.log(`✓ ripristinate: ${JSON.stringify(c)}`))
    : exportTables(storageFromEnv(), dir, new Date()).then((m) =>
        console.log(`✓ ${m.tables.map((t) => `${t.table} ${t.entities}`).join(', ')} → ${dir}`),
      );
  run.catch((err: unknown) => {
    // The error's kind and message only: storage errors carry no entity data.
    console.error(`Esportazione non riuscita: ${err instanceof Error ? err.message : String(err)}`);
    process.exitCode = 1;
  });
}
