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
import type { AuditActor } from '../lib/audit';
import { clock } from '../lib/clock';
import { drawOrExtend } from '../lib/sample-service';
import { drawnSemesters } from '../lib/samples-store';
import { getStorage, type Storage } from '../lib/storage';

export const SEMESTER_SAMPLING_SCHEDULE = '0 30 2 * * *';
export const TIMER_ACTOR: AuditActor = { role: 'system', id: 'timer:semesterSampling' };

export interface SamplingDeps {
  storage: Storage;
  agreements?: readonly Agreement[];
  actor?: AuditActor;
}

export interface SampledSemester {
  agreement: string;
  programme: string;
  semester: string;
  population: number;
  n: number;
}

export interface SamplingRun {
  today: string;
  drawn: SampledSemester[];
  alreadyDrawn: number;
  /** Failures do not stop the other semesters; the next run retries them. */
  failed: { agreement: string; programme: string; semester: string; error: string }[];
}

export async function runSemesterSampling(deps: SamplingDeps, now: Date): Promise<SamplingRun> {
  const today = romeDate(now);
  const agreements = deps.agreements ?? Object.values(AGREEMENTS);
  const run: SamplingRun = { today, drawn: [], alreadyDrawn: 0, failed: [] };
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
            deps.storage,
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

export async function semesterSampling(_timer: Timer, context: InvocationContext): Promise<void> {
  const run = await runSemesterSampling({ storage: getStorage() }, clock());
  // Counts and ids only: no person appears in the log.
  context.log(
    `semesterSampling ${run.today}: drawn ${run.drawn.length}, already drawn ${run.alreadyDrawn}, failed ${run.failed.length}`,
  );
  for (const d of run.drawn)
    context.log(`  drawn ${d.agreement} ${d.programme} ${d.semester}: n=${d.n} of N=${d.population}`);
  for (const f of run.failed) context.error(`  failed ${f.agreement} ${f.programme} ${f.semester}: ${f.error}`);
  if (run.failed.length) throw new Error(`semesterSampling: ${run.failed.length} semester(s) failed`);
}

app.timer('semesterSampling', { schedule: SEMESTER_SAMPLING_SCHEDULE, runOnStartup: false, handler: semesterSampling });
