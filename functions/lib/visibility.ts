// Who sees what (DOMAIN.md §11), in one place the routes call:
// - partner: its own rows, versions, documents and sample requests; the reconciliation totals of
//   the programmes it reports in (no row ids of exclusions, no PO notes or findings behind them);
// - ATS lead partner (agreement setting `leadPartner`): the same, plus the ATS-wide position
//   (the totals of every programme here; member status and frozen populations on their own routes);
// - PO: everything of its programmes; admin: everything.
// An answer never tells a caller that someone else's resource exists: "not yours" and "does not
// exist" get the same 404 body (notYoursOrMissing).
import type { Agreement } from '../../shared/agreement/agreement';
import type { Reconciliation } from '../../shared/reconciliation/reconcile';
import type { ReconciliationAnswer } from '../../shared/reconciliation/reconciliation-answer';
import type { Finding } from '../../shared/findings/findings';
import { hasRole, isAdmin, isPoOf, type Principal } from './auth';
import { isAtsLead } from './ats-lead';
import { notFound, type HttpError } from './http-errors';
import type { Storage } from './storage';
import { listVersions } from './submissions-store';

/** The partner id of a partner bookkeeper, or undefined. */
export function partnerOf(principal: Principal): string | undefined {
  return hasRole(principal, 'partner') ? principal.partner : undefined;
}

/** The bookkeeper of the agreement's ATS lead partner (`leadPartner`, "arcobaleno" for Crema). */
export const isLeadPartner = isAtsLead;

/** The same answer for a resource that is not the caller's and one that does not exist. */
export function notYoursOrMissing(message: string): HttpError {
  return notFound(message);
}

/** Programmes of the year in which the partner has at least one committed version. */
export async function programmesReportedBy(
  storage: Storage,
  agreement: Agreement,
  partner: string,
  year: number,
): Promise<Set<string>> {
  const versions = await listVersions(storage, { agreement: agreement.id, partner, year });
  return new Set(versions.map((v) => v.programme));
}

/**
 * Which programmes of the reconciliation a caller reads. `undefined`: the caller is not a partner
 * reader (PO/admin rules apply). A partner: the programmes it reports in; the lead partner: all.
 */
export async function partnerReconciliationScope(
  storage: Storage,
  agreement: Agreement,
  principal: Principal,
  year: number,
): Promise<string[] | undefined> {
  const partner = partnerOf(principal);
  if (isAdmin(principal) || partner === undefined) return undefined;
  if (isLeadPartner(principal, agreement)) return agreement.programmes.map((p) => p.id);
  const reported = await programmesReportedBy(storage, agreement, partner, year);
  return agreement.programmes.map((p) => p.id).filter((id) => reported.has(id));
}

/** A PO of the programme or an admin reads the reconciliation in full. */
export function readsFullReconciliation(principal: Principal, agreement: string, programme: string): boolean {
  return isPoOf(principal, agreement, programme);
}

/**
 * The reconciliation as a partner reads it: the figures only. Exclusions keep reason and amounts,
 * lose the row ids, the PO's note and the findings behind them; findings about rows are dropped
 * (per-programme R20 and C1 notes, which name programmes and totals only, stay). The ATS-wide
 * position (`ats`, and the R20 finding of the whole ATS) is the lead partner's only (`atsWide`).
 */
export function totalsOnly(answer: Reconciliation, atsWide: boolean): ReconciliationAnswer {
  return {
    ...answer,
    ats: atsWide ? answer.ats : null,
    programmes: answer.programmes.map((p) => ({
      ...p,
      excluded: p.excluded.map((e) => ({
        reason: e.reason,
        amount: e.amount,
        municipal: e.municipal,
        cofinancing: e.cofinancing,
        rowIds: [],
      })),
    })),
    findings: answer.findings.filter((f) => f.rowId === undefined && (atsWide || !isAtsWideFinding(f))),
  };
}

/** R20 of the whole ATS: the one R20 finding that names no programme. */
function isAtsWideFinding(finding: Finding): boolean {
  return finding.code === 'R20' && finding.params?.programme === undefined;
}
