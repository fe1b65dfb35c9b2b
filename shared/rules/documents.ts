// R15: a row lists the documents its category requires under (c); still missing when its window
// locks (or when checking at lock / year close) the expense is excluded: R25.
import type { ParsedRow } from '../rows';
import type { RowRule } from './env';
import { rowFinding } from './emit';

/** Keys of agreement.rules.requiredDocuments that apply to a row (DOMAIN §2). */
export function documentRequirementKeys(row: ParsedRow): string[] | null {
  const v = row.values;
  const notula = v.documents.has('notula');
  switch (v.category) {
    case 'PERS':
      if (!v.employment) return null;
      if (v.employment === 'dipendente') return ['PERS:dipendente'];
      return notula ? ['PERS:esterno', 'PERS:esterno:notula'] : ['PERS:esterno'];
    case 'BENI':
      return ['BENI'];
    case 'SERV':
      return notula ? ['SERV', 'SERV:notula'] : ['SERV'];
    case 'GEN':
      return ['GEN'];
    case 'COFIN':
      if (!v.resourceType) return null;
      return v.resourceType === 'volontariato' ? ['COFIN:volontariato'] : ['COFIN'];
    default:
      return null;
  }
}

/** Groups of required documents not listed on the row; each group is "one of". */
export function missingDocuments(row: ParsedRow, required: Record<string, string[][]>): string[][] {
  const keys = documentRequirementKeys(row);
  if (!keys) return [];
  const missing: string[][] = [];
  for (const key of keys) {
    for (const group of required[key] ?? []) {
      if (!group.some((kind) => row.values.documents.has(kind))) missing.push(group);
    }
  }
  return missing;
}

export const checkDocuments: RowRule = (row, env, out) => {
  const missing = missingDocuments(row, env.agreement.rules.requiredDocuments);
  if (missing.length === 0) return;
  const window = env.lockedWindow(row.values.date);
  const atLock = env.phase !== 'live' || window !== null;
  const mancanti = missing.map((g) => g.join(' o ')).join('; ');
  out.push(rowFinding(row, 'R15', atLock ? 'error' : 'warning', 'documents', atLock ? 'atLock' : 'live', { mancanti }));
  if (atLock) out.push(rowFinding(row, 'R25', 'error', 'documents', 'excluded', { mancanti }));
};
