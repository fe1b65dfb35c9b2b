// The token checked when the pane opens: one cheap authenticated call (GET /api/agreements/{a},
// which the pane needs anyway). A 401 tells an expired token from an invalid one, so the pane can
// say which in Italian and offer no entity at all for a token nobody signed.
import { ApiError, createClient, type FetchLike } from '../../client';
import { apiBaseUrl } from '../api/api-base';
import { readClaims } from '../auth/token-claims';

export type AccessCheck =
  | { state: 'none' }
  | { state: 'valid'; agreement: unknown }
  | { state: 'expired' }
  | { state: 'invalid' }
  /** The service did not answer: the token cannot be judged; the pane works offline. */
  | { state: 'offline' };

const browserFetch: FetchLike = (url, init) => globalThis.fetch(url, init as RequestInit);

export async function checkAccess(
  token: string | null,
  agreementId: string,
  now: number,
  fetcher: FetchLike = browserFetch,
  baseUrl = apiBaseUrl(),
): Promise<AccessCheck> {
  if (!token) return { state: 'none' };
  const client = createClient({ baseUrl, token: () => token, fetch: fetcher });
  try {
    return { state: 'valid', agreement: await client.getAgreement(agreementId) };
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    // The service took the token but sent an agreement the contract does not describe: the
    // token is good, the pane keeps its own agreement.
    if (error.code === 'bad_answer') return { state: 'valid', agreement: null };
    if (error.status !== 401) return { state: 'offline' };
    const reason = (error.details as { reason?: unknown } | null)?.reason;
    const exp = readClaims(token)?.expiresAt;
    return reason === 'expired' || (reason === undefined && exp !== undefined && exp <= now)
      ? { state: 'expired' }
      : { state: 'invalid' };
  }
}

/** What the pane says about the access (null when there is nothing to say). */
export function accessMessage(check: AccessCheck): string | null {
  switch (check.state) {
    case 'expired':
      return 'Il token di accesso è scaduto: chiedine uno nuovo (npm run token) e incollalo qui sotto. Puoi controllare il file, ma non inviarlo.';
    case 'invalid':
      return 'Il token di accesso non è valido: non è stato riconosciuto dal servizio. Incolla il token ricevuto (npm run token) qui sotto. Puoi controllare il file, ma non inviarlo.';
    case 'offline':
      return 'Il servizio non risponde: il token non si è potuto verificare. Il controllo del file funziona lo stesso.';
    default:
      return null;
  }
}
