// npm run audit:verify [-- --json] [-- --repair] — what functions/lib/audit-verify.ts proves: the
// hash chain, the audit key's signature on every event and on the head (AUDIT_SIGNING_KEY, or
// .data/keys/audit-signing.key locally), that every version and PO decision has its event, that
// every snapshot and document still hashes to what was recorded, and that no audit intent is left
// by a crash (--repair completes them first).
// Storage from STORAGE_CONNECTION_STRING / AzureWebJobsStorage, default the local Azurite of npm start.
// Exit code 0 when all is intact, 1 when something is broken or missing, 2 when storage cannot be read.
import { auditKeysFromEnv } from '../functions/lib/audit-key';
import { verifyAudit, type AuditReport } from '../functions/lib/audit-verify';
import { systemClock } from '../functions/lib/clock';
import { azuriteConnectionString, storageFromEnv } from '../functions/lib/storage';

async function main(): Promise<void> {
  // Azurite of npm start unless a connection string or the account (managed identity / az login) is set.
  if (
    !['STORAGE_CONNECTION_STRING', 'AzureWebJobsStorage', 'STORAGE_ACCOUNT_NAME', 'STORAGE_BLOB_ENDPOINT'].some(
      (k) => process.env[k],
    )
  ) {
    process.env.STORAGE_CONNECTION_STRING = azuriteConnectionString({ blob: 10000, queue: 10001, table: 10002 });
  }
  let report: AuditReport;
  try {
    report = await verifyAudit(
      { storage: storageFromEnv(), clock: systemClock, auditKeys: auditKeysFromEnv() },
      { repair: process.argv.includes('--repair') },
    );
  } catch (err) {
    console.error(`Impossibile leggere il registro di audit: ${err instanceof Error ? err.message : String(err)}`);
    process.exitCode = 2;
    return;
  }
  process.exitCode = report.intact ? 0 : 1;
  if (process.argv.includes('--json')) {
    console.log(JSON.stringify(report, null, 2));
    return;
  }
  for (const line of describe(report)) console.log(line);
}

export function describe(r: AuditReport): string[] {
  const lines: string[] = [];
  if (r.repaired > 0) lines.push(`Eventi di audit completati da intenti rimasti dopo un'interruzione: ${r.repaired}.`);
  const missing = r.versionsWithoutEvent;
  if (missing.length > 0)
    lines.push(
      `Modifiche senza evento di audit: ${missing.length} (${missing.slice(0, 10).join(', ')}${missing.length > 10 ? ', …' : ''}).`,
    );
  for (const c of r.content.slice(0, 20))
    lines.push(`Contenuto archiviato ALTERATO o mancante: ${c.ref} (${c.reason}).`);
  if (r.pendingIntents > 0)
    lines.push(`Intenti di audit in sospeso: ${r.pendingIntents} (eseguire con --repair per completarli).`);
  if (r.ok) lines.push(`Catena di audit integra e firmata: ${r.count} eventi, ultimo hash ${r.lastHash}.`);
  else
    lines.push(
      `Registro di audit ALTERATO: primo collegamento non valido all'evento ${r.firstBroken?.seq} (${r.firstBroken?.reason}); ${r.count} eventi letti.`,
    );
  lines.push(r.intact ? 'Esito: integro.' : 'Esito: NON integro.');
  return lines;
}

if (require.main === module) void main();
