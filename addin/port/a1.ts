// A1 addresses: the few conversions the adapters and the pane need.
import { columnIndex, columnLetter } from '../../shared/findings/findings';

export interface CellRef {
  /** 1-based. */
  row: number;
  /** 1-based. */
  column: number;
}

export interface RangeRef {
  first: CellRef;
  last: CellRef;
}

/** Drops a sheet prefix ("'Beni 2026'!B3" → "B3"). */
export function stripSheet(address: string): string {
  const bang = address.lastIndexOf('!');
  return bang >= 0 ? address.slice(bang + 1) : address;
}

const CELL = /^\$?([A-Za-z]{1,3})?\$?(\d+)?$/;
const MAX_ROW = 1_048_576;
const MAX_COLUMN = 16_384;

/** "B3", "B3:D9", "3:5" (whole rows), "B:D" (whole columns). Returns null when unreadable. */
export function parseRange(address: string): RangeRef | null {
  const [a, b = a] = stripSheet(address).split(':');
  const first = CELL.exec(a);
  const last = CELL.exec(b);
  if (!first || !last || (!first[1] && !first[2]) || (!last[1] && !last[2])) return null;
  return {
    first: { row: first[2] ? Number(first[2]) : 1, column: first[1] ? columnIndex(first[1]) : 1 },
    last: { row: last[2] ? Number(last[2]) : MAX_ROW, column: last[1] ? columnIndex(last[1]) : MAX_COLUMN },
  };
}

export function cellAddress(row: number, column: number): string {
  return `${columnLetter(column)}${row}`;
}

export function rangeAddress(first: CellRef, last: CellRef): string {
  return `${cellAddress(first.row, first.column)}:${cellAddress(last.row, last.column)}`;
}
