// Outside the Functions host @azure/functions switches to "test mode" and warns about it, then once
// per app.http call that it skips the registration. The dev host and the tests serve the route
// table themselves, so those warnings are expected: drop exactly them, keep every other warning.
const EXPECTED = [
  'WARNING: Skipping call to register function',
  'WARNING: Failed to detect the Azure Functions runtime',
];
const original = console.warn.bind(console);
console.warn = (...args: unknown[]) => {
  if (typeof args[0] === 'string' && EXPECTED.some((p) => (args[0] as string).startsWith(p))) return;
  original(...args);
};
export {};
