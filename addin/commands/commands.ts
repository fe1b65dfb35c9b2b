// Ribbon commands, apart from the pane and registered by name (manifest FunctionName). Each one
// calls event.completed() whatever happens, or Excel keeps the button busy, and reports a failure
// in a small Office dialog (Excel has no notification bar for add-in commands).
import { OfficeWorkbook } from '../office/office-workbook';
import { TemplateError, writeTemplate } from '../app/template-writer';
import { DEFAULT_AGREEMENT_ID, getAgreement } from '../../shared/agreement/agreements';

/**
 * "Crea modello": adds the blank reporting sheets (existing sheets are left alone). Not atomic:
 * Excel does not roll a failed batch back, so sheets added before a failure stay; running the
 * command again adds the missing ones.
 */
export async function createTemplate(event: Office.AddinCommands.Event): Promise<void> {
  try {
    const agreement = getAgreement(DEFAULT_AGREEMENT_ID);
    if (!agreement)
      throw new TemplateError('Configurazione della convenzione mancante: impossibile creare il modello.');
    await writeTemplate(new OfficeWorkbook({ rescanMs: 0 }), agreement);
  } catch (error) {
    showMessage(error instanceof TemplateError ? error.message : 'Impossibile creare i fogli del modello.');
  } finally {
    event.completed();
  }
}

/** The message in the add-in's dialog page; nothing more can be done if even that fails. */
function showMessage(text: string): void {
  const ui = typeof Office !== 'undefined' ? Office.context?.ui : undefined;
  if (typeof ui?.displayDialogAsync !== 'function') return;
  const base = typeof window !== 'undefined' && window.location ? window.location.href : 'https://localhost:3000/';
  const url = new URL(`auth-dialog.html?messaggio=${encodeURIComponent(text)}`, base).toString();
  ui.displayDialogAsync(url, { height: 30, width: 30 }, () => undefined);
}

if (typeof Office !== 'undefined') {
  void Office.onReady(() => {
    Office.actions.associate('createTemplate', createTemplate);
  });
}
