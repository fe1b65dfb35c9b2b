// Stops the Azurite started by global-setup.ts.
export default async function globalTeardown(): Promise<void> {
  await globalThis.__RENDICONTA_AZURITE__?.stop();
}
