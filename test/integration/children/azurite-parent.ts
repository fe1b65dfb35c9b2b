// Child process of start-processes.test.ts: starts an in-memory Azurite the way npm start does
// (under scripts/parent-guard.js, stopped when this script's own parent goes away), prints its pid
// and the guard's, and waits to be killed.
import { startAzurite, whenParentDies } from '../../../scripts/azurite-process';

startAzurite()
  .then((azurite) => {
    whenParentDies(() => void azurite.stop().then(() => process.exit(1)), 200);
    process.stdout.write(`script ${process.pid} guard ${azurite.process.pid} table ${azurite.ports.table}\n`);
    setInterval(() => undefined, 1000);
  })
  .catch((err: unknown) => {
    process.stderr.write(`azurite failed: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  });
