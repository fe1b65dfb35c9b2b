// Dependencies passed in: a handler built with a Deps uses exactly that clock, storage and token
// configuration, and the host's deps from app settings fail where they must (not at start-up): a
// host without storage settings answers /api/health 503, one without a JWKS refuses tokens 401.
import '../../scripts/quiet-registration';
import { HttpRequest, InvocationContext } from '@azure/functions';
import { health } from '../../functions/http/health';
import { getAgreement } from '../../functions/http/get-agreement';
import { depsFromEnv, type Deps } from '../../functions/lib/deps';
import { generateSigningKey, mintToken } from '../../functions/lib/dev-keys';
import { LOCAL_AUDIENCE, LOCAL_ISSUER, localJwks } from '../../functions/lib/auth';
import type { Storage } from '../../functions/lib/storage';
import { buildRoutes, ROUTES } from '../../functions/routes';

const context = () => new InvocationContext({ functionName: 't', invocationId: 't', logHandler: () => undefined });
const get = (url: string, token?: string, params: Record<string, string> = {}) =>
  new HttpRequest({ method: 'GET', url, params, headers: token ? { authorization: `Bearer ${token}` } : {} });
const NO_SETTINGS = { AUTH_JWKS_FILE: '/nonexistent/jwks.json' };

it('a handler uses the clock and storage it was built with', async () => {
  let pings = 0;
  const storage = { ping: async () => void pings++ } as unknown as Storage;
  const deps: Deps = {
    clock: () => new Date('2027-03-04T05:06:07Z'),
    storage,
    auth: undefined as never,
    auditKeys: undefined as never,
  };
  const res = await health(deps)(get('http://localhost/api/health'), context());
  expect(res.jsonBody).toEqual({ status: 'ok', storage: 'ok', time: '2027-03-04T05:06:07.000Z' });
  expect(pings).toBe(1);
});

it('without storage settings, health answers 503 degraded instead of crashing', async () => {
  const res = await health(depsFromEnv(NO_SETTINGS))(get('http://localhost/api/health'), context());
  expect(res.status).toBe(503);
  expect(res.jsonBody).toMatchObject({ status: 'degraded', storage: 'unreachable' });
});

it('without a JWKS, protected routes refuse every token with 401 not_configured', async () => {
  const token = await mintToken(await generateSigningKey(), { roles: ['po'], programmes: ['crema-2026-2028/P1'] });
  const res = await getAgreement(depsFromEnv(NO_SETTINGS))(
    get('http://localhost/api/agreements/crema-2026-2028', token, { agreement: 'crema-2026-2028' }),
    context(),
  );
  expect(res.status).toBe(401);
  expect(res.jsonBody).toMatchObject({ error: { code: 'unauthenticated', details: { reason: 'not_configured' } } });
});

it('the token configuration is the one passed in: another key is refused, the right one accepted', async () => {
  const key = await generateSigningKey();
  const other = await generateSigningKey();
  const deps = depsFromEnv(NO_SETTINGS, {
    auth: { issuer: LOCAL_ISSUER, audience: LOCAL_AUDIENCE, keys: localJwks(key.jwks) },
  });
  const route = buildRoutes(deps).find((r) => r.name === 'getAgreement');
  const call = async (signer: typeof key) =>
    route!.handler(
      get('http://localhost/api/agreements/crema-2026-2028', await mintToken(signer, { roles: ['admin'] }), {
        agreement: 'crema-2026-2028',
      }),
      context(),
    );
  expect((await call(key)).status).toBe(200);
  expect(await call(other)).toMatchObject({ status: 401, jsonBody: { error: { details: { reason: 'unknown_key' } } } });
});

it('buildRoutes binds every route of the table, keeping name, methods, route and access', () => {
  const bound = buildRoutes(depsFromEnv(NO_SETTINGS));
  expect(bound.map(({ name, methods, route, access }) => ({ name, methods, route, access }))).toEqual(
    ROUTES.map(({ name, methods, route, access }) => ({ name, methods, route, access })),
  );
  expect(bound.every((r) => typeof r.handler === 'function')).toBe(true);
});
