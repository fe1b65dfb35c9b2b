// The findings as a CSV that Italian Excel opens with a double click: UTF-8 with BOM (or accents
// break), ";" as separator (the comma is the decimal mark), CRLF. Workbook text ends up in the
// cells (sheet names, messages quoting values), so cells that Excel would read as a formula are
// neutralised with a leading apostrophe.
import type { FindingRecord, Severity } from '../../shared/findings/findings';

const HEADER = ['Codice', 'Gravità', 'Foglio', 'Riga', 'Colonna', 'Campo', 'Messaggio'];
const SEVERITY_WORD: Record<Severity, string> = { error: 'Errore', warning: 'Avviso', info: 'Informazione' };
const BOM = '\uFEFF';

export function findingsCsv(findings: readonly FindingRecord[]): string {
  const lines = [
    HEADER,
    ...findings.map((f) => [
      f.code,
      SEVERITY_WORD[f.severity],
      f.sheet ?? '',
      f.row === null ? '' : String(f.row),
      f.column ?? '',
      f.field ?? '',
      f.message,
    ]),
  ];
  return BOM + lines.map((cells) => cells.map(csvCell).join(';')).join('\r\n') + '\r\n';
}

/** One cell: formula triggers disarmed, then quoted when it holds a separator, quote or newline. */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[;"\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** "rendiconto koala.xlsx" → "segnalazioni rendiconto koala.csv". */
export function findingsFileName(workbookName: string): string {
  const base =
    workbookName
      .replace(/\.xlsx$/i, '')
      .replace(/[\\/:*?"<>|]/g, '_')
      .trim() || 'rendiconto';
  return `segnalazioni ${base}.csv`;
}
