// What the pane reads from a PO token (never verified here: the server does): the role and the
// programmes the PO answers for in the agreement the pane is on. Only ids are read; no names.
import type { Agreement } from '../../shared/agreement/agreement';
import { DEFAULT_AGREEMENT_ID, getAgreement } from '../../shared/agreement/agreements';
import { latestLockedSemester } from '../../shared/sample/semester-choice';
import { parsePoScopes, programmesIn } from '../../shared/contract/po-scope-claim';

export interface PoClaims {
  roles: string[];
  /** Programmes of `agreement` only: "ambito-poverta-2026-2028/P1" is not Crema's P1. */
  programmes: string[];
}

/**
 * Entries may be qualified ("crema-2026-2028/P1") or bare ("P1", the default agreement's): both
 * are read as the server reads them (shared/contract/po-scope-claim.ts), so the pane never offers a
 * programme the server would refuse.
 */
export function readPoClaims(token: string | null, agreement: string = DEFAULT_AGREEMENT_ID): PoClaims | null {
  const payload = token?.split('.')[1];
  if (!payload) return null;
  try {
    const padded = payload
      .replace(/-/g, '+')
      .replace(/_/g, '/')
      .padEnd(Math.ceil(payload.length / 4) * 4, '=');
    const claims = JSON.parse(atob(padded)) as { roles?: unknown; programmes?: unknown };
    const list = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
    return {
      roles: list(claims.roles).map((r) => r.toLowerCase()),
      programmes: programmesIn(parsePoScopes(claims.programmes), agreement),
    };
  } catch {
    return null;
  }
}

export function isPoToken(token: string | null): boolean {
  return readPoClaims(token)?.roles.includes('po') ?? false;
}

/**
 * The semester a PO most likely works on: the latest one whose windows are locked, read from the
 * agreement's windows (shared/sample/semester-choice.ts; with the shipped windows H1 after
 * 30 September, H2 after 31 January of the next year).
 */
export function defaultSemester(
  today: string,
  agreement: Pick<Agreement, 'windows'> = getAgreement(DEFAULT_AGREEMENT_ID) as Agreement,
): string {
  return latestLockedSemester(agreement, today);
}

/** Semesters of an agreement period, e.g. 2026-H1 … 2028-H2. */
export function semesters(firstYear: number, lastYear: number): string[] {
  const out: string[] = [];
  for (let y = firstYear; y <= lastYear; y++) out.push(`${y}-H1`, `${y}-H2`);
  return out;
}
