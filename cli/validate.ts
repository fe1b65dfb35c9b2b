// `rendiconta validate <file.xlsx> --agreement <id> --programme <P> --partner <id> --year <yyyy>
// [--today <date>] [--mapping <file.json>] [--json]`: reads the partner's workbook, maps it with the
// shared mapping (plus the user's corrections of --mapping, the JSON the task pane saves) and prints
// the findings of the shared rules. Exit 0 clean, 1 with errors, 2 unreadable or unmappable.
import { parseArgs } from 'node:util';
import { findPartner, findProgramme, type Agreement } from '../shared/agreement/agreement';
import { AGREEMENTS, getAgreement } from '../shared/agreement/agreements';
import { parseDate, romeDate, type IsoDate } from '../shared/core/dates';
import { columnIndex, summarise, type Finding } from '../shared/findings/findings';
import {
  detectTables,
  isReadableTable,
  readTable,
  type MappedTable,
  type MappingOverrides,
  type SheetGrid,
} from '../shared/mapping/mapping';
import type { RowInput } from '../shared/rows/rows';
import { validateRows } from '../shared/rules/validate';
import { compareText } from '../shared/rules/order';
import { formatJson, formatText } from './findings-output';
import { COMMANDS } from './commands';
import { EXIT_FINDINGS, EXIT_OK, EXIT_UNREADABLE, type CliIo } from './io';
import { readWorkbookFile, readMappingFile } from './workbook-input';

interface ValidateArgs {
  file: string;
  agreement: Agreement;
  programme: string;
  partner: string;
  year: number;
  today: IsoDate;
  json: boolean;
  mapping: string | null;
}

/** Parsed arguments, or the Italian sentence explaining what is wrong with them. */
function parseValidateArgs(argv: string[], io: CliIo): ValidateArgs | string {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        agreement: { type: 'string' },
        programme: { type: 'string' },
        partner: { type: 'string' },
        year: { type: 'string' },
        today: { type: 'string' },
        mapping: { type: 'string' },
        json: { type: 'boolean', default: false },
      },
    });
  } catch {
    return 'opzione non riconosciuta o senza valore.';
  }
  const { values, positionals } = parsed;
  if (positionals.length !== 1) return 'indicare un solo file .xlsx.';
  for (const name of ['agreement', 'programme', 'partner', 'year'] as const) {
    if (!values[name]) return `manca l'opzione --${name}.`;
  }
  const agreement = getAgreement(values.agreement as string);
  if (!agreement) {
    return `accordo «${values.agreement}» sconosciuto (disponibili: ${Object.keys(AGREEMENTS).join(', ')}).`;
  }
  const programme = findProgramme(agreement, (values.programme as string).toUpperCase())?.id;
  if (!programme) {
    return `programma «${values.programme}» sconosciuto (disponibili: ${agreement.programmes.map((p) => p.id).join(', ')}).`;
  }
  const partner = findPartner(agreement, (values.partner as string).toLowerCase())?.id;
  if (!partner) return `partner «${values.partner}» sconosciuto per l'accordo ${agreement.id}.`;
  const year = Number(values.year);
  if (!/^\d{4}$/.test(values.year as string) || !agreement.years.includes(year)) {
    return `anno «${values.year}» fuori dall'accordo (anni: ${agreement.years.join(', ')}).`;
  }
  // Rome's calendar day only when --today is absent: the first Intl time-zone format loads ICU's
  // zone data (~40 ms of a cold process).
  let today: IsoDate;
  if (values.today !== undefined) {
    const date = parseDate(values.today);
    if (!date.ok) return `data «${values.today}» non valida per --today (usare aaaa-mm-gg).`;
    today = date.value;
  } else today = romeDate(io.clock());
  return {
    file: positionals[0],
    agreement,
    programme,
    partner,
    year,
    today,
    json: values.json === true,
    mapping: typeof values.mapping === 'string' ? values.mapping : null,
  };
}

/** Workbook order of sheets, then row, column and code; report-level findings last. */
function orderFindings(findings: Finding[], sheetOrder: readonly string[]): Finding[] {
  const sheetRank = (sheet: string | null) => {
    const index = sheet === null ? -1 : sheetOrder.indexOf(sheet);
    return index < 0 ? sheetOrder.length : index;
  };
  return findings
    .map((f, seq) => ({ f, seq }))
    .sort(
      (a, b) =>
        sheetRank(a.f.sheet) - sheetRank(b.f.sheet) ||
        (a.f.row ?? Number.MAX_SAFE_INTEGER) - (b.f.row ?? Number.MAX_SAFE_INTEGER) ||
        columnIndex(a.f.column) - columnIndex(b.f.column) ||
        compareText(a.f.code, b.f.code) ||
        a.seq - b.seq,
    )
    .map(({ f }) => f);
}

function report(findings: Finding[], args: ValidateArgs, io: CliIo): void {
  const summary = summarise(findings);
  io.stdout(args.json ? formatJson(findings, summary) : formatText(findings, summary));
}

/** Why the workbook cannot be validated as a whole, or null when every table can be read. */
function mappingFailure(tables: readonly MappedTable[]): string | null {
  const undecided = tables.filter((t) => t.status === 'table' && t.headerRow > 0 && !isReadableTable(t));
  if (undecided.length > 0) {
    const names = undecided.map((t) => `«${t.sheet}»`).join(', ');
    return (
      `Impossibile stabilire se ${undecided.length === 1 ? 'il foglio' : 'i fogli'} ${names} ` +
      'contiene beni di consumo (BENI) o servizi (SERV): aggiungere una colonna «Categoria» ' +
      'oppure rinominare il foglio (per esempio «Beni di consumo» o «Servizi»).'
    );
  }
  if (!tables.some(isReadableTable)) {
    return (
      'Nessuna tabella di rendicontazione riconosciuta: nessun foglio ha una riga di intestazione ' +
      'con tutte le colonne obbligatorie del modello nelle prime 20 righe (usare «rendiconta mapping» per ' +
      'vedere cosa manca e --mapping per associare le colonne, o «rendiconta template» per un esempio).'
    );
  }
  return null;
}

/** No sheet has a single non-blank cell. */
function isEmptyWorkbook(grids: readonly SheetGrid[]): boolean {
  return grids.every((g) =>
    g.rows.every((row) => (row ?? []).every((v) => v === null || v === undefined || String(v).trim() === '')),
  );
}

export async function validateCommand(argv: string[], io: CliIo): Promise<number> {
  const args = parseValidateArgs(argv, io);
  if (typeof args === 'string') {
    io.stderr(`Errore: ${args}\nUso: ${COMMANDS.validate.usage}\n`);
    return EXIT_UNREADABLE;
  }

  let overrides: MappingOverrides = {};
  if (args.mapping !== null) {
    const read = await readMappingFile(args.mapping);
    if (typeof read === 'string') {
      io.stderr(`Errore: ${read}\n`);
      return EXIT_UNREADABLE;
    }
    overrides = read;
  }
  const workbook = await readWorkbookFile(args.file);
  if (typeof workbook === 'string') {
    io.stderr(`Errore: ${workbook}\n`);
    return EXIT_UNREADABLE;
  }
  const grids: SheetGrid[] = workbook;
  const sheetOrder = grids.map((g) => g.name);
  const tables = detectTables(grids, overrides);
  const mappingFindings = tables.flatMap((t) => t.findings);

  if (isEmptyWorkbook(grids)) {
    // One message, not an empty findings summary followed by an error.
    if (args.json) report([], args, io);
    io.stderr(
      'Errore: la cartella di lavoro è vuota: nessun foglio contiene dati da controllare ' +
        '(usare «rendiconta template» per il modello da compilare).\n',
    );
    return EXIT_UNREADABLE;
  }
  const failure = mappingFailure(tables);
  if (failure) {
    // In text mode the findings of the mapping are worth printing only when there are some.
    if (args.json || mappingFindings.length > 0) report(orderFindings(mappingFindings, sheetOrder), args, io);
    io.stderr(`Errore: ${failure}\n`);
    return EXIT_UNREADABLE;
  }

  const rows: RowInput[] = [];
  const rowMappingFindings: Finding[] = [];
  for (const table of tables.filter(isReadableTable)) {
    const grid = grids.find((g) => g.name === table.sheet) as SheetGrid;
    const read = readTable(table, grid);
    // One by one: spreading a 5,000-row sheet into push() passes 5,000 arguments.
    for (const row of read.rows) rows.push(row);
    for (const finding of read.findings) rowMappingFindings.push(finding);
  }
  const result = validateRows(rows, {
    agreement: args.agreement,
    programme: args.programme,
    partner: args.partner,
    year: args.year,
    today: args.today,
  });
  const findings = orderFindings([...mappingFindings, ...rowMappingFindings, ...result.findings], sheetOrder);
  report(findings, args, io);
  return findings.some((f) => f.severity === 'error') ? EXIT_FINDINGS : EXIT_OK;
}
