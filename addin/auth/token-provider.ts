// Which token the pane sends: nested app authentication inside Excel when configured, else the
// development token (pasted, from the URL, or kept in localStorage).
import { naaConfig } from './auth-config';
import { naaToken } from './naa-token';
import { readDevToken, saveDevToken } from './dev-token';

export class TokenProvider {
  private devToken: string | null;

  constructor(
    private readonly inOffice: boolean,
    private readonly storage: Storage = window.localStorage,
  ) {
    this.devToken = readDevToken(window.location, storage, window.history);
  }

  /** True when sign-in goes through Entra ID (no token field to show). */
  get usesEntra(): boolean {
    return this.inOffice && naaConfig() !== null;
  }

  readonly getToken = async (): Promise<string | null> => {
    const config = this.inOffice ? naaConfig() : null;
    if (config) return naaToken(config);
    return this.devToken;
  };

  get currentDevToken(): string | null {
    return this.devToken;
  }

  setDevToken(token: string | null): void {
    this.devToken = token?.trim() || null;
    saveDevToken(this.storage, this.devToken);
  }
}
