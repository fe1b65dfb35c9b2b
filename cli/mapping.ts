// `rendiconta mapping <file.xlsx> [--json]`: what the mapping recognised on each sheet (category,
// header row, columns), the headers it did not recognise, the required columns still missing, and a
// mapping skeleton to edit and pass back with `rendiconta validate … --mapping <file.json>` (the
// same JSON the task pane's mapping view saves). Exit 0, or 2 when the file cannot be read.
import { parseArgs } from 'node:util';
import { detectTables, type MappedTable } from '../shared/mapping/mapping';
import { fieldDef } from '../shared/mapping/fields';
import { COMMANDS } from './commands';
import { EXIT_OK, EXIT_UNREADABLE, type CliIo } from './io';
import { readWorkbookFile } from './workbook-input';

/**
 * One sheet's entry of the skeleton: what is known, and "" for each required column to fill in.
 * Sheets that are read as they are get no entry; a sheet the user does not want read (a summary)
 * is left out of the file.
 */
export interface SkeletonEntry {
  category?: string;
  headerRow?: number;
  columns: Record<string, string>;
  /** Headers of the sheet no field was found for (column → label), as a reminder; ignored when read. */
  intestazioniNonRiconosciute?: Record<string, string>;
}

const STATUS_IT: Record<MappedTable['status'], string> = {
  table: 'tabella riconosciuta',
  partial: 'non letto: intestazione incompleta',
  hidden: 'non letto: foglio nascosto',
  none: 'non letto: nessuna intestazione riconosciuta',
};

function headerOf(table: MappedTable, field: string): string {
  const category = table.category ?? 'BENI';
  return fieldDef(category, field)?.header ?? field;
}

export function mappingSkeleton(tables: readonly MappedTable[]): Record<string, SkeletonEntry> {
  const out: Record<string, SkeletonEntry> = {};
  for (const table of tables) {
    // Only what needs the user: partial headers and tables whose BENI/SERV is undecided. A table
    // read as it is needs no entry (an entry would make the sheet a table even if incomplete).
    const undecided = table.status === 'table' && table.category === null && table.categorySource !== 'column';
    if (table.headerRow === 0 || (table.status !== 'partial' && !undecided)) continue;
    const columns: Record<string, string> = { ...table.columns };
    for (const field of table.missingRequired) columns[field] = '';
    // An undecided invoice sheet: the user writes BENI or SERV (the placeholder itself is ignored).
    const entry: SkeletonEntry = { category: table.category ?? 'BENI o SERV', headerRow: table.headerRow, columns };
    if (table.unmatchedHeaders.length > 0) {
      entry.intestazioniNonRiconosciute = Object.fromEntries(table.unmatchedHeaders.map((u) => [u.column, u.label]));
    }
    out[table.sheet] = entry;
  }
  return out;
}

function describe(table: MappedTable): string[] {
  const lines = [`Foglio «${table.sheet}»: ${STATUS_IT[table.status]}`];
  if (table.headerRow > 0) {
    lines.push(
      `  categoria: ${table.category ?? 'da scegliere (BENI o SERV)'}; intestazione alla riga ${table.headerRow}`,
    );
    const columns = Object.entries(table.columns).map(
      ([field, letter]) => `${letter} ${headerOf(table, field)} [${field}]`,
    );
    lines.push(`  colonne riconosciute: ${columns.length > 0 ? columns.join('; ') : 'nessuna'}`);
    if (table.missingRequired.length > 0) {
      lines.push(
        `  colonne obbligatorie mancanti: ${table.missingRequired.map((f) => `${headerOf(table, f)} [${f}]`).join('; ')}`,
      );
    }
    if (table.unmatchedHeaders.length > 0) {
      lines.push(
        `  intestazioni non riconosciute: ${table.unmatchedHeaders.map((u) => `${u.column} «${u.label}»`).join('; ')}`,
      );
    }
  }
  for (const f of table.findings) lines.push(`  [${f.code}] ${f.message}`);
  return lines;
}

export async function mappingCommand(argv: string[], io: CliIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, strict: true, options: { json: { type: 'boolean' } } });
  } catch {
    io.stderr(`Errore: opzione non riconosciuta.\nUso: ${COMMANDS.mapping.usage}\n`);
    return EXIT_UNREADABLE;
  }
  if (parsed.positionals.length !== 1) {
    io.stderr(`Errore: indicare un solo file .xlsx.\nUso: ${COMMANDS.mapping.usage}\n`);
    return EXIT_UNREADABLE;
  }
  const file = parsed.positionals[0];
  const grids = await readWorkbookFile(file);
  if (typeof grids === 'string') {
    io.stderr(`Errore: ${grids}\n`);
    return EXIT_UNREADABLE;
  }
  const tables = detectTables(grids);
  const skeleton = mappingSkeleton(tables);
  if (parsed.values.json) {
    const sheets = tables.map((t) => ({
      sheet: t.sheet,
      status: t.status,
      category: t.category,
      headerRow: t.headerRow || null,
      columns: t.columns,
      missingRequired: t.missingRequired,
      unmatchedHeaders: t.unmatchedHeaders,
      findings: t.findings.map((f) => ({ code: f.code, severity: f.severity, message: f.message })),
    }));
    io.stdout(JSON.stringify({ sheets, skeleton }, null, 2) + '\n');
    return EXIT_OK;
  }
  const lines = tables.flatMap(describe);
  lines.push(
    '',
    'Schema di mappatura da modificare (indicare la lettera della colonna per ogni campo "", salvare come',
    `mapping.json e usare: rendiconta validate ${file} … --mapping mapping.json):`,
    JSON.stringify(skeleton, null, 2),
  );
  io.stdout(lines.join('\n') + '\n');
  return EXIT_OK;
}
