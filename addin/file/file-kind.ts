// What a dropped file really is, by its first bytes (not its name), so the pane can say in Italian
// why it cannot read it: a PDF, an old .xls or a password-protected .xlsx (both OLE compound
// files), an OpenDocument spreadsheet, a CSV or other text renamed .xlsx, a damaged zip.
import { unzipSync } from 'fflate';

export type FileKind = 'xlsx' | 'corrupt' | 'pdf' | 'cfb' | 'ods' | 'csv' | 'text' | 'zip' | 'empty' | 'unknown';

const startsWith = (data: Uint8Array, bytes: readonly number[]) => bytes.every((b, i) => data[i] === b);

const PDF = [0x25, 0x50, 0x44, 0x46]; // %PDF
const CFB = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ZIP = [0x50, 0x4b, 0x03, 0x04];
const ZIP_EMPTY = [0x50, 0x4b, 0x05, 0x06];
const ODS_MIME = 'application/vnd.oasis.opendocument.spreadsheet';

export function detectFileKind(data: Uint8Array): FileKind {
  if (data.length === 0) return 'empty';
  if (startsWith(data, PDF)) return 'pdf';
  if (startsWith(data, CFB)) return 'cfb';
  if (startsWith(data, ZIP) || startsWith(data, ZIP_EMPTY)) return zipKind(data);
  return looksLikeText(data) ? (looksLikeCsv(data) ? 'csv' : 'text') : 'unknown';
}

/** An OpenDocument package starts with an uncompressed `mimetype` entry; an xlsx has xl/workbook.xml. */
function zipKind(data: Uint8Array): FileKind {
  // Local header: name length at 26, extra length at 28, name at 30.
  const nameLength = data[26] | (data[27] << 8);
  const name = String.fromCharCode(...data.subarray(30, 30 + Math.min(nameLength, 64)));
  if (name === 'mimetype') {
    const extra = data[28] | (data[29] << 8);
    const start = 30 + nameLength + extra;
    const mime = String.fromCharCode(...data.subarray(start, start + ODS_MIME.length));
    if (mime === ODS_MIME) return 'ods';
  }
  try {
    const files = unzipSync(data, { filter: (f) => f.name === 'xl/workbook.xml' || f.name === '[Content_Types].xml' });
    return files['xl/workbook.xml'] ? 'xlsx' : 'zip';
  } catch {
    // The first part of an Office package, but the archive does not open: a damaged workbook.
    return /^(\[Content_Types\]\.xml|_rels\/|docProps\/|xl\/)/.test(name) ? 'corrupt' : 'zip';
  }
}

function looksLikeText(data: Uint8Array): boolean {
  const head = data.subarray(0, 4096);
  let control = 0;
  for (const b of head) {
    if (b === 0) return false;
    if (b < 0x09 || (b > 0x0d && b < 0x20)) control++;
  }
  return control <= head.length / 100;
}

function looksLikeCsv(data: Uint8Array): boolean {
  const text = new TextDecoder('utf-8', { fatal: false }).decode(data.subarray(0, 4096));
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '');
  if (lines.length === 0) return false;
  return [';', ',', '\t'].some((sep) => {
    const counts = lines.slice(0, 10).map((l) => l.split(sep).length - 1);
    return counts[0] > 0 && counts.every((c) => c === counts[0]);
  });
}

/** The Italian sentence the pane shows for a file it cannot read (null: an .xlsx to try). */
export function unreadableFileMessage(kind: FileKind, fileName: string): string | null {
  const name = `«${fileName}»`;
  switch (kind) {
    case 'xlsx':
      return null;
    case 'corrupt':
      return damagedWorkbookMessage(fileName);
    case 'pdf':
      return `Il file ${name} è un PDF, non una cartella di lavoro Excel: trascina qui il file .xlsx del rendiconto (i PDF si allegano come documenti).`;
    case 'cfb':
      return (
        `Il file ${name} è protetto da password oppure è nel vecchio formato Excel 97-2003 (.xls): ` +
        'aprilo in Excel, togli la password se c’è (File › Informazioni › Proteggi cartella di lavoro) e salvalo come «Cartella di lavoro di Excel (.xlsx)».'
      );
    case 'ods':
      return `Il file ${name} è un foglio di calcolo OpenDocument (.ods): salvalo come «Cartella di lavoro di Excel (.xlsx)» e trascinalo di nuovo.`;
    case 'csv':
      return `Il file ${name} è un testo CSV, non una cartella di lavoro Excel: aprilo in Excel e salvalo come «Cartella di lavoro di Excel (.xlsx)».`;
    case 'text':
      return `Il file ${name} contiene solo testo, non è una cartella di lavoro Excel (.xlsx), anche se il nome lo fa sembrare.`;
    case 'empty':
      return `Il file ${name} è vuoto (0 byte).`;
    case 'zip':
      return `Il file ${name} è un archivio compresso ma non una cartella di lavoro Excel (.xlsx), oppure è danneggiato.`;
    case 'unknown':
      return `Il file ${name} non è una cartella di lavoro Excel (.xlsx) leggibile: forse è danneggiato o di un altro formato.`;
  }
}

/** The message for an .xlsx whose parts could not be read (a truncated or damaged package). */
export function damagedWorkbookMessage(fileName: string): string {
  return `Il file «${fileName}» sembra una cartella di lavoro Excel ma è danneggiato e non si riesce a leggere: aprilo in Excel, salvalo di nuovo e riprova.`;
}
