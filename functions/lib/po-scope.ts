// Programme scope of PO actions: a PO acts only on the (agreement, programme) pairs in its token;
// an admin on all. The agreement is always the route's, since programme ids repeat across agreements.
import { isPoOf, type Principal } from './auth';
import { forbidden } from './http-errors';

export { isPoOf };

export function requirePoOf(principal: Principal, agreement: string, programme: string): void {
  if (!isPoOf(principal, agreement, programme)) {
    throw forbidden('Non sei responsabile di questo programma: operazione non consentita.');
  }
}
