// Programme scope of PO actions: a PO acts only on the programmes in its token; an admin on all.
import { hasRole, isAdmin, type Principal } from './auth';
import { forbidden } from './http-errors';

export function isPoOf(principal: Principal, programme: string): boolean {
  return isAdmin(principal) || (hasRole(principal, 'po') && principal.programmes.includes(programme));
}

export function requirePoOf(principal: Principal, programme: string): void {
  if (!isPoOf(principal, programme)) {
    throw forbidden('Non sei responsabile di questo programma: operazione non consentita.', { programme });
  }
}
