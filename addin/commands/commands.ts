// Ribbon commands, apart from the pane and registered by name (manifest FunctionName). Each one
// calls event.completed() whatever happens, or Excel keeps the button busy.
import { OfficeWorkbook } from '../office/office-workbook';
import { writeTemplate } from '../app/template-writer';
import { DEFAULT_AGREEMENT_ID, getAgreement } from '../../shared/agreement/agreements';

/** "Crea modello": adds the blank reporting sheets (existing sheets are left alone). */
export async function createTemplate(event: Office.AddinCommands.Event): Promise<void> {
  try {
    const agreement = getAgreement(DEFAULT_AGREEMENT_ID);
    if (agreement) await writeTemplate(new OfficeWorkbook(), agreement);
  } catch {
    // Nothing to roll back: sheets are added in one batch or not at all.
  } finally {
    event.completed();
  }
}

if (typeof Office !== 'undefined') {
  void Office.onReady(() => {
    Office.actions.associate('createTemplate', createTemplate);
  });
}
