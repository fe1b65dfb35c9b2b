// What a file that is not a zip package most likely is, from its first bytes, so that the message
// names it: partners' management programs export "Excel" files that are CSV text, HTML tables or
// Excel 2003 XML saved with an .xls or .xlsx name, and a scanned report arrives as a PDF.

/** Formats told apart by their first bytes (none of them is a zip package). */
export type OtherFormat = 'csv' | 'html' | 'xml2003' | 'pdf' | 'unknown';

/** A UTF-8 byte-order mark as its bytes read one by one ("ï»¿"), and the spaces after it. */
const UTF8_BOM_AND_SPACE = /^(?:\u00ef\u00bb\u00bf)?\s*/;

/** How much of the file is looked at: enough for a header line, bounded whatever the file's size. */
const SNIFF_BYTES = 4096;

export function otherFormatOf(bytes: Uint8Array): OtherFormat {
  const head = bytes.subarray(0, SNIFF_BYTES);
  if (startsWithAscii(head, '%PDF-')) return 'pdf';
  const text = asciiText(head);
  if (text === null) return 'unknown';
  const start = text.replace(UTF8_BOM_AND_SPACE, '').slice(0, 512).toLowerCase();
  if (start.startsWith('<')) {
    if (start.includes('urn:schemas-microsoft-com:office:spreadsheet')) return 'xml2003';
    if (/<(?:!doctype html|html|table|meta|head|body)\b/.test(start)) return 'html';
    // "<?xml" with the 2003 namespace further down: look at the whole head.
    return text.toLowerCase().includes('urn:schemas-microsoft-com:office:spreadsheet') ? 'xml2003' : 'unknown';
  }
  return looksLikeCsv(text) ? 'csv' : 'unknown';
}

/** A header line and one more line, both cut by the same separator (';', ',' or a tab). */
function looksLikeCsv(text: string): boolean {
  const lines = text.split(/\r?\n/).filter((line) => line.trim() !== '');
  if (lines.length < 2) return false;
  return [';', '\t', ','].some((separator) => lines[0].includes(separator) && lines[1].includes(separator));
}

function startsWithAscii(bytes: Uint8Array, prefix: string): boolean {
  if (bytes.length < prefix.length) return false;
  for (let i = 0; i < prefix.length; i++) if (bytes[i] !== prefix.charCodeAt(i)) return false;
  return true;
}

/**
 * The bytes as text when they look like text: no NUL and few control characters (UTF-8 and
 * Latin-1 letters are kept as they are: only the ASCII structure matters here). null otherwise.
 */
function asciiText(bytes: Uint8Array): string | null {
  let control = 0;
  let out = '';
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (b === 0) return null;
    if (b < 32 && b !== 9 && b !== 10 && b !== 13) control++;
    out += String.fromCharCode(b);
  }
  return control > bytes.length / 100 ? null : out;
}
