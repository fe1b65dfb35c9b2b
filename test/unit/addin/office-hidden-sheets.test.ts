// DOMAIN §7: hidden and very hidden sheets are ignored with an M05 info in the task pane inside
// Excel too (the Office adapter reports each sheet's visibility with the sheet list, no extra sync).
import { OfficeWorkbook } from '../../../addin/office/office-workbook';
import { ReportSession } from '../../../addin/app/report-session';
import { getAgreement } from '../../../shared/agreement/agreements';
import type { Agreement } from '../../../shared/agreement/agreement';
import { INVOICE_HEADERS } from '../../fixtures/invoice-headers';
import { ExcelMock } from './excel-mock';

const agreement = getAgreement('crema-2026-2028') as Agreement;
const context = { agreement, programme: 'P1', partner: 'koala', year: 2026, today: '2026-11-20' };
// A broken invoice row: if a hidden sheet were read, it would give row errors.
const BAD_ROW = [
  'Rossi',
  'non una partita iva',
  'F-1',
  'ieri',
  'omaggi e regalie',
  'tanto',
  'troppo',
  'mai',
  'contanti',
  'P9',
  'A9',
];

afterEach(() => {
  delete (global as Record<string, unknown>).Excel;
});

it('ignores hidden and very hidden sheets with M05 and reads the visible one', async () => {
  const mock = new ExcelMock([
    { name: 'Beni di consumo', cells: [INVOICE_HEADERS] },
    { name: 'Vecchi beni', cells: [INVOICE_HEADERS, BAD_ROW], visibility: 'Hidden' },
    { name: 'Calcoli', cells: [INVOICE_HEADERS, BAD_ROW], visibility: 'VeryHidden' },
  ]);
  (global as Record<string, unknown>).Excel = mock.excel;
  const session = new ReportSession(new OfficeWorkbook({ debounceMs: 0 }), context);
  await session.start();
  const bySheet = session.state.findings
    .filter((f) => f.sheet !== null)
    .map((f) => `${f.code} ${f.severity} ${f.sheet}`);
  expect(bySheet).toEqual(['M05 info Calcoli', 'M05 info Vecchi beni']);
  expect(session.state.tables.map((t) => [t.sheet, t.status])).toEqual([
    ['Beni di consumo', 'table'],
    ['Vecchi beni', 'hidden'],
    ['Calcoli', 'hidden'],
  ]);
  session.stop();
});
