// Cross-check of the audit log against the stores. A state change is saved first and audited
// right after; when that append fails (logged at the time) the change stands but has no event.
// These checks find such gaps, so `npm run audit:verify` can say "every change has its event".
import { AGREEMENTS } from '../../shared/agreement/agreements';
import { readAuditLog, type AuditEvent } from './audit';
import { listReviews } from './reviews-store';
import { sampleTarget } from './sample-service';
import { drawnSemesters, readOutcomeEvents, readSample } from './samples-store';
import type { Storage } from './storage';
import { StoredContentAltered } from './storage-integrity';
import { listVersions } from './submissions-store';

export async function versionsWithoutAuditEvent(storage: Storage): Promise<string[]> {
  const events = await readAuditLog(storage);
  const audited = new Set(events.filter((e) => e.action === 'submission.create').map((e) => e.target));
  const missing: string[] = [];
  for (const agreement of Object.keys(AGREEMENTS)) {
    for (const v of await listVersions(storage, { agreement })) {
      if (!audited.has(v.submissionId)) missing.push(`${agreement}/${v.submissionId}`);
    }
  }
  return missing;
}

/** How many events of an action family each target has. */
function countByTarget(events: readonly AuditEvent[], isFamily: (action: string) => boolean): Map<string, number> {
  const counts = new Map<string, number>();
  for (const e of events) if (isFamily(e.action)) counts.set(e.target, (counts.get(e.target) ?? 0) + 1);
  return counts;
}

/**
 * The PO side: every sample draw or extension, every outcome event and every row review has its
 * audit event. Answers the targets (no tax codes: persons are named by rank) that lack one.
 */
export async function decisionsWithoutAuditEvent(storage: Storage): Promise<string[]> {
  const events = await readAuditLog(storage);
  const draws = countByTarget(events, (a) => a === 'sample.draw' || a === 'sample.extend');
  const outcomes = countByTarget(events, (a) => a.startsWith('sample.outcome.'));
  const reviews = countByTarget(events, (a) => a.startsWith('review.'));
  const missing: string[] = [];
  for (const agreement of Object.values(AGREEMENTS)) {
    for (const { id: programme } of agreement.programmes) {
      for (const semester of await drawnSemesters(storage, agreement.id, programme)) {
        // An altered sample blob is reported by the content check (audit-content.ts), not here.
        const head = await readSample(storage, agreement.id, programme, semester).catch((err: unknown) => {
          if (err instanceof StoredContentAltered) return undefined;
          throw err;
        });
        if (!head) continue;
        const target = sampleTarget(head.snapshot);
        if ((draws.get(target) ?? 0) < head.snapshot.history.length) missing.push(target);
        for (const [rank, stored] of await readOutcomeEvents(storage, agreement.id, programme, semester)) {
          if ((outcomes.get(`${target}#${rank}`) ?? 0) < stored.length) missing.push(`${target}#${rank}`);
        }
      }
    }
    for (const year of agreement.years) {
      for (const r of await listReviews(storage, agreement.id, year)) {
        const target = `review:${agreement.id}/${r.submissionId}#${r.rowId}`;
        if (!reviews.has(target)) missing.push(target);
      }
    }
  }
  return missing;
}
