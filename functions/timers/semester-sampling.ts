// Timer `semesterSampling` (S4): every night, draw every programme-semester that is due (its
// windows are locked) and not drawn yet, with a generated seed that is recorded and shown with the
// sample. Idempotent: a drawn semester is never drawn again (and the first draw is a create, so a
// PO drawing at the same moment cannot produce a second sample). runSemesterSampling is the whole
// job with its dependencies as parameters, so tests and the admin trigger call it directly.
import { app, type InvocationContext, type Timer } from '@azure/functions';
import type { Agreement } from '../../shared/agreement/agreement';
import { AGREEMENTS } from '../../shared/agreement/agreements';
import { romeDate } from '../../shared/core/dates';
import { dueSemesters } from '../../shared/sample/sampling';
import type { Clock } from '../../shared/core/dates';
import type { SampledSemester, SamplingRun } from '../../shared/contract/samples';
import type { AuditActor } from '../lib/audit';
import type { AuditKeys } from '../lib/audit-key';
import { hostDeps, type Deps } from '../lib/deps';
import { drawOrExtend } from '../lib/sample-service';
import { drawnSemesters } from '../lib/samples-store';
import type { Storage } from '../lib/storage';

export const SEMESTER_SAMPLING_SCHEDULE = '0 30 2 * * *';
export const TIMER_ACTOR: AuditActor = { role: 'system', id: 'timer:semesterSampling' };

export interface SamplingDeps {
  storage: Storage;
  /** Sign the draws' audit events. */
  auditKeys: AuditKeys;
  /** Stamps the audit events; by default the run's `now`. */
  clock?: Clock;
  agreements?: readonly Agreement[];
  actor?: AuditActor;
}

// The run is also the answer of POST /api/maintenance/semester-sampling (shared/contract/samples.ts).
export type { SampledSemester, SamplingRun };

export async function runSemesterSampling(deps: SamplingDeps, now: Date): Promise<SamplingRun> {
  const today = romeDate(now);
  const agreements = deps.agreements ?? Object.values(AGREEMENTS);
  const run: SamplingRun = { today, drawn: [], alreadyDrawn: 0, failed: [] };
  const store = { storage: deps.storage, clock: deps.clock ?? (() => now), auditKeys: deps.auditKeys };
  await deps.storage.ensure();
  for (const agreement of agreements) {
    const due = dueSemesters(agreement, today);
    if (due.length === 0) continue;
    for (const programme of agreement.programmes.map((p) => p.id)) {
      const drawn = await drawnSemesters(deps.storage, agreement.id, programme);
      for (const semester of due) {
        if (drawn.has(semester)) {
          run.alreadyDrawn++;
          continue;
        }
        try {
          const result = await drawOrExtend(
            store,
            agreement,
            programme,
            semester,
            {},
            deps.actor ?? TIMER_ACTOR,
            today,
          );
          if (result.outcome === 'drawn') {
            run.drawn.push({
              agreement: agreement.id,
              programme,
              semester,
              population: result.snapshot.population,
              n: result.snapshot.n,
            });
          } else run.alreadyDrawn++;
        } catch (err) {
          // Only the kind of error: messages may quote data.
          run.failed.push({
            agreement: agreement.id,
            programme,
            semester,
            error: err instanceof Error ? err.name : 'error',
          });
        }
      }
    }
  }
  return run;
}

/** The timer handler with its dependencies: the host passes its own, a test what it needs. */
export const semesterSampling =
  (deps: Deps) =>
  async (_timer: Timer, context: InvocationContext): Promise<void> => {
    const run = await runSemesterSampling(
      { storage: deps.storage, clock: deps.clock, auditKeys: deps.auditKeys },
      deps.clock(),
    );
    // Counts and ids only: no person appears in the log.
    context.log(
      `semesterSampling ${run.today}: drawn ${run.drawn.length}, already drawn ${run.alreadyDrawn}, failed ${run.failed.length}`,
    );
    for (const d of run.drawn)
      context.log(`  drawn ${d.agreement} ${d.programme} ${d.semester}: n=${d.n} of N=${d.population}`);
    for (const f of run.failed) context.error(`  failed ${f.agreement} ${f.programme} ${f.semester}: ${f.error}`);
    if (run.failed.length) throw new Error(`semesterSampling: ${run.failed.length} semester(s) failed`);
  };

app.timer('semesterSampling', {
  schedule: SEMESTER_SAMPLING_SCHEDULE,
  runOnStartup: false,
  handler: (timer, context) => semesterSampling(hostDeps())(timer, context),
});
