// Validate-and-store of a submission: the envelope checks, the shared rule engine with the server's
// state (previous version, the partner's other programmes), the R24 carry-over of locked rows and
// the optimistic-concurrency commit. Handlers stay thin; the samples/reconciliation routes can reuse
// loadReport/listVersions from the store.
import type { Agreement } from '../../shared/agreement/agreement';
import { findPartner, findProgramme } from '../../shared/agreement/agreement';
import { getAgreement } from '../../shared/agreement/agreements';
import { romeDate } from '../../shared/core/dates';
import type { Finding } from '../../shared/findings/findings';
import { summarise } from '../../shared/findings/findings';
import type { RowInput } from '../../shared/rows/rows';
import { validateRows } from '../../shared/rules/validate';
import { resolveRowIds, settleSubmission } from '../../shared/submission';
import { appendAudit, canonicalJson, nativeSha256Hex, type AuditActor } from './audit';
import { clearIntent, repairBeforeWrite, submissionAuditInput } from './audit-intent';
import type { StoreDeps } from './deps';
import type { Storage } from './storage';
import { HttpError, notFound, validationFailed, versionConflict } from './http-errors';
import type { SubmissionBody } from '../../shared/contract/submissions';
import {
  CommitConflict,
  commitVersion,
  latestRowsElsewhere,
  partitionOf,
  storeFaults,
  readHead,
  readIdempotency,
  readSnapshot,
  submissionIdOf,
  type Head,
  type ReportKey,
  type SubmissionAnswer,
  type VersionSnapshot,
} from './submissions-store';

export function requireAgreement(id: string): Agreement {
  const agreement = getAgreement(id);
  if (!agreement) throw notFound('Accordo non trovato.'); // the id is not echoed back
  return agreement;
}

/** Programme, partner and year must belong to the agreement (422 with the JSON path; input never echoed). */
export function checkEnvelope(
  agreement: Agreement,
  body: Pick<SubmissionBody, 'programme' | 'partner' | 'year'>,
): void {
  const issues = [];
  if (!findProgramme(agreement, body.programme))
    issues.push({ path: '$.programme', message: "Programma non previsto dall'accordo." });
  if (!findPartner(agreement, body.partner))
    issues.push({ path: '$.partner', message: "Partner non previsto dall'accordo." });
  if (!agreement.years.includes(body.year))
    issues.push({ path: '$.year', message: `Anno ${body.year} fuori dal periodo dell'accordo.` });
  if (issues.length) throw validationFailed(issues);
}

/** Milliseconds per phase, sent back as a Server-Timing header (no data, only durations). */
export type Timings = Record<string, number>;

function timed<T>(timings: Timings | undefined, phase: string, work: () => Promise<T>): Promise<T>;
function timed<T>(timings: Timings | undefined, phase: string, work: () => T): T;
function timed<T>(timings: Timings | undefined, phase: string, work: () => T | Promise<T>): T | Promise<T> {
  const t0 = performance.now();
  const add = () => {
    if (timings) timings[phase] = (timings[phase] ?? 0) + (performance.now() - t0);
  };
  const out = work();
  if (out instanceof Promise) return out.finally(add);
  add();
  return out;
}

export function serverTiming(timings: Timings): string {
  return Object.entries(timings)
    .map(([k, v]) => `${k};dur=${v.toFixed(1)}`)
    .join(', ');
}

export interface Evaluation {
  answer: Omit<SubmissionAnswer, 'submissionId' | 'version'>;
  /** Rows to store: accepted plus locked rows carried over from the previous version. */
  rows: RowInput[];
  carriedOver: string[];
}

/**
 * Runs the shared engine against the server state; pure apart from the reads. Row identity, the
 * R24 carry-over and the diff are decided in shared/submission; this only feeds it.
 */
export async function evaluate(
  deps: StoreDeps,
  agreement: Agreement,
  body: SubmissionBody,
  head: Head | undefined,
  timings?: Timings,
): Promise<Evaluation> {
  const { storage, clock } = deps;
  const key: ReportKey = { agreement: agreement.id, partner: body.partner, programme: body.programme, year: body.year };
  const [previous, otherRows] = await timed(timings, 'state', () =>
    Promise.all([
      head ? readSnapshot(storage, head.blobName) : Promise.resolve(undefined),
      latestRowsElsewhere(storage, key),
    ]),
  );
  const previousRows = previous?.rows ?? [];
  const resolved = timed(timings, 'identity', () =>
    resolveRowIds(body.rows, previousRows, { agreement, seed: submissionIdOf(key, (head?.version ?? 0) + 1) }),
  );
  const result = timed(timings, 'rules', () =>
    validateRows(resolved.rows, {
      agreement,
      programme: body.programme,
      partner: body.partner,
      year: body.year,
      today: romeDate(clock()),
      otherRows,
      // Without a previous version the engine treats rows in locked windows as retroactive (R24).
      previousRows,
      phase: 'live',
    }),
  );
  const settled = timed(timings, 'settle', () =>
    settleSubmission({ agreement, rows: resolved.rows, previousRows, result }),
  );
  return {
    answer: {
      accepted: settled.accepted,
      rejected: settled.rejected,
      findings: result.findings,
      rowIds: resolved.rowIds,
      changes: settled.changes,
      changedRows: settled.changedRows,
      carriedOverRows: settled.carriedOver,
    },
    rows: settled.rows,
    carriedOver: settled.carriedOver.map((r) => r.rowId),
  };
}

export interface SubmitInput {
  agreement: Agreement;
  body: SubmissionBody;
  actor: AuditActor;
  idempotencyKey?: string;
  timings?: Timings;
}

export interface SubmitResult {
  answer: SubmissionAnswer;
  replayed: boolean;
  /** The version is committed but its audit event could not be appended (the caller logs it). */
  auditFailed?: boolean;
}

const AUTO_RETRIES = 3;

export async function submit(deps: StoreDeps, input: SubmitInput): Promise<SubmitResult> {
  const { storage, clock } = deps;
  const { agreement, body } = input;
  const key: ReportKey = { agreement: agreement.id, partner: body.partner, programme: body.programme, year: body.year };
  // Only an idempotent request needs its hash (it costs tens of ms on a 5,000-row body).
  const requestHash = input.idempotencyKey ? nativeSha256Hex(canonicalJson(body)) : '';
  await storage.ensure();
  // Audit events a crash left as intents (this report's; every report on a process's first write).
  await repairBeforeWrite(deps, partitionOf(key));

  for (let attempt = 0; ; attempt++) {
    if (input.idempotencyKey) {
      const replay = await replayOf(storage, key, input.idempotencyKey, requestHash);
      if (replay) return { answer: replay, replayed: true };
    }
    const head = await readHead(storage, key);
    const current = head?.version ?? 0;
    if (body.baseVersion !== undefined && body.baseVersion !== current) {
      throw versionConflict({ baseVersion: body.baseVersion, currentVersion: current });
    }
    const evaluation = await evaluate(deps, agreement, body, head, input.timings);
    const version = current + 1;
    const submissionId = submissionIdOf(key, version);
    const snapshot: VersionSnapshot = {
      ...key,
      submissionId,
      version,
      baseVersion: body.baseVersion ?? null,
      submittedAt: clock().toISOString(),
      actor: input.actor,
      rows: evaluation.rows,
      carriedOver: evaluation.carriedOver,
      answer: { submissionId, version, ...evaluation.answer },
    };
    try {
      const meta = await timed(input.timings, 'store', () =>
        commitVersion(storage, {
          snapshot,
          head,
          idempotency: input.idempotencyKey ? { key: input.idempotencyKey, requestHash } : undefined,
        }),
      );
      // The version is committed with its audit intent: never fail the partner's submission for
      // the audit append. A missing event is completed from the intent by the next write (or
      // `npm run audit:verify -- --repair`), and found by audit:verify until then.
      await storeFaults.afterIndexCommit?.();
      const { blobName, ...payload } = meta;
      const auditFailed = await timed(input.timings, 'audit', () =>
        appendAudit(submissionAuditInput(payload, blobName, input.actor), deps),
      ).then(
        async () => {
          await clearIntent(storage, partitionOf(key), version);
          return false;
        },
        () => true,
      );
      return { answer: snapshot.answer, replayed: false, auditFailed };
    } catch (err) {
      if (!(err instanceof CommitConflict)) throw err;
      // With an explicit baseVersion the client asked for optimistic concurrency: tell it.
      // Without one, re-read the head and re-validate against the new state (a few times).
      if (body.baseVersion !== undefined || attempt >= AUTO_RETRIES) {
        if (input.idempotencyKey) {
          const replay = await replayOf(storage, key, input.idempotencyKey, requestHash);
          if (replay) return { answer: replay, replayed: true };
        }
        const latest = await readHead(storage, key);
        throw versionConflict({ baseVersion: body.baseVersion ?? current, currentVersion: latest?.version ?? 0 });
      }
    }
  }
}

async function replayOf(
  storage: Storage,
  key: ReportKey,
  idempotencyKey: string,
  requestHash: string,
): Promise<SubmissionAnswer | undefined> {
  const record = await readIdempotency(storage, key, idempotencyKey);
  if (!record) return undefined;
  if (record.requestHash !== requestHash) {
    throw new HttpError(
      409,
      'idempotency_conflict',
      'La chiave di idempotenza è già stata usata per un invio diverso.',
      {
        submissionId: record.submissionId,
      },
    );
  }
  return (await readSnapshot(storage, record.blobName)).answer;
}

export function summaryOf(findings: readonly Finding[]) {
  return summarise(findings);
}
