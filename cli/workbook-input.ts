// The files a command reads, with the Italian sentence to print when one cannot be read: the
// workbook (through the product's one xlsx reader) and the user's mapping JSON (--mapping).
import { readFile } from 'node:fs/promises';
import type { MappingOverrides, SheetGrid } from '../shared/mapping/mapping';
import { readMappingOverrides } from '../shared/mapping/mapping-overrides';
import { readXlsx, XlsxReadError } from '../formats/xlsx/xlsx-reader';
import { NODE_INFLATE, workbookGrids } from './xlsx-read';

function fsReason(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'ENOENT') return 'il file non esiste';
  if (code === 'EISDIR') return 'è una cartella, non un file';
  if (code === 'EACCES' || code === 'EPERM') return 'permesso negato';
  return 'errore di lettura del disco';
}

/** The grids of a workbook file, or the sentence saying why it cannot be read (never a stack trace). */
export async function readWorkbookFile(path: string): Promise<SheetGrid[] | string> {
  let data: Buffer;
  try {
    data = await readFile(path);
  } catch (error) {
    return `impossibile leggere «${path}»: ${fsReason(error)}.`;
  }
  try {
    return workbookGrids(readXlsx(new Uint8Array(data.buffer, data.byteOffset, data.byteLength), NODE_INFLATE));
  } catch (error) {
    if (error instanceof XlsxReadError) return `impossibile leggere «${path}»: ${error.message}`;
    throw error;
  }
}

/** The mapping corrections of a --mapping file, or the sentence saying why it cannot be used. */
export async function readMappingFile(path: string): Promise<MappingOverrides | string> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    return `impossibile leggere il file di mappatura «${path}»: ${fsReason(error)}.`;
  }
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return `il file di mappatura «${path}» non è un JSON valido (usare «rendiconta mapping <file.xlsx>» per uno schema da modificare).`;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return `il file di mappatura «${path}» deve contenere un oggetto { "<foglio>": { "columns": { "<campo>": "<colonna>" } } }.`;
  }
  return readMappingOverrides(value);
}
