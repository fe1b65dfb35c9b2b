// npm run timer:sampling [-- --today 2026-10-01] — runs the `semesterSampling` timer job once
// against the configured storage (STORAGE_CONNECTION_STRING / AzureWebJobsStorage, e.g. the local
// Azurite of `npm start`), as the Functions host would at 02:30. Prints what was drawn (counts
// and ids, no persons). --today sets the Rome calendar day (noon UTC of that day).
import { systemClock } from '../functions/lib/clock';
import { storageFromEnv } from '../functions/lib/storage';
import { auditKeysFromEnv } from '../functions/lib/audit-key';

async function main(): Promise<void> {
  await import('./quiet-registration');
  const { runSemesterSampling } = await import('../functions/timers/semester-sampling');
  const i = process.argv.indexOf('--today');
  const today = i > 0 ? process.argv[i + 1] : undefined;
  if (today !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(today)) throw new Error('--today vuole una data aaaa-mm-gg');
  const now = today ? new Date(`${today}T12:00:00Z`) : new Date();
  // The audit events carry the real time of the run, whatever day --today names.
  const run = await runSemesterSampling(
    { storage: storageFromEnv(), clock: systemClock, auditKeys: auditKeysFromEnv() },
    now,
  );
  console.log(JSON.stringify(run, null, 2));
  if (run.failed.length) process.exitCode = 1;
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exitCode = 1;
});
