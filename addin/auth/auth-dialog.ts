// The page of the Office dialog (auth-dialog.html). Two uses:
// - sign-in where Excel has no nested app authentication: MSAL with a redirect inside the dialog
//   window, then the token goes to the pane with Office.context.ui.messageParent (sign-in.ts);
// - a plain message (?messaggio=…), with which the ribbon command reports a failure.
import { naaConfig } from './auth-config';
import type { DialogReply } from './sign-in';

function reply(message: DialogReply): void {
  Office.context.ui.messageParent(JSON.stringify(message));
}

function show(text: string): void {
  const target = document.getElementById('message');
  if (target) target.textContent = text;
}

async function signIn(): Promise<void> {
  const config = naaConfig();
  if (!config) return reply({ status: 'error', message: 'Accesso con Entra ID non configurato.' });
  const msal = await import(/* webpackChunkName: "msal" */ '@azure/msal-browser');
  const app = await msal.PublicClientApplication.createPublicClientApplication({
    auth: {
      clientId: config.clientId,
      authority: config.authority,
      redirectUri: `${window.location.origin}${window.location.pathname}`,
    },
    cache: { cacheLocation: 'localStorage' },
  });
  const back = await app.handleRedirectPromise();
  if (back?.accessToken) return reply({ status: 'ok', token: back.accessToken });
  const account = app.getAllAccounts()[0];
  if (account) {
    try {
      const silent = await app.acquireTokenSilent({ scopes: config.scopes, account });
      return reply({ status: 'ok', token: silent.accessToken });
    } catch {
      // Consent or a fresh sign-in: the redirect below.
    }
  }
  show('Reindirizzamento alla pagina di accesso…');
  await app.acquireTokenRedirect({ scopes: config.scopes });
}

async function main(): Promise<void> {
  await Office.onReady();
  const message = new URLSearchParams(window.location.search).get('messaggio');
  if (message !== null) return show(message);
  try {
    await signIn();
  } catch {
    reply({ status: 'error', message: 'Accesso non riuscito: riprova.' });
  }
}

void main();
