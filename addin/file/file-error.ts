// The sentence the pane shows for a dropped file it cannot open. The reader (formats/xlsx) tells
// what the file is by its bytes, whatever its name, and says so in Italian; the CLI prints the
// same sentence, so the pane and the CLI never disagree about a file.
import { XlsxReadError } from '../../formats/xlsx/xlsx-reader';

export function fileErrorMessage(error: unknown, fileName: string): string {
  if (error instanceof XlsxReadError) return `Impossibile leggere «${fileName}»: ${error.message}`;
  return damagedWorkbookMessage(fileName);
}

/** Anything else the reader met (a bug, a part it could not decode): the file is treated as damaged. */
function damagedWorkbookMessage(fileName: string): string {
  return `Il file «${fileName}» sembra una cartella di lavoro Excel ma è danneggiato e non si riesce a leggere: aprilo in Excel, salvalo di nuovo e riprova.`;
}
