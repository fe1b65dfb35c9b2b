// R01: the required fields of the category are present and closed-list cells hold a listed value.
import { FIELDS, REQUIRED, VOLUNTEER_REQUIRED, EMPLOYMENT_TYPES, RESOURCE_TYPES } from '../fields';
import type { Finding } from '../findings';
import { isBlank, readText, type ParsedRow } from '../rows';
import { cellPreview, rowFinding } from './emit';

const TEXT_KINDS = new Set(['text', 'enum', 'list', 'boolean']);
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
  const required = category === 'COFIN' && values.resourceType === 'volontariato'
    ? [...REQUIRED.COFIN, ...VOLUNTEER_REQUIRED]
    : REQUIRED[category];
  for (const field of required) {
    if (isBlank(input[field])) out.push(rowFinding(row, 'R01', 'error', field, 'missing'));
  }
  for (const def of FIELDS[category]) {
    if (!TEXT_KINDS.has(def.kind) || def.key === 'rowId') continue;
    const cell = input[def.key];
    if (readText(cell).kind === 'unreadable' && !(cell instanceof Date && def.kind === 'text')) {
      out.push(rowFinding(row, 'R01', 'error', def.key, 'unreadable'));
    }
  }
  for (const problem of row.problems) {
    if (problem.reason !== 'not_in_list') continue;
    if (readText(input[problem.field]).kind !== 'text') continue; // already reported as unreadable
    out.push(rowFinding(row, 'R01', 'error', problem.field, 'notInList', {
      valore: cellPreview(input[problem.field]),
      ammessi: LISTS[problem.field] ?? '',
    }));
  }
}
