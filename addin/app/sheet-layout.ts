// Where the add-in keeps its two columns in a partner's table: the hidden `ID riga` (reused when
// the table has one) and the status column, both to the right of everything the partner uses.
import type { MappedTable } from '../../shared/mapping/mapping';
import { columnLetter, columnIndex } from '../../shared/findings/findings';
import { normaliseLabel } from '../../shared/mapping/mapping';
import { ROW_ID_HEADER, STATUS_HEADER } from '../port/workbook-port';

export interface TableLayout {
  table: MappedTable;
  idColumn: string;
  statusColumn: string;
  /** Headers to write because the columns are new. */
  newHeaders: { column: string; header: string }[];
  /** Columns the pane reads when a row changes (A … the rightmost of the table and ours). */
  width: number;
}

export function tableLayout(table: MappedTable, rows: readonly (readonly unknown[] | undefined)[]): TableLayout {
  const used = rows.reduce((w, r) => Math.max(w, r?.length ?? 0), 0);
  const header = rows[table.headerRow - 1] ?? [];
  let next = used + 1;
  const newHeaders: { column: string; header: string }[] = [];
  let idColumn = table.columns.rowId;
  if (!idColumn) {
    idColumn = columnLetter(next++);
    newHeaders.push({ column: idColumn, header: ROW_ID_HEADER });
  }
  const statusIndex = header.findIndex(
    (cell) => typeof cell === 'string' && normaliseLabel(cell) === normaliseLabel(STATUS_HEADER),
  );
  let statusColumn: string;
  if (statusIndex >= 0) statusColumn = columnLetter(statusIndex + 1);
  else {
    statusColumn = columnLetter(next++);
    newHeaders.push({ column: statusColumn, header: STATUS_HEADER });
  }
  const width = Math.max(used, columnIndex(idColumn), columnIndex(statusColumn));
  return { table, idColumn, statusColumn, newHeaders, width };
}
