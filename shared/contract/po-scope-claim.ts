// The `programmes` claim of a PO token, read the same way by the server (which enforces it) and by
// the pane (which only shows it). Programme ids repeat across agreements (Crema and the Ambito both
// have a P1), so each entry names its agreement: "<agreementId>/<programme>", e.g.
// "crema-2026-2028/P1". A bare "P1" is the form issued before there was a second agreement and
// means the default agreement's P1 only, never P1 of any other agreement.
import { DEFAULT_AGREEMENT_ID } from '../agreement/agreements';

/** One (agreement, programme) pair a PO answers for. */
export interface PoScope {
  agreement: string;
  programme: string;
}

// Ids as the agreement data spells them ("crema-2026-2028", "P1"): no spaces, no slash.
const ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;

/**
 * One claim entry, or null when it is malformed (not a string, empty parts, more than one "/",
 * spaces or other characters no id has). The agreement id is not checked against the shipped
 * agreements: an unknown one is kept and simply never matches a route's agreement.
 */
export function parsePoScopeEntry(entry: unknown): PoScope | null {
  if (typeof entry !== 'string') return null;
  const parts = entry.split('/');
  if (parts.length === 1) return ID.test(parts[0]) ? { agreement: DEFAULT_AGREEMENT_ID, programme: parts[0] } : null;
  if (parts.length !== 2 || !ID.test(parts[0]) || !ID.test(parts[1])) return null;
  return { agreement: parts[0], programme: parts[1] };
}

/**
 * The whole claim. Malformed entries are dropped rather than failing the token: each entry is a
 * grant, and one the server cannot read grants nothing (fail closed for that entry), whereas
 * refusing the token would lock the PO out of the programmes it rightly holds over one directory
 * typo. A claim that is not an array grants nothing. Duplicates (bare and qualified forms of the
 * same pair) collapse.
 */
export function parsePoScopes(claim: unknown): PoScope[] {
  if (!Array.isArray(claim)) return [];
  const out: PoScope[] = [];
  for (const entry of claim) {
    const scope = parsePoScopeEntry(entry);
    if (scope && !out.some((s) => s.agreement === scope.agreement && s.programme === scope.programme)) out.push(scope);
  }
  return out;
}

export function hasPoScope(scopes: readonly PoScope[], agreement: string, programme: string): boolean {
  return scopes.some((s) => s.agreement === agreement && s.programme === programme);
}

/** The programmes of one agreement among the scopes, in claim order. */
export function programmesIn(scopes: readonly PoScope[], agreement: string): string[] {
  return scopes.filter((s) => s.agreement === agreement).map((s) => s.programme);
}

/** The qualified claim entry for a pair: what token issuers should emit. */
export function poScopeEntry(agreement: string, programme: string): string {
  return `${agreement}/${programme}`;
}
