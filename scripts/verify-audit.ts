// npm run audit:verify — recomputes the audit hash chain and reports the first broken link.
// Storage from STORAGE_CONNECTION_STRING / AzureWebJobsStorage, default the local Azurite of npm start.
// Also checks that every committed submission version and every PO decision (sample draw,
// outcome event, row review) has its audit event.
// Exit code 0 when all is intact, 1 when the chain is broken or an event is missing, 2 when storage
// cannot be read.
import { verifyAuditChain } from '../functions/lib/audit';
import { decisionsWithoutAuditEvent, versionsWithoutAuditEvent } from '../functions/lib/audit-coverage';
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
  let result;
  let missing: string[];
  try {
    const storage = storageFromEnv();
    result = await verifyAuditChain(storage);
    missing = [...(await versionsWithoutAuditEvent(storage)), ...(await decisionsWithoutAuditEvent(storage))];
  } catch (err) {
    console.error(`Impossibile leggere il registro di audit: ${err instanceof Error ? err.message : String(err)}`);
    process.exitCode = 2;
    return;
  }
  const json = process.argv.includes('--json');
  if (json) console.log(JSON.stringify({ ...result, versionsWithoutEvent: missing }, null, 2));
  if (missing.length > 0) {
    if (!json)
      console.log(
        `Modifiche senza evento di audit: ${missing.length} (${missing.slice(0, 10).join(', ')}${missing.length > 10 ? ', …' : ''}).`,
      );
    process.exitCode = 1;
  }
  if (result.ok) {
    if (!json) console.log(`Registro di audit integro: ${result.count} eventi, ultimo hash ${result.lastHash}.`);
  } else {
    if (!json) {
      console.log(
        `Registro di audit ALTERATO: primo collegamento non valido all'evento ${result.firstBroken?.seq} (${result.firstBroken?.reason}); ${result.count} eventi letti.`,
      );
    }
    process.exitCode = 1;
  }
}

main();
