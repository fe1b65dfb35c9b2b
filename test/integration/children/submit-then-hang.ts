// Child process of audit-crash.test.ts: submits one version against the storage named in its
// environment and, once the version's table transaction has committed (audit intent included),
// prints "committed" and waits — the test then kills it with SIGKILL before the audit append.
//   STORAGE_CONNECTION_STRING, STORAGE_NAMESPACE, AUDIT_SIGNING_KEY (base64), PARTNER, ROWS
import { getAgreement } from '../../../shared/agreement/agreements';
import { auditKeysFromEnv } from '../../../functions/lib/audit-key';
import { storageFromEnv } from '../../../functions/lib/storage';
import { storeFaults } from '../../../functions/lib/submissions-store';
import { submit } from '../../../functions/lib/submission-service';
import { demoRows } from '../../../scripts/demo-data';

async function main(): Promise<void> {
  const partner = process.env.PARTNER ?? 'mestieri';
  storeFaults.afterIndexCommit = () =>
    new Promise<void>(() => {
      process.stdout.write('committed\n');
    });
  await submit(
    { storage: storageFromEnv(), clock: () => new Date('2026-09-10T10:00:00Z'), auditKeys: auditKeysFromEnv() },
    {
      agreement: getAgreement('crema-2026-2028')!,
      body: { programme: 'P1', partner, year: 2026, rows: demoRows(Number(process.env.ROWS ?? 3)) },
      actor: { role: 'partner', id: `${partner}/crash-test` },
    },
  );
  process.stdout.write('not killed\n');
}

main().catch((err: unknown) => {
  process.stderr.write(`child failed: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
