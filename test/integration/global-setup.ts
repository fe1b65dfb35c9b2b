// One in-memory Azurite for the integration run, on ports the OS picks. Workers inherit the
// connection string through the environment; each test file then works in its own namespace
// (table/container prefix), so files never see each other's data.
import { startAzurite, type AzuriteInstance } from '../../scripts/azurite-process';

declare global {
  var __RENDICONTA_AZURITE__: AzuriteInstance | undefined;
}

export default async function globalSetup(): Promise<void> {
  const azurite = await startAzurite();
  globalThis.__RENDICONTA_AZURITE__ = azurite;
  process.env.RENDICONTA_TEST_STORAGE = azurite.connectionString;
}
