// S6 on the server: the PO does not admit one row of a committed version. The row must be among
// the version's stored rows; the decision is created once (a second one is a 409 that names the
// first) and audited. The route parses and authorises; this stores.
import type { Agreement } from '../../shared/agreement/agreement';
import { romeDate } from '../../shared/core/dates';
import type { ReviewAnswer } from '../../shared/contract/reviews';
import { appendAudit, type AuditActor, type AuditEventInput } from './audit';
import { markAudited } from './audit-pending';
import type { StoreDeps } from './deps';
import { notFound, validationFailed } from './http-errors';
import { createReview, readReview, reviewKeys, type StoredReview } from './reviews-store';
import { stateConflict } from './sample-service';
import { getVersion, readSnapshot, type ReportKey } from './submissions-store';

export interface RowReviewInput {
  submissionId: string;
  /** The report the submission id names (parseSubmissionId). */
  key: ReportKey;
  rowId: string;
  /** Checked by shared/sample/outcomes rowNonAdmission. */
  reason: string;
  actor: AuditActor;
}

export async function recordRowReview(
  deps: StoreDeps,
  agreement: Agreement,
  input: RowReviewInput,
): Promise<ReviewAnswer> {
  const { storage } = deps;
  await storage.ensure();
  const meta = await getVersion(storage, agreement.id, input.submissionId);
  if (!meta) throw notFound('Invio non trovato.');
  const snapshot = await readSnapshot(storage, meta.blobName);
  if (!snapshot.rows.some((r) => r.rowId === input.rowId)) {
    throw validationFailed([
      { path: '$.rowId', message: 'La riga indicata non è tra le righe accettate di questo invio.' },
    ]);
  }
  const now = deps.clock();
  const review: StoredReview = {
    agreement: agreement.id,
    submissionId: input.submissionId,
    partner: input.key.partner,
    programme: input.key.programme,
    year: input.key.year,
    rowId: input.rowId,
    decision: 'non_ammesso',
    reason: input.reason,
    decidedOn: romeDate(now),
    actorRole: input.actor.role,
    at: now.toISOString(),
  };
  if (!(await createReview(storage, review, input.actor))) {
    const existing = await readReview(storage, review);
    throw stateConflict('La riga è già stata non ammessa dalla PO: la decisione registrata resta valida.', {
      submissionId: existing?.submissionId,
      rowId: input.rowId,
      decidedOn: existing?.decidedOn,
    });
  }
  await appendAudit(reviewAuditInput(review, input.actor), deps);
  await markAudited(storage, 'reviews', reviewKeys(review));
  return review;
}

/** The audit event of a review (also rebuilt from its row by decision-intents.ts). */
export function reviewAuditInput(review: StoredReview, actor: AuditActor): AuditEventInput {
  return {
    actor,
    action: 'review.non_ammesso',
    target: `review:${review.agreement}/${review.submissionId}#${review.rowId}`,
    payload: review,
  };
}
