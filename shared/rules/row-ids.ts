// R17: row ids are unique within the workbook; R24 for a row removed from a locked window.
import type { Finding } from '../findings/findings';
import type { ParsedRow } from '../rows/rows';
import { formatDateIt } from '../core/dates';
import { trimmed } from '../core/text-key';
import type { RuleEnv, RowRule } from './env';
import { reportFinding, rowFinding } from './emit';

/** A missing id is a row-local R17. */
export const checkRowId: RowRule = (row, _env, out) => {
  if (trimmed(row.rowId) === '') out.push(rowFinding(row, 'R17', 'error', 'rowId', 'missing'));
};

/** Findings of every row sharing one id: R17 on each when there is more than one. */
export function duplicateIdFindings(members: readonly ParsedRow[]): Finding[][] | null {
  if (members.length < 2 || members[0].rowId.trim() === '') return null;
  return members.map((row) => [rowFinding(row, 'R17', 'error', 'rowId', 'duplicate', { count: members.length })]);
}

/** R24 for a previously accepted row dated in a locked window that the submission no longer has. */
export function removedRowFinding(previous: ParsedRow, env: RuleEnv): Finding | null {
  const window = env.lockedWindow(previous.values.date);
  if (!window) return null;
  // Where the row was when it was sent, so the partner can find it (it is not in this file).
  const place = previous.sheet && previous.excelRow ? `«${previous.sheet}», riga ${previous.excelRow}` : null;
  const date = previous.values.date ? formatDateIt(previous.values.date) : null;
  const dove = [place, date ? `data ${date}` : null].filter(Boolean).join(', ');
  return reportFinding(
    'R24',
    'error',
    'removed',
    {
      finestra: window.id,
      chiusura: formatDateIt(window.lockDate),
      ...(dove ? { dove } : {}),
    },
    previous.rowId,
  );
}
