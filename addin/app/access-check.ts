// The token checked when the pane opens: one cheap authenticated call (GET /api/agreements/{a},
// which the pane needs anyway). A 401 tells an expired token from an invalid one, so the pane can
// say which in Italian and offer no entity at all for a token nobody signed.
import { readClaims } from '../auth/token-claims';

export type AccessCheck =
  | { state: 'none' }
  | { state: 'valid'; agreement: unknown }
  | { state: 'expired' }
  | { state: 'invalid' }
  /** The service did not answer: the token cannot be judged; the pane works offline. */
  | { state: 'offline' };

export async function checkAccess(
  token: string | null,
  agreementId: string,
  now: number,
  fetcher: typeof fetch = (...args) => globalThis.fetch(...args),
  baseUrl = '/api',
): Promise<AccessCheck> {
  if (!token) return { state: 'none' };
  let response: Response;
  try {
    response = await fetcher(`${baseUrl}/agreements/${encodeURIComponent(agreementId)}`, {
      headers: { Accept: 'application/json', Authorization: `Bearer ${token}` },
    });
  } catch {
    return { state: 'offline' };
  }
  if (response.status === 401) {
    const body = (await response.json().catch(() => null)) as { error?: { details?: { reason?: string } } } | null;
    const reason = body?.error?.details?.reason;
    const exp = readClaims(token)?.expiresAt;
    return reason === 'expired' || (reason === undefined && exp !== undefined && exp <= now)
      ? { state: 'expired' }
      : { state: 'invalid' };
  }
  if (!response.ok) return { state: 'offline' };
  return { state: 'valid', agreement: await response.json().catch(() => null) };
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
