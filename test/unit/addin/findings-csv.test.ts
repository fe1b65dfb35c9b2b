// The findings CSV for Italian Excel: BOM, ";" separator, CRLF, quoting, and cells that would run
// as formulas disarmed with an apostrophe.
import { csvCell, findingsCsv, findingsFileName } from '../../../addin/app/findings-csv';
import type { FindingRecord as Finding } from '../../../shared/findings/findings';

const finding = (patch: Partial<Finding>): Finding => ({
  code: 'R09',
  severity: 'error',
  sheet: 'Beni di consumo',
  row: 3,
  column: 'B',
  field: 'supplierId',
  message: 'Partita IVA non valida.',
  ...patch,
});

describe('findingsCsv', () => {
  it('writes a BOM, an Italian header and one line per finding, separated by ";" and CRLF', () => {
    const csv = findingsCsv([
      finding({}),
      finding({
        code: 'R20',
        severity: 'warning',
        sheet: null,
        row: null,
        column: null,
        field: null,
        message: 'Totale; "alto"',
      }),
    ]);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv.slice(1).split('\r\n')).toEqual([
      'Codice;Gravità;Foglio;Riga;Colonna;Campo;Messaggio',
      'R09;Errore;Beni di consumo;3;B;supplierId;Partita IVA non valida.',
      'R20;Avviso;;;;;"Totale; ""alto"""',
      '',
    ]);
  });

  it.each([
    ['=SOMMA(A1)', "'=SOMMA(A1)"],
    ['+39 333', "'+39 333"],
    ['-2+3', "'-2+3"],
    ['@foglio', "'@foglio"],
    ['=1;2', `"'=1;2"`],
    ['\tx', "'\tx"],
    ['Rossi - srl', 'Rossi - srl'],
    ['', ''],
  ])('cell %j → %j', (value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });

  it('names the file after the workbook', () => {
    expect(findingsFileName('rendiconto koala.xlsx')).toBe('segnalazioni rendiconto koala.csv');
    expect(findingsFileName('a/b:c.XLSX')).toBe('segnalazioni a_b_c.csv');
  });
});
