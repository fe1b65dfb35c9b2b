// R01: the required fields of the category are present and closed-list cells hold a listed value.
import { FIELDS, REQUIRED, VOLUNTEER_REQUIRED, EMPLOYMENT_TYPES, RESOURCE_TYPES } from '../fields';
import type { Finding } from '../findings';
import { cellKind, isBlank, type ParsedRow } from '../rows';
import { cellPreview, rowFinding } from './emit';

const TEXT_KINDS = new Set(['text', 'enum', 'list', 'boolean']);
/** Per category, the cells read as text (an object there is unreadable). */
const TEXT_FIELDS = Object.fromEntries(
  Object.entries(FIELDS).map(([category, defs]) => [
    category,
    defs.filter((d) => TEXT_KINDS.has(d.kind) && d.key !== 'rowId').map((d) => d.key),
  ]),
) as Record<keyof typeof FIELDS, string[]>;
const VOLUNTEER_ROW_REQUIRED = [...REQUIRED.COFIN, ...VOLUNTEER_REQUIRED];
const LISTS: Record<string, string> = {
  employment: EMPLOYMENT_TYPES.join(', '),
  resourceType: RESOURCE_TYPES.join(', '),
  cupOnInvoice: 'sì, no',
};

export function checkRequired(row: ParsedRow, out: Finding[]): void {
  const { values, input } = row;
  const category = values.category;
  if (!category) {
    out.push(rowFinding(row, 'R01', 'error', 'category', 'category', { valore: cellPreview(input.category) }));
    return;
  }
  const required =
    category === 'COFIN' && values.resourceType === 'volontariato' ? VOLUNTEER_ROW_REQUIRED : REQUIRED[category];
  for (const field of required) {
    if (isBlank(input[field])) out.push(rowFinding(row, 'R01', 'error', field, 'missing'));
  }
  for (const key of TEXT_FIELDS[category]) {
    const cell = input[key];
    if (cell === undefined || cell === null || typeof cell === 'string' || typeof cell === 'number') continue;
    if (cellKind(cell) === 'unreadable') {
      out.push(rowFinding(row, 'R01', 'error', key, 'unreadable'));
    }
  }
  for (const problem of row.problems) {
    if (problem.reason !== 'not_in_list') continue;
    if (cellKind(input[problem.field]) !== 'text') continue; // already reported as unreadable
    out.push(
      rowFinding(row, 'R01', 'error', problem.field, 'notInList', {
        valore: cellPreview(input[problem.field]),
        ammessi: LISTS[problem.field] ?? '',
      }),
    );
  }
}
