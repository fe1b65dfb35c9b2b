// Which entity the pane reports for when the sign-in fixes it: a partner's token names its own
// entity, and the API refuses any other (403), so the form must not offer another one.
import type { PaneClaims } from '../auth/token-claims';

/** The entity of a partner token; null when the user may choose (no token, other roles). */
export function lockedPartner(claims: PaneClaims | null): string | null {
  if (!claims?.partner || !claims.roles.includes('partner')) return null;
  return claims.partner;
}
