// S6 single-row non-admissions by the PO. One entity per row of a report (partner, programme,
// year, row id), created once and never changed: a review survives later versions of the report,
// so resubmitting a row does not undo the PO's decision. Row ids are free text, so the row key
// is a hash of the row's identity (Table keys forbid "/", "#", "?").
import crypto from 'node:crypto';
import type { ReviewAnswer } from '../../shared/contract/reviews';
import { statusOf, type AuditActor } from './audit';
import { pendingAuditFields } from './audit-pending';
import type { Storage } from './storage';

/** The stored decision is also the answer of POST …/reviews (shared/contract/reviews.ts). */
export type StoredReview = ReviewAnswer;

function rowKeyOf(r: Pick<StoredReview, 'partner' | 'programme' | 'year' | 'rowId'>): string {
  return crypto.createHash('sha256').update(`${r.partner}\n${r.programme}\n${r.year}\n${r.rowId}`).digest('hex');
}

/** The table row of a review. */
export function reviewKeys(review: StoredReview): { partitionKey: string; rowKey: string } {
  return { partitionKey: review.agreement, rowKey: rowKeyOf(review) };
}

/**
 * False when the row already has a review (the first decision stands). With an actor, the
 * review's row is also the intent of its audit event (decision-intents.ts).
 */
export async function createReview(storage: Storage, review: StoredReview, actor?: AuditActor): Promise<boolean> {
  try {
    await storage
      .table('reviews')
      .createEntity({ ...reviewKeys(review), ...review, ...(actor ? pendingAuditFields(actor, review.at) : {}) });
    return true;
  } catch (err) {
    if (statusOf(err) === 409) return false;
    throw err;
  }
}

export async function readReview(
  storage: Storage,
  review: Pick<StoredReview, 'agreement' | 'partner' | 'programme' | 'year' | 'rowId'>,
): Promise<StoredReview | undefined> {
  try {
    return toReview(
      await storage.table('reviews').getEntity<Record<string, unknown>>(review.agreement, rowKeyOf(review)),
    );
  } catch (err) {
    if (statusOf(err) === 404) return undefined;
    throw err;
  }
}

export async function listReviews(storage: Storage, agreement: string, year: number): Promise<StoredReview[]> {
  const out: StoredReview[] = [];
  const filter = `PartitionKey eq '${agreement.replace(/'/g, "''")}' and year eq ${Math.trunc(year)}`;
  for await (const e of storage.table('reviews').listEntities<Record<string, unknown>>({ queryOptions: { filter } }))
    out.push(toReview(e));
  return out.sort((a, b) => a.at.localeCompare(b.at));
}

export function toReview(e: Record<string, unknown>): StoredReview {
  return {
    agreement: String(e.agreement),
    submissionId: String(e.submissionId),
    partner: String(e.partner),
    programme: String(e.programme),
    year: Number(e.year),
    rowId: String(e.rowId),
    decision: 'non_ammesso',
    reason: String(e.reason),
    decidedOn: String(e.decidedOn),
    actorRole: String(e.actorRole),
    at: String(e.at),
  };
}
