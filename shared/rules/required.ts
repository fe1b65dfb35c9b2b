// R01: the required fields of the category are present and closed-list cells hold a listed value.
import { EMPLOYMENT_TYPES, RESOURCE_TYPES } from '../mapping/fields';
import type { Finding } from '../findings/findings';
import type { ParsedRow } from '../rows/rows';
import { cellPreview, rowFinding } from './emit';

const LISTS: Record<string, string> = {
  employment: EMPLOYMENT_TYPES.join(', '),
  resourceType: RESOURCE_TYPES.join(', '),
  cupOnInvoice: 'sì, no',
};

export function checkRequired(row: ParsedRow, out: Finding[]): void {
  const { values, input } = row;
  if (!values.category) {
    out.push(rowFinding(row, 'R01', 'error', 'category', 'category', { valore: cellPreview(input.category) }));
    return;
  }
  // Most rows have no cell problem: skip the loops (and their iterators) outright.
  if (row.missing.length + row.unreadable.length + row.problems.length === 0) return;
  for (const field of row.missing) out.push(rowFinding(row, 'R01', 'error', field, 'missing'));
  for (const field of row.unreadable) out.push(rowFinding(row, 'R01', 'error', field, 'unreadable'));
  for (const problem of row.problems) {
    if (problem.reason !== 'not_in_list') continue;
    out.push(
      rowFinding(row, 'R01', 'error', problem.field, 'notInList', {
        valore: cellPreview(input[problem.field]),
        ammessi: LISTS[problem.field] ?? '',
      }),
    );
  }
}
