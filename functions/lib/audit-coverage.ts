// Cross-check of the audit log against the submission store: every committed version must have its
// "submission.create" event. A gap means an append failed after a commit (logged at the time).
import { AGREEMENTS } from '../../shared/agreements';
import { readAuditLog } from './audit';
import type { Storage } from './storage';
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
