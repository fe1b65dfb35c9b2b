// Which token the pane sends: inside Excel with Entra configured, nested app authentication or
// the Office dialog fallback (sign-in.ts); else the development token (pasted, from the URL, or
// kept in localStorage).
import { naaConfig } from './auth-config';
import { naaToken } from './naa-token';
import { readDevToken, saveDevToken } from './dev-token';
import { readClaims } from './token-claims';
import { acquireToken, type OfficeLike } from './sign-in';

/** A token is reused until this long before it expires (the dialog is not reopened per call). */
const EXPIRY_MARGIN_MS = 5 * 60_000;

/**
 * One sign-in per pane, whichever TokenProvider asks (the PO check and the partner's pane both
 * do): the token while valid, and the sign-in under way so that two callers open one dialog.
 */
let signedIn: { token: string; expiresAt: number } | null = null;
let signingIn: Promise<string> | null = null;

export class TokenProvider {
  private devToken: string | null;

  constructor(
    private readonly inOffice: boolean,
    private readonly storage: Storage = window.localStorage,
    private readonly office: () => OfficeLike | undefined = () => (typeof Office === 'undefined' ? undefined : Office),
  ) {
    this.devToken = readDevToken(window.location, storage, window.history);
  }

  /** True when sign-in goes through Entra ID (no token field to show). */
  get usesEntra(): boolean {
    return this.inOffice && naaConfig() !== null;
  }

  readonly getToken = async (): Promise<string | null> => {
    const config = this.inOffice ? naaConfig() : null;
    if (!config) return this.devToken;
    if (signedIn && signedIn.expiresAt - EXPIRY_MARGIN_MS > Date.now()) return signedIn.token;
    signingIn ??= acquireToken(config, {
      office: this.office(),
      naa: naaToken,
      dialogUrl: new URL('auth-dialog.html', window.location.href).toString(),
    }).finally(() => {
      signingIn = null;
    });
    const token = await signingIn;
    const expiresAt = readClaims(token)?.expiresAt;
    signedIn = expiresAt ? { token, expiresAt } : null;
    return token;
  };

  get currentDevToken(): string | null {
    return this.devToken;
  }

  setDevToken(token: string | null): void {
    this.devToken = token?.trim() || null;
    saveDevToken(this.storage, this.devToken);
  }
}
