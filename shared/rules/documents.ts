// R15: a row lists the documents its category requires under (c); still missing when its window
// locks (or when checking at lock / year close) the expense is excluded: R25.
import type { DocumentKinds, ParsedRow } from '../rows/rows';
import type { RowRule } from './env';
import { rowFinding } from './emit';

// Shared key lists: this runs for every row of a full pass, so no list is built per row.
const KEYS = {
  dipendente: ['PERS:dipendente'],
  esterno: ['PERS:esterno'],
  esternoNotula: ['PERS:esterno', 'PERS:esterno:notula'],
  BENI: ['BENI'],
  SERV: ['SERV'],
  servNotula: ['SERV', 'SERV:notula'],
  GEN: ['GEN'],
  volontariato: ['COFIN:volontariato'],
  COFIN: ['COFIN'],
} as const satisfies Record<string, readonly string[]>;

/** Keys of agreement.rules.requiredDocuments that apply to a row (DOMAIN §2). */
export function documentRequirementKeys(row: ParsedRow): readonly string[] | null {
  const v = row.values;
  const notula = v.documents.has('notula');
  switch (v.category) {
    case 'PERS':
      if (!v.employment) return null;
      if (v.employment === 'dipendente') return KEYS.dipendente;
      return notula ? KEYS.esternoNotula : KEYS.esterno;
    case 'BENI':
      return KEYS.BENI;
    case 'SERV':
      return notula ? KEYS.servNotula : KEYS.SERV;
    case 'GEN':
      return KEYS.GEN;
    case 'COFIN':
      if (!v.resourceType) return null;
      return v.resourceType === 'volontariato' ? KEYS.volontariato : KEYS.COFIN;
    default:
      return null;
  }
}

const NO_GROUPS: readonly string[][] = Object.freeze([]);

/** Groups of required documents not listed on the row; each group is "one of". */
export function missingDocuments(row: ParsedRow, required: Record<string, string[][]>): readonly string[][] {
  const keys = documentRequirementKeys(row);
  if (!keys) return NO_GROUPS;
  const documents = row.values.documents;
  const volunteers = keys === KEYS.volontariato;
  let missing: string[][] | null = null; // most rows list every document: no list for them
  for (let k = 0; k < keys.length; k++) {
    const groups = required[keys[k]] ?? NO_GROUPS;
    for (let g = 0; g < groups.length; g++)
      if (!listsAny(documents, groups[g], volunteers)) (missing ??= []).push(groups[g]);
  }
  return missing ?? NO_GROUPS;
}

/**
 * Whether the row lists one of the kinds of a "one of" group (a loop: no closure per row). On a
 * volunteer's row a presence register or signature sheet ('registro presenze', 'foglio firme':
 * the timesheet kind) is the volunteers' register.
 */
function listsAny(documents: DocumentKinds, group: readonly string[], volunteers: boolean): boolean {
  for (let i = 0; i < group.length; i++) {
    if (documents.has(group[i])) return true;
    if (volunteers && group[i] === 'registro volontari' && documents.has('timesheet')) return true;
  }
  return false;
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
