// What the running Excel offers above the manifest's floor (ExcelApi 1.9), asked once through
// Office.context.requirements.isSetSupported. Every feature above 1.9 is used only when true here.
export type IsSetSupported = (name: string, version: string) => boolean;

export interface ExcelCapabilities {
  /** Excel.run({ delayForCellEdit }) (ExcelApi 1.11): batches wait for the user to leave a cell. */
  delayForCellEdit: boolean;
  /** WorksheetChangedEventArgs.triggerSource (ExcelApi 1.14): the add-in's own writes are marked. */
  triggerSource: boolean;
  /** worksheets.onNameChanged (ExcelApi 1.17): a renamed sheet is reported. */
  nameChanged: boolean;
  /** Range.getMergedAreasOrNullObject (ExcelApi 1.13): merged headers and cells merged down. */
  mergedAreas: boolean;
}

/** Office's own check; false for everything when Office.js is absent (tests, file mode). */
export function officeRequirements(): IsSetSupported {
  return (name, version) => {
    if (typeof Office === 'undefined') return false;
    try {
      return Office.context?.requirements?.isSetSupported?.(name, version) === true;
    } catch {
      return false;
    }
  };
}

export function excelCapabilities(isSetSupported: IsSetSupported = officeRequirements()): ExcelCapabilities {
  return {
    delayForCellEdit: isSetSupported('ExcelApi', '1.11'),
    triggerSource: isSetSupported('ExcelApi', '1.14'),
    nameChanged: isSetSupported('ExcelApi', '1.17'),
    mergedAreas: isSetSupported('ExcelApi', '1.13'),
  };
}

/** The `code` of an OfficeExtension.Error (or of anything shaped like one). */
export function errorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' ? code : undefined;
}

export const CELL_EDIT_MODE = 'InvalidOperationInCellEditMode';

/** Waits between attempts of a batch refused because the user is editing a cell. */
export const CELL_EDIT_RETRY_MS: readonly number[] = [250, 500, 1000, 2000, 4000, 8000, 15000];

/**
 * Excel.run through the cell-edit guard, for every batch of the add-in: delayForCellEdit where
 * ExcelApi 1.11 has it, and on every host a new attempt after InvalidOperationInCellEditMode.
 * The batch function is called again on each attempt (a fresh context), so nothing is lost.
 */
export async function runExcel<T>(
  batch: (context: Excel.RequestContext) => Promise<T>,
  capabilities: Pick<ExcelCapabilities, 'delayForCellEdit'> = excelCapabilities(),
  retryDelaysMs: readonly number[] = CELL_EDIT_RETRY_MS,
): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return capabilities.delayForCellEdit
        ? await Excel.run({ delayForCellEdit: true }, batch)
        : await Excel.run(batch);
    } catch (error) {
      if (errorCode(error) !== CELL_EDIT_MODE || attempt >= retryDelaysMs.length) throw error;
      await new Promise((resolve) => setTimeout(resolve, retryDelaysMs[attempt]));
    }
  }
}

/** Errors after which the same data, asked for in smaller pieces, can be read. */
const SIZE_LIMIT_CODES = new Set([
  'ResponsePayloadSizeLimitExceeded',
  'RequestPayloadSizeLimitExceeded',
  'RangeExceedsLimit',
  'OperationCellsExceedLimit',
]);

export function isSizeLimit(error: unknown): boolean {
  const code = errorCode(error);
  return code !== undefined && SIZE_LIMIT_CODES.has(code);
}

/**
 * What the user reads when Excel refuses a batch: the code decides, never the English message
 * (it may carry cell contents). Italian, short, with what to do.
 */
export function excelErrorMessage(error: unknown, action: string): string {
  switch (errorCode(error)) {
    case 'AccessDenied':
      return `${action}: il foglio o la cartella di lavoro sono protetti. Rimuovi la protezione e riprova.`;
    case 'ItemNotFound':
      return `${action}: un foglio non esiste più (eliminato o rinominato). Premi «Verifica di nuovo».`;
    case 'ItemAlreadyExists':
      return `${action}: esiste già un foglio con lo stesso nome (Excel non distingue maiuscole e minuscole).`;
    case CELL_EDIT_MODE:
      return `${action}: Excel è in modifica di una cella. Conferma la cella (Invio) e riprova.`;
    case 'ResponsePayloadSizeLimitExceeded':
    case 'RequestPayloadSizeLimitExceeded':
    case 'RangeExceedsLimit':
      return `${action}: il foglio è troppo grande per una sola lettura di Excel.`;
    default:
      return `${action}: Excel ha rifiutato l’operazione. Riprova.`;
  }
}
