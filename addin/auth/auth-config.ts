// Entra ID settings of the add-in, fixed at build time (webpack DefinePlugin from the environment:
// ADDIN_CLIENT_ID, ADDIN_AUTHORITY, ADDIN_API_SCOPE). Empty client id: development tokens only.
import type { NaaConfig } from './naa-token';

declare const __ADDIN_AUTH__: { clientId: string; authority: string; scope: string } | undefined;

export function naaConfig(): NaaConfig | null {
  const settings = typeof __ADDIN_AUTH__ === 'undefined' ? undefined : __ADDIN_AUTH__;
  if (!settings?.clientId) return null;
  return {
    clientId: settings.clientId,
    authority: settings.authority || 'https://login.microsoftonline.com/common',
    scopes: [settings.scope || `api://${settings.clientId}/access_as_user`],
  };
}
