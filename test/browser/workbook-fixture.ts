// The partner workbook of the browser tests, written with exceljs: the partner's own header labels
// (synonyms), columns reordered, an extra column, and planted errors on known cells.
import ExcelJS from 'exceljs';
import { SYNONYM_INVOICE_HEADER } from '../fixtures/invoice-headers';

export const GOODS_SHEET = 'Acquisti 2026';
export const STAFF_SHEET = 'Personale';

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

/** Planted findings: code → cell. */
export const PLANTED = {
  R09: `${GOODS_SHEET}!B3`,
  R02: `${GOODS_SHEET}!F4`,
  R10: `${GOODS_SHEET}!J5`,
  R05: `${STAFF_SHEET}!H3`,
};

export async function partnerWorkbook(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const goods = wb.addWorksheet(GOODS_SHEET);
  // Reordered, renamed (synonyms), plus a column the product does not know ("Note interne").
  goods.addRow([...SYNONYM_INVOICE_HEADER.slice(0, 7), 'Note interne', ...SYNONYM_INVOICE_HEADER.slice(7)]);
  const goodsRow = (supplierId: string, number: string, total: number | string, method: string) => [
    'Cartoleria Rossi srl',
    supplierId,
    number,
    day('2026-10-05'),
    'materiale di consumo',
    total,
    100,
    'ok',
    day('2026-10-15'),
    method,
    'P1',
    'A1',
    'fattura; pagamento',
  ];
  goods.addRow(goodsRow('01234567897', 'F-101', 100, 'bonifico'));
  goods.addRow(goodsRow('12345678901', 'F-102', 100, 'bonifico')); // R09: check digit wrong
  goods.addRow(goodsRow('01234567897', 'F-103', 'cento', 'bonifico')); // R02: not a number
  goods.addRow(goodsRow('01234567897', 'F-104', 100, 'contanti')); // R10: cash
  goods.getColumn(2).numFmt = '@';

  const staff = wb.addWorksheet(STAFF_SHEET);
  staff.addRow([
    'Cognome e nome',
    'Codice fiscale',
    'Tipo rapporto',
    'Programma',
    'Azione',
    'Mese',
    'Ore lavorate',
    'Importo',
    'Costo orario',
    'Documenti',
  ]);
  staff.addRow([
    'Rossi Maria',
    'RSSMRA80A41H501U',
    'dipendente',
    'P1',
    'A2',
    '10/2026',
    10,
    200,
    20,
    'timesheet; pagamento; F24',
  ]);
  staff.addRow([
    'Bianchi Luca',
    'BNCLCU85M01D142X',
    'dipendente',
    'P1',
    'A2',
    '10/2026',
    10,
    250,
    20,
    'timesheet; pagamento; F24',
  ]); // R05

  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}
