// Production sign-in inside Excel: MSAL nested app authentication (the host brokers the token).
// msal-browser is loaded only here, on demand, so the file-mode pane never downloads it.
export interface NaaConfig {
  clientId: string;
  authority: string;
  scopes: string[];
}

type Msal = import('@azure/msal-browser').IPublicClientApplication;

let instance: Promise<Msal> | null = null;

function application(config: NaaConfig): Promise<Msal> {
  instance ??= import(/* webpackChunkName: "msal" */ '@azure/msal-browser').then((msal) =>
    msal.createNestablePublicClientApplication({ auth: { clientId: config.clientId, authority: config.authority } }),
  );
  return instance;
}

export async function naaToken(config: NaaConfig): Promise<string> {
  const app = await application(config);
  const request = { scopes: config.scopes };
  try {
    return (await app.acquireTokenSilent(request)).accessToken;
  } catch {
    // Consent or a fresh sign-in: the host shows its own dialog.
    return (await app.acquireTokenPopup(request)).accessToken;
  }
}
