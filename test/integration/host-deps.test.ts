// What app.http registers (httpOptions of a route, with the host's deps): the dependencies come
// from the app settings, read on the first request — storage from STORAGE_CONNECTION_STRING and
// STORAGE_NAMESPACE, tokens checked against AUTH_JWKS_FILE — exactly as the Functions host runs it.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { HttpRequest, InvocationContext } from '@azure/functions';
import { getAgreementRoute } from '../../functions/http/get-agreement';
import { healthRoute } from '../../functions/http/health';
import { listSubmissionsRoute } from '../../functions/http/list-submissions';
import { generateSigningKey, mintToken } from '../../functions/lib/dev-keys';
import { httpOptions } from '../../functions/lib/route';
import { createStorage } from '../../functions/lib/storage';

const context = () => new InvocationContext({ functionName: 't', invocationId: 't', logHandler: () => undefined });
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rendiconta-host-'));
const namespace = `h${crypto.randomBytes(4).toString('hex')}`;

const saved = { ...process.env };
afterAll(() => {
  process.env = saved;
  fs.rmSync(dir, { recursive: true, force: true });
});

it('serves the registered handlers with storage and keys from the app settings', async () => {
  const key = await generateSigningKey();
  const jwksFile = path.join(dir, 'jwks.json');
  fs.writeFileSync(jwksFile, JSON.stringify(key.jwks));
  Object.assign(process.env, {
    STORAGE_CONNECTION_STRING: process.env.RENDICONTA_TEST_STORAGE,
    STORAGE_NAMESPACE: namespace,
    AUTH_JWKS_FILE: jwksFile,
  });
  const health = await httpOptions(healthRoute).handler(
    new HttpRequest({ method: 'GET', url: 'http://localhost/api/health' }),
    context(),
  );
  expect(health).toMatchObject({ status: 200, jsonBody: { status: 'ok', storage: 'ok' } });

  const token = await mintToken(key, { roles: ['admin'] });
  const get = (url: string) =>
    new HttpRequest({
      method: 'GET',
      url,
      params: { agreement: 'crema-2026-2028' },
      headers: { authorization: `Bearer ${token}` },
    });
  const agreement = await httpOptions(getAgreementRoute).handler(
    get('http://localhost/api/agreements/crema-2026-2028'),
    context(),
  );
  expect(agreement.status).toBe(200);
  const list = await httpOptions(listSubmissionsRoute).handler(
    get('http://localhost/api/agreements/crema-2026-2028/submissions'),
    context(),
  );
  expect(list).toMatchObject({ status: 200, jsonBody: { submissions: [] } });
  // The tables the handlers created are in the namespace the settings named.
  const storage = createStorage({ connectionString: process.env.RENDICONTA_TEST_STORAGE as string, namespace });
  await expect(storage.table('submissions').getAccessPolicy()).resolves.toBeDefined();
});
