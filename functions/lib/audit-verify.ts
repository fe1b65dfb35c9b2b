// Everything `npm run audit:verify` proves, as one function the script prints and tests call:
// 1. the hash chain is unbroken, every event carries the audit key's signature, and the signed
//    head (seal) names an event of the chain (no rewrite, no forged event, no removed tail);
// 2. every committed version and PO decision has its audit event (audit-coverage.ts);
// 3. every snapshot and document blob hashes to what its index row and its event recorded;
// 4. no audit intent is pending (a crash between a version, an upload or a PO decision and its
//    event); --repair completes them.
import { readAuditLog, readAuditSeal, verifyEvents, verifySignatures, type AuditVerification } from './audit';
import { decisionsWithoutAuditEvent, versionsWithoutAuditEvent } from './audit-coverage';
import { contentProblems, type ContentProblem } from './audit-content';
import { completeAuditIntents, pendingDocumentIntents, pendingIntents } from './audit-intent';
import { pendingDecisionRows } from './decision-intents';
import type { StoreDeps } from './deps';

export interface AuditReport extends AuditVerification {
  /** Versions and decisions without their event ("agreement/submissionId", sample targets). */
  versionsWithoutEvent: string[];
  /** Stored blobs that do not match their recorded hash (storage keys only). */
  content: ContentProblem[];
  /** Audit intents still pending (after --repair: those that could not be completed). */
  pendingIntents: number;
  /** Events appended from intents by --repair. */
  repaired: number;
  intact: boolean;
}

export async function verifyAudit(deps: StoreDeps, options: { repair?: boolean } = {}): Promise<AuditReport> {
  const { storage } = deps;
  await storage.ensure();
  const repaired = options.repair ? await completeAuditIntents(deps) : 0;
  const events = await readAuditLog(storage);
  const chained = verifyEvents(events);
  const chain = chained.ok
    ? (verifySignatures(events, await readAuditSeal(storage), deps.auditKeys) ?? chained)
    : chained;
  const versionsWithoutEvent = [
    ...(await versionsWithoutAuditEvent(storage)),
    ...(await decisionsWithoutAuditEvent(storage)),
  ];
  const content = await contentProblems(storage, events);
  const pending =
    (await pendingIntents(storage)).length +
    (await pendingDocumentIntents(storage)).length +
    (await pendingDecisionRows(storage)).length;
  return {
    ...chain,
    versionsWithoutEvent,
    content,
    pendingIntents: pending,
    repaired,
    intact: chain.ok && versionsWithoutEvent.length === 0 && content.length === 0 && pending === 0,
  };
}
