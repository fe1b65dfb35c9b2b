// Browser tests: the pane built for production, the real API (dev host + in-memory Azurite,
// fresh signing key, fixed server clock) and a loopback static server in front of both.
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import '../../scripts/quiet-registration';
import { buildPane, ROOT } from './build-pane';
import { startStaticServer, type StaticServer } from './static-server';
import { startAzurite, type AzuriteInstance } from '../../scripts/azurite-process';
import { startDevHost, type DevHost } from '../../scripts/dev-host';
import { createStorage } from '../../functions/lib/storage';
import { auditKeysOf } from '../../functions/lib/audit-key';
import { LOCAL_AUDIENCE, LOCAL_ISSUER, localJwks } from '../../functions/lib/auth';
import { generateSigningKey, mintToken } from '../../functions/lib/dev-keys';
import { buildRoutes } from '../../functions/routes';
import { checkedAgainstContract } from '../integration/harness';

/** Reference day of the browser tests, on both sides: W3 2026 is open. */
export const BROWSER_TODAY = '2026-11-20';

declare global {
  var __RENDICONTA_BROWSER__: { azurite: AzuriteInstance; api: DevHost; web: StaticServer } | undefined;
}

export default async function globalSetup(): Promise<void> {
  const outDir = path.join(ROOT, 'dist', 'addin-test');
  if (process.env.ADDIN_SKIP_BUILD !== '1' || !fs.existsSync(path.join(outDir, 'taskpane.html')))
    await buildPane(outDir);

  const azurite = await startAzurite();
  const storage = createStorage({
    connectionString: azurite.connectionString,
    namespace: `b${crypto.randomBytes(4).toString('hex')}`,
  });
  await storage.ensure();
  const key = await generateSigningKey();
  const deps = {
    clock: () => new Date(`${BROWSER_TODAY}T09:00:00Z`),
    storage,
    auth: { issuer: LOCAL_ISSUER, audience: LOCAL_AUDIENCE, keys: localJwks(key.jwks) },
    auditKeys: auditKeysOf(crypto.randomBytes(32)), // in memory, per run
  };
  const api = await startDevHost({
    routes: buildRoutes(deps).map(checkedAgainstContract),
    port: 0,
    host: '127.0.0.1',
    log: () => undefined,
  });
  const web = await startStaticServer(outDir, api.url);

  globalThis.__RENDICONTA_BROWSER__ = { azurite, api, web };
  process.env.RENDICONTA_PANE_URL = web.url;
  process.env.RENDICONTA_PARTNER_TOKEN = await mintToken(key, { roles: ['partner'], partner: 'koala' });
  process.env.RENDICONTA_EXPIRED_TOKEN = await mintToken(
    key,
    { roles: ['partner'], partner: 'koala' },
    { expiresInSec: -3600 },
  );
}
