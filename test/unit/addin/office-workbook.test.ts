// OfficeWorkbook against a mocked Excel (office-addin-mock): block reads, one batch of writes,
// one status column with one conditional format, and own writes never re-trigger validation.
import { ExcelMock } from './excel-mock';
import { OfficeWorkbook, BLOCK_CELLS } from '../../../addin/office/office-workbook';
import { ReportSession } from '../../../addin/app/report-session';
import { STATUS_HEADER, ROW_ID_HEADER } from '../../../addin/port/workbook-port';
import { writeTemplate } from '../../../addin/app/template-writer';
import { buildTemplate, LISTS_SHEET_NAME } from '../../../shared/mapping/template';
import {
  INVOICE_SHEET_HEADER as HEADER,
  invoiceSheetRow as goodsRow,
  invoiceSheetContext as context,
} from '../../fixtures/invoice-headers';

describe('OfficeWorkbook (office-addin-mock)', () => {
  afterEach(() => {
    delete (global as Record<string, unknown>).Excel;
  });

  it('validates 20,000 rows with ceil(cells/BLOCK_CELLS) + 2 syncs and writes one status column', async () => {
    const rows = 20_000;
    const cells = [HEADER, ...Array.from({ length: rows }, (_, i) => goodsRow(i + 1))];
    cells[3][5] = 'abc'; // row 4: R02
    const mock = new ExcelMock([{ name: 'Beni di consumo', cells }]);
    (global as Record<string, unknown>).Excel = mock.excel;

    const session = new ReportSession(new OfficeWorkbook({ debounceMs: 0 }), context());
    await session.start();

    expect(session.state.rowCount).toBe(rows);
    // Blocks are sized by cells (12 columns here), plus the listing and the write.
    expect(mock.syncs).toBeLessThanOrEqual(Math.ceil((rows * HEADER.length) / BLOCK_CELLS) + 2);
    expect(session.state.findings.filter((f) => f.code === 'R02').map((f) => `${f.column}${f.row}`)).toEqual(['F4']);

    // Columns M (ID riga, hidden) and N (status) are new; nothing else in the sheet is written.
    const written = new Set(mock.writes.map((w) => w.address.replace(/\d+/g, '')));
    expect([...written].sort()).toEqual(['M:M', 'N:N']);
    const status = mock.writes.filter((w) => w.address.startsWith('N') && w.address !== 'N1:N1');
    expect(status.map((w) => w.address)).toEqual([`N2:N${rows + 1}`]);
    expect(mock.sheet('Beni di consumo').cells[0].slice(12)).toEqual([ROW_ID_HEADER, STATUS_HEADER]);
    expect(mock.sheet('Beni di consumo').cells[3][13]).toBe('Errore (R02)');
    expect(mock.sheet('Beni di consumo').cells[4][13]).toBe('OK');
    expect(mock.hiddenColumns).toEqual(['Beni di consumo!M:M']);
    expect(mock.conditionalFormats).toEqual([
      {
        sheet: 'Beni di consumo',
        address: `N2:N${rows + 1}`,
        type: 'ContainsText',
        rule: { operator: 'BeginsWith', text: 'Errore' },
        fill: '#FDE7E9',
        id: expect.any(String),
      },
    ]);
    session.stop();
  }, 30_000); // not a timed assertion: 20,000 rows through the mock need room on a shared 2-core machine

  it('ignores its own writes and re-validates only the row the user edits', async () => {
    const cells = [HEADER, goodsRow(1), goodsRow(2), goodsRow(3)];
    cells[2][1] = '12345'; // row 3: R09
    const mock = new ExcelMock([{ name: 'Beni di consumo', cells }]);
    (global as Record<string, unknown>).Excel = mock.excel;
    const session = new ReportSession(new OfficeWorkbook({ debounceMs: 0 }), context());
    const states: number[] = [];
    session.subscribe((s) => {
      if (s.progress === null) states.push(s.findings.length);
    });
    await session.start();
    await new Promise((r) => setTimeout(r, 20));
    await session.whenIdle();
    // One published result: the writes of the pass (ids, status) raised events that were ignored.
    expect(states).toHaveLength(1);
    expect(session.state.findings.map((f) => `${f.code} ${f.column}${f.row}`)).toContain('R09 B3');
    const syncsBefore = mock.syncs;

    await mock.userEdit('Beni di consumo', 'B3', '01234567897');
    await new Promise((r) => setTimeout(r, 20));
    await session.whenIdle();
    expect(session.state.findings.map((f) => f.code)).not.toContain('R09');
    expect(states).toHaveLength(2);
    // The edit reads one row and rewrites one status cell.
    expect(mock.syncs - syncsBefore).toBe(2);
    expect(mock.writes.at(-1)).toEqual({ sheet: 'Beni di consumo', address: 'N3:N3', values: [['OK']] });
    session.stop();
  });

  it('assembles blocks of different widths on a used range that does not start at A1', async () => {
    const cells: (string | number)[][] = [[], [], []];
    for (let r = 4; r <= 12_003; r++) cells.push(['', '', `c${r}`, r]);
    cells[7_000][6] = 'far'; // G7001: only the second block reaches column G
    const mock = new ExcelMock([
      { name: 'Dati', cells },
      { name: 'Altro', cells: [['x']] },
    ]);
    (global as Record<string, unknown>).Excel = mock.excel;
    // Blocks of 20,000 cells: the first (with the listing) is A1:BL312, then 5 columns × 4,000 rows.
    const port = new OfficeWorkbook({ blockCells: 20_000 });
    expect(await port.listSheets()).toEqual(['Dati', 'Altro']);
    const block = await port.readBlock('Dati');
    expect({ firstRow: block.firstRow, firstColumn: block.firstColumn, rows: block.values.length }).toEqual({
      firstRow: 4,
      firstColumn: 3,
      rows: 12_000,
    });
    expect(block.values[0]).toEqual(['c4', 4, null, null, null]);
    expect(block.values[6_997]).toEqual(['c7001', 7001, null, null, 'far']);
    // Listing (with the first block) + ceil(11,691 rows × 5 columns / 20,000) blocks.
    expect(mock.syncs).toBe(1 + 3);
    expect(Math.max(...mock.syncCells)).toBeLessThanOrEqual(20_000);
    expect((await port.readBlock('Dati', 'C5:D6')).values).toEqual([
      ['c5', 5],
      ['c6', 6],
    ]);
  });

  it('reports a burst of edits as one change per sheet, spanning the touched rows', async () => {
    const mock = new ExcelMock([{ name: 'Beni di consumo', cells: [HEADER, goodsRow(1), goodsRow(2), goodsRow(3)] }]);
    (global as Record<string, unknown>).Excel = mock.excel;
    const port = new OfficeWorkbook({ debounceMs: 5 });
    const changes: unknown[] = [];
    const stop = port.onChange((change) => changes.push(change));
    await port.listSheets();
    await mock.userEdit('Beni di consumo', 'B4', 'x');
    await mock.userEdit('Beni di consumo', 'C2', 'y');
    await new Promise((r) => setTimeout(r, 30));
    expect(changes).toEqual([
      { sheet: 'Beni di consumo', rows: { first: 2, last: 4 }, columns: { first: 2, last: 3 } },
    ]);
    stop();
  });

  it('selects the cell of a finding', async () => {
    const mock = new ExcelMock([{ name: 'Beni di consumo', cells: [HEADER, goodsRow(1)] }]);
    (global as Record<string, unknown>).Excel = mock.excel;
    await new OfficeWorkbook().selectCell('Beni di consumo', 'F2');
    expect(mock.selections).toEqual(['Beni di consumo!F2']);
  });

  it('writes the blank template in one batch: drop-downs, number and date rules, lists sheet very hidden', async () => {
    const mock = new ExcelMock([{ name: 'Foglio1', cells: [] }]);
    (global as Record<string, unknown>).Excel = mock.excel;
    const base = context().agreement;
    // Expense types too many to write inline: they go to the lists sheet.
    const eligible = Array.from({ length: 30 }, (_, i) => `tipologia di spesa ammissibile ${i + 1}`);
    const agreement = { ...base, rules: { ...base.rules, expenseTypes: { ...base.rules.expenseTypes, eligible } } };
    const created = await writeTemplate(new OfficeWorkbook(), agreement);
    expect(created[0]).toBe(LISTS_SHEET_NAME);
    // One sync for the listing, one for every write of the template, whatever its size.
    expect(mock.syncs).toBe(2);
    expect(mock.visibility).toEqual({ [LISTS_SHEET_NAME]: 'VeryHidden' });

    // Every validation of the description reaches Excel, on its bounded range.
    const template = buildTemplate(agreement, { dataRows: 500 });
    const expected = template.sheets.flatMap((sheet) =>
      sheet.columns.flatMap((c) => (c.validation ? [`${sheet.name}!${c.validation.range}`] : [])),
    );
    expect(mock.validations.map((v) => `${v.sheet}!${v.address}`).sort()).toEqual(expected.sort());
    for (const v of mock.validations) expect(v.address).toMatch(/^[A-Z]+2:[A-Z]+501$/);

    const goods = (letter: string) =>
      mock.validations.find((v) => v.sheet === 'Beni di consumo' && v.address.startsWith(`${letter}2:`));
    // J = Importo rendicontato, D = Data fattura, N = Programma (see shared/template).
    expect(goods('J')).toEqual({
      sheet: 'Beni di consumo',
      address: 'J2:J501',
      rule: { decimal: { formula1: 0, operator: 'GreaterThanOrEqualTo' } },
      ignoreBlanks: true,
      errorAlert: {
        showAlert: true,
        style: 'Stop',
        title: 'Importo rendicontato',
        message: '«Importo rendicontato»: inserire un numero maggiore o uguale a zero.',
      },
    });
    expect(goods('D')?.rule).toEqual({ date: { formula1: '2000-01-01', operator: 'GreaterThanOrEqualTo' } });
    expect(goods('N')?.rule).toEqual({
      list: { inCellDropDown: true, source: agreement.programmes.map((p) => p.id).join(',') },
    });
    // A list too long to write inline reads its items from the hidden sheet.
    const fromSheet = mock.validations.filter((v) =>
      String((v.rule as { list?: { source: string } }).list?.source ?? '').startsWith(`='${LISTS_SHEET_NAME}'!`),
    );
    expect(fromSheet.map((v) => `${v.sheet}!${v.address}`)).toEqual(['Beni di consumo!F2:F501', 'Servizi!F2:F501']);
    expect(mock.sheet(LISTS_SHEET_NAME).cells[30]).toEqual(['tipologia di spesa ammissibile 30']);
  });
});
