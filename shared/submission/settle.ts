// What a validated submission does to the report (DOMAIN §5): which rows are accepted, which are
// rejected, which locked rows stay as they were (R24 carry-over), the version to store, and the
// diff against the previous version, `changes: { added, changed, removed, unchanged }`, with where
// each changed or removed row was. Pure: the service reads and writes, this decides.
import type { Agreement } from '../agreement/agreement';
import type { IsoDate } from '../core/dates';
import { windowFor } from '../agreement/windows';
import type { Finding } from '../findings/findings';
import { parseRow, type ParsedRow, type RowInput } from '../rows/rows';
import { agreementIndex, type AgreementIndex } from '../agreement/agreement-index';
import { rowFingerprint, sameCells } from '../rules/fingerprint';
import type { ValidationResult } from '../rules/validate';

export interface Changes {
  added: number;
  changed: number;
  removed: number;
  unchanged: number;
}

/** Where a row was in the previous version (sheet/row when known) and its expense date. */
export interface PreviousPlace {
  sheet: string | null;
  row: number | null;
  date: IsoDate | null;
}

export interface ChangedRow {
  rowId: string;
  change: 'changed' | 'removed';
  previous: PreviousPlace;
}

/** A locked row the submission left out ('removed') or altered ('changed'): kept as it was (R24). */
export interface CarriedOverRow {
  rowId: string;
  reason: 'removed' | 'changed';
  window: string | null;
  lockDate: IsoDate | null;
  previous: PreviousPlace;
}

export interface Settlement {
  accepted: string[];
  /** Rows of the submission refused, with their findings (a locked row left out is not here). */
  rejected: { rowId: string; findings: Finding[] }[];
  carriedOver: CarriedOverRow[];
  /** The version to store: accepted rows, then the locked rows carried over. */
  rows: RowInput[];
  changes: Changes;
  changedRows: ChangedRow[];
}

export interface SettleInput {
  agreement: Agreement;
  /** The submission's rows with their resolved ids (resolveRowIds). */
  rows: readonly RowInput[];
  /** The previous version's stored rows ([] for a first version). */
  previousRows: readonly RowInput[];
  result: ValidationResult;
}

export function settleSubmission(input: SettleInput): Settlement {
  const { agreement, rows, previousRows, result } = input;
  // One index for every row read below (building it costs about what reading 50 rows does).
  const index = agreementIndex(agreement);
  const read: RowReader = (row) => parseRow(row, agreement, index);
  const findingsOf = (rowId: string): readonly Finding[] =>
    result.rowFindings.get(rowId) ?? result.findings.filter((f) => f.rowId === rowId);
  const previousById = new Map<string, RowInput>();
  for (const row of previousRows) if (!previousById.has(row.rowId)) previousById.set(row.rowId, row);
  const incomingIds = new Set(rows.map((r) => r.rowId));

  const accepted = rows.filter((r) => !result.rejectedRowIds.has(r.rowId));
  const carriedOver: CarriedOverRow[] = [];
  const carriedRows: RowInput[] = [];
  const rejected: Settlement['rejected'] = [];
  for (const rowId of result.rejectedRowIds) {
    const findings = findingsOf(rowId);
    const previous = previousById.get(rowId);
    const locked = previous !== undefined && findings.some((f) => f.code === 'R24');
    const removed = !incomingIds.has(rowId);
    if (locked) {
      carriedRows.push(previous);
      carriedOver.push({ rowId, reason: removed ? 'removed' : 'changed', ...lockOf(previous, agreement, read) });
    }
    if (!removed) rejected.push({ rowId, findings: findings.slice() });
  }

  const stored = [...accepted, ...carriedRows];
  const { changes, changedRows } = diffVersions(previousRows, stored, agreement, index);
  return {
    accepted: accepted.map((r) => r.rowId),
    rejected,
    carriedOver,
    rows: stored,
    changes,
    changedRows,
  };
}

/** The diff of two stored versions by row id; content compared as the rules read it (R24's fingerprint). */
export function diffVersions(
  previousRows: readonly RowInput[],
  nextRows: readonly RowInput[],
  agreement: Agreement,
  index: AgreementIndex = agreementIndex(agreement),
): { changes: Changes; changedRows: ChangedRow[] } {
  const read: RowReader = (row) => parseRow(row, agreement, index);
  const previousById = new Map<string, RowInput>();
  for (const row of previousRows) if (!previousById.has(row.rowId)) previousById.set(row.rowId, row);
  const changes: Changes = { added: 0, changed: 0, removed: 0, unchanged: 0 };
  const changedRows: ChangedRow[] = [];
  const seen = new Set<string>();
  for (const row of nextRows) {
    if (seen.has(row.rowId)) continue;
    seen.add(row.rowId);
    const previous = previousById.get(row.rowId);
    if (!previous) changes.added += 1;
    else if (sameContent(previous, row, read)) changes.unchanged += 1;
    else {
      changes.changed += 1;
      changedRows.push({ rowId: row.rowId, change: 'changed', previous: placeOf(previous, read) });
    }
  }
  for (const [rowId, previous] of previousById) {
    if (seen.has(rowId)) continue;
    changes.removed += 1;
    changedRows.push({ rowId, change: 'removed', previous: placeOf(previous, read) });
  }
  return { changes, changedRows };
}

/** Same content as the rules read it. Cells identical as sent are the same content (fast path). */
function sameContent(a: RowInput, b: RowInput, read: RowReader): boolean {
  return a === b || sameCells(a, b) || rowFingerprint(read(a)) === rowFingerprint(read(b));
}

/** parseRow with the agreement and the index of one call. */
type RowReader = (row: RowInput) => ParsedRow;

function placeOf(row: RowInput, read: RowReader): PreviousPlace {
  return {
    sheet: typeof row.sheet === 'string' && row.sheet !== '' ? row.sheet : null,
    row: typeof row.row === 'number' && Number.isInteger(row.row) ? row.row : null,
    date: read(row).values.date,
  };
}

function lockOf(row: RowInput, agreement: Agreement, read: RowReader): Omit<CarriedOverRow, 'rowId' | 'reason'> {
  const previous = placeOf(row, read);
  const window = previous.date ? windowFor(agreement, previous.date) : null;
  return { window: window?.id ?? null, lockDate: window?.lockDate ?? null, previous };
}
