// The token check when the pane opens: the service's answer decides valid / expired / invalid;
// no answer means "offline" (the pane validates without the service).
import { accessMessage, checkAccess } from '../../../addin/app/access-check';
import { getAgreement } from '../../../shared/agreement/agreements';
import { AgreementAnswerSchema } from '../../../shared/contract';
import { MINISTRY_HOURLY_COSTS } from '../../../shared/agreement/reference';

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
const unauthenticated = (reason: string) =>
  json(401, { error: { code: 'unauthenticated', message: 'Accesso non autorizzato', details: { reason } } });
const fakeJwt = (claims: object) => `x.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.y`;

describe('checkAccess', () => {
  const NOW = Date.UTC(2026, 10, 20);

  it('asks the agreement with the token and keeps the answer when it is valid', async () => {
    const calls: [string, RequestInit | undefined][] = [];
    const answer = { ...getAgreement('crema-2026-2028'), reference: { ministryHourlyCosts: MINISTRY_HOURLY_COSTS } };
    const fetcher = (async (url: string, init?: RequestInit) => {
      calls.push([url, init]);
      return json(200, answer);
    }) as typeof fetch;
    const check = await checkAccess('tok', 'crema-2026-2028', NOW, fetcher);
    // The agreement as the contract reads it (what the pane then parses as its agreement).
    expect(check).toEqual({ state: 'valid', agreement: AgreementAnswerSchema.parse(answer) });
    expect(calls[0][0]).toBe('/api/agreements/crema-2026-2028');
    expect((calls[0][1]?.headers as Record<string, string>).Authorization).toBe('Bearer tok');
    // A 200 the contract does not describe: the token is good, the pane keeps its own agreement.
    const odd = await checkAccess('tok', 'a', NOW, (async () => json(200, { id: 'x' })) as typeof fetch);
    expect(odd).toEqual({ state: 'valid', agreement: null });
  });

  it('tells an expired token from a garbage one', async () => {
    expect(await checkAccess('tok', 'a', NOW, (async () => unauthenticated('expired')) as typeof fetch)).toEqual({
      state: 'expired',
    });
    expect(
      await checkAccess('garbage', 'a', NOW, (async () => unauthenticated('invalid_token')) as typeof fetch),
    ).toEqual({
      state: 'invalid',
    });
    // Without a reason the token's own exp decides.
    const old = fakeJwt({ exp: NOW / 1000 - 60 });
    expect(await checkAccess(old, 'a', NOW, (async () => json(401, {})) as typeof fetch)).toEqual({ state: 'expired' });
  });

  it('is "offline" when the service does not answer or fails, "none" without a token', async () => {
    const down = (async () => {
      throw new TypeError('Failed to fetch');
    }) as typeof fetch;
    expect(await checkAccess('tok', 'a', NOW, down)).toEqual({ state: 'offline' });
    expect(await checkAccess('tok', 'a', NOW, (async () => json(503, {})) as typeof fetch)).toEqual({
      state: 'offline',
    });
    expect(await checkAccess(null, 'a', NOW, down)).toEqual({ state: 'none' });
  });

  it('says each state in Italian', () => {
    expect(accessMessage({ state: 'expired' })).toMatch(/^Il token di accesso è scaduto/);
    expect(accessMessage({ state: 'invalid' })).toMatch(/^Il token di accesso non è valido/);
    expect(accessMessage({ state: 'offline' })).toMatch(/^Il servizio non risponde/);
    expect(accessMessage({ state: 'valid', agreement: null })).toBeNull();
  });
});
