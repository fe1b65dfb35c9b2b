// Stops what global-setup.ts started.
export default async function globalTeardown(): Promise<void> {
  const running = globalThis.__RENDICONTA_BROWSER__;
  if (!running) return;
  await running.web.close();
  await running.api.close();
  await running.azurite.stop();
}
