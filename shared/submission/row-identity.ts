// Row identity across versions (DOMAIN §5): an incoming row with an id already in the report is
// that row; any other row (no id, or an id the report does not know: a workbook opened afresh in a
// browser, the CLI, another client) is matched to the previous version's rows by its natural key
// and takes that row's id; rows sharing a key match in order of appearance. What is left keeps the
// id it came with, or gets a new one derived from the submission (never random: same input, same ids).
import type { Agreement } from '../agreement/agreement';
import { sha256Hex } from '../core/sha256';
import { normaliseText } from '../core/text-key';
import { parseRow, readText, type ParsedRow, type RowInput } from '../rows/rows';
import { agreementIndex } from '../agreement/agreement-index';

/** A row as a client sends it: the id is optional. */
export type IncomingRow = Omit<RowInput, 'rowId'> & { rowId?: string };

/** How a row got its id: it came with a known one, by natural key, kept its own unknown one, or new. */
export type IdSource = 'id' | 'key' | 'kept' | 'new';

export interface ResolvedRows {
  /** The incoming rows, in order, each with its id. */
  rows: RowInput[];
  /** rowIds[i] is the id of incoming row i (what a client writes back in its id column). */
  rowIds: string[];
  sources: IdSource[];
}

export interface IdentityContext {
  agreement: Agreement;
  /** Identifies the submission (e.g. "koala.P1.2026.v3"): new ids derive from it and the position. */
  seed: string;
}

const SEP = '\u0001';

function text(cell: unknown): string {
  const read = readText(cell);
  return read.kind === 'text' ? normaliseText(read.text) : '';
}

/**
 * The natural key of DOMAIN §5 — PERS: tax code, month, programme, action; BENI/SERV: supplier id,
 * invoice number, invoice date, programme, action; GEN/COFIN: date, description, programme,
 * action. Values as parsed (so "1.234,50" and "1234.5", "P1" and "Programma 1" agree); a cell that
 * cannot be parsed takes part as its normalised text.
 */
export function naturalKey(parsed: ParsedRow): string {
  const v = parsed.values;
  const input = parsed.input;
  const programme = v.programme ?? text(input.programme);
  const action = v.action ?? text(input.action);
  switch (v.category) {
    case 'PERS':
      return ['PERS', v.taxCode ?? text(input.taxCode), v.month ?? text(input.month), programme, action].join(SEP);
    case 'BENI':
    case 'SERV':
      return [
        'INV',
        v.supplierId ?? text(input.supplierId),
        v.invoiceNumber ?? text(input.invoiceNumber),
        v.invoiceDate ?? text(input.invoiceDate),
        programme,
        action,
      ].join(SEP);
    case 'GEN':
    case 'COFIN':
      return [v.category, v.date ?? text(input.date), text(input.description), programme, action].join(SEP);
    default:
      return ['?', text(input.category), programme, action].join(SEP);
  }
}

function givenId(row: IncomingRow): string | null {
  return typeof row.rowId === 'string' && row.rowId.trim() !== '' ? row.rowId.trim() : null;
}

export function resolveRowIds(
  incoming: readonly IncomingRow[],
  previous: readonly RowInput[],
  ctx: IdentityContext,
): ResolvedRows {
  const ids: (string | null)[] = incoming.map(() => null);
  const sources: IdSource[] = incoming.map(() => 'new');
  const previousIds = new Set(previous.map((r) => r.rowId));
  const claimed = new Set<string>();
  const index = agreementIndex(ctx.agreement); // once: per row it would cost more than the row

  // 1. Known ids are the rows they name (a repeated id is R17's business, not identity's).
  incoming.forEach((row, i) => {
    const id = givenId(row);
    if (id !== null && previousIds.has(id)) {
      ids[i] = id;
      sources[i] = 'id';
      claimed.add(id);
    }
  });

  // 2. The rest match the unclaimed previous rows by natural key, in order of appearance.
  const byKey = new Map<string, string[]>();
  const pending = ids.some((id) => id === null);
  for (const row of pending ? previous : []) {
    if (claimed.has(row.rowId)) continue;
    const key = naturalKey(parseRow(row, ctx.agreement, index));
    const list = byKey.get(key);
    if (list) list.push(row.rowId);
    else byKey.set(key, [row.rowId]);
  }
  incoming.forEach((row, i) => {
    if (ids[i] !== null || byKey.size === 0) return;
    const key = naturalKey(parseRow({ ...row, rowId: givenId(row) ?? '' } as RowInput, ctx.agreement, index));
    const list = byKey.get(key);
    const id = list?.shift();
    if (id === undefined) return;
    if (list && list.length === 0) byKey.delete(key);
    ids[i] = id;
    sources[i] = 'key';
    claimed.add(id);
  });

  // 3. Unmatched rows keep their own id, or get one derived from the submission and the position.
  const used = new Set<string>([...previousIds]);
  for (const id of ids) if (id !== null) used.add(id);
  incoming.forEach((row, i) => {
    if (ids[i] !== null) return;
    const id = givenId(row);
    if (id !== null) {
      ids[i] = id;
      sources[i] = 'kept';
      used.add(id);
    }
  });
  incoming.forEach((_row, i) => {
    if (ids[i] !== null) return;
    let id = derivedId(ctx.seed, i, 0);
    for (let n = 1; used.has(id); n++) id = derivedId(ctx.seed, i, n);
    ids[i] = id;
    used.add(id);
  });

  const rowIds = ids as string[];
  return {
    rows: incoming.map((row, i) => ({ ...row, rowId: rowIds[i] }) as RowInput),
    rowIds,
    sources,
  };
}

function derivedId(seed: string, position: number, attempt: number): string {
  return `r-${sha256Hex(`${seed}|${position}|${attempt}`).slice(0, 12)}`;
}
