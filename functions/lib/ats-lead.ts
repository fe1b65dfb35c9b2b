// The ATS lead partner (DOMAIN.md §11): a partner token whose entity is the agreement's
// `leadPartner`. It sees the ATS-wide position and the frozen sample populations, never other
// members' personal data.
import type { Agreement } from '../../shared/agreement/agreement';
import { hasRole, type Principal } from './auth';

export function isAtsLead(principal: Principal, agreement: Agreement): boolean {
  return (
    agreement.leadPartner !== undefined &&
    hasRole(principal, 'partner') &&
    principal.partner !== undefined &&
    principal.partner === agreement.leadPartner
  );
}
