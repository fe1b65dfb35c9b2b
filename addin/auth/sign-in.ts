// How the pane signs in inside Excel: nested app authentication where the host has it
// (isSetSupported('NestedAppAuth', '1.1')), else MSAL in an Office dialog (displayDialogAsync,
// DialogApi 1.1) whose page hands the token back with messageParent. NAA in Excel on the web works
// only for files opened from SharePoint/OneDrive: a failed NAA falls back to the dialog too. When
// neither works the pane says so in Italian; validation needs no sign-in and goes on offline.
import type { NaaConfig } from './naa-token';

export type SignInMethod = 'naa' | 'dialog' | 'none';

/** The part of Office.js sign-in needs (a mocked Office in tests). */
export interface OfficeLike {
  context?: {
    requirements?: { isSetSupported(name: string, version?: string): boolean };
    ui?: Pick<Office.UI, 'displayDialogAsync'>;
  };
}

export interface SignInDeps {
  office: OfficeLike | undefined;
  naa: (config: NaaConfig) => Promise<string>;
  /** Address of the dialog page (auth-dialog.html, same origin as the pane). */
  dialogUrl: string;
}

/** A sign-in failure with a message for the user (never a token or a name in it). */
export class SignInError extends Error {
  override name = 'SignInError';
}

export const NO_SIGN_IN =
  'Accesso non disponibile in questa versione di Excel: la verifica del rendiconto funziona comunque; per l’invio usa Excel per il web o Microsoft 365 aggiornato.';

export function signInMethod(office: OfficeLike | undefined): SignInMethod {
  const requirements = office?.context?.requirements;
  if (requirements?.isSetSupported('NestedAppAuth', '1.1')) return 'naa';
  if (typeof office?.context?.ui?.displayDialogAsync === 'function') return 'dialog';
  return 'none';
}

export async function acquireToken(config: NaaConfig, deps: SignInDeps): Promise<string> {
  const method = signInMethod(deps.office);
  if (method === 'naa') {
    try {
      return await deps.naa(config);
    } catch (error) {
      // Excel on the web with a file not from SharePoint/OneDrive, or a broker refusing: the dialog.
      if (typeof deps.office?.context?.ui?.displayDialogAsync !== 'function') throw error;
    }
  }
  if (method === 'none') throw new SignInError(NO_SIGN_IN);
  return dialogToken(deps.office?.context?.ui as Pick<Office.UI, 'displayDialogAsync'>, deps.dialogUrl);
}

/** What the dialog page sends back with messageParent. */
export type DialogReply = { status: 'ok'; token: string } | { status: 'error'; message: string };

/** Opens the sign-in dialog and waits for its one message (or for the user closing it). */
export function dialogToken(ui: Pick<Office.UI, 'displayDialogAsync'>, url: string): Promise<string> {
  return new Promise((resolve, reject) => {
    ui.displayDialogAsync(url, { height: 60, width: 30 }, (result) => {
      if (String(result.status) === 'failed') {
        reject(new SignInError(dialogFailure(result.error?.code)));
        return;
      }
      const dialog = result.value;
      // Enum values as strings: mocked hosts have no Office.EventType object.
      dialog.addEventHandler('dialogMessageReceived' as unknown as Office.EventType, (arg) => {
        dialog.close();
        const reply = parseReply('message' in arg ? arg.message : '');
        if (reply?.status === 'ok') resolve(reply.token);
        else reject(new SignInError(reply?.message ?? 'Accesso non riuscito.'));
      });
      dialog.addEventHandler('dialogEventReceived' as unknown as Office.EventType, () => {
        reject(new SignInError('Accesso annullato: la finestra di accesso è stata chiusa.'));
      });
    });
  });
}

function parseReply(message: string): DialogReply | null {
  try {
    const value = JSON.parse(message) as Partial<{ status: string; token: string; message: string }>;
    if (value.status === 'ok' && typeof value.token === 'string') return { status: 'ok', token: value.token };
    if (value.status === 'error') return { status: 'error', message: String(value.message ?? 'Accesso non riuscito.') };
  } catch {
    // Not ours.
  }
  return null;
}

/** displayDialogAsync error codes (Office dialog API documentation). */
function dialogFailure(code: number | undefined): string {
  if (code === 12007) return 'È già aperta una finestra del componente: chiudila e riprova.';
  if (code === 12009 || code === 12011)
    return 'Il browser ha bloccato la finestra di accesso: consenti le finestre popup per Excel e riprova.';
  return NO_SIGN_IN;
}
