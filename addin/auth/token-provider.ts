// Which token the pane sends: inside Excel with Entra configured, nested app authentication or
// the Office dialog fallback (sign-in.ts); else the development token (pasted, from the URL, or
// kept in localStorage).
import { naaConfig } from './auth-config';
import { naaToken } from './naa-token';
import { readDevToken, saveDevToken } from './dev-token';
import { readClaims } from './token-claims';
import { acquireToken, type OfficeLike } from './sign-in';

/** A dialog token is reused until this long before it expires (the dialog is not reopened per call). */
const EXPIRY_MARGIN_MS = 5 * 60_000;

export class TokenProvider {
  private devToken: string | null;
  private cached: { token: string; expiresAt: number } | null = null;

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
    if (this.cached && this.cached.expiresAt - EXPIRY_MARGIN_MS > Date.now()) return this.cached.token;
    const token = await acquireToken(config, {
      office: this.office(),
      naa: naaToken,
      dialogUrl: new URL('auth-dialog.html', window.location.href).toString(),
    });
    const expiresAt = readClaims(token)?.expiresAt;
    this.cached = expiresAt ? { token, expiresAt } : null;
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
