// Live validation against what real Excel does and the plain mock did not (issue 15, docs/excel.md):
// each case reproduces one failure of Excel in ordinary data entry, on office-addin-mock.
import { ExcelMock } from './excel-mock';
import { OfficeWorkbook, type OfficeWorkbookOptions } from '../../../addin/office/office-workbook';
import { ReportSession } from '../../../addin/app/report-session';
import {
  INVOICE_SHEET_HEADER as HEADER,
  invoiceSheetRow as goodsRow,
  invoiceSheetContext as context,
} from '../../fixtures/invoice-headers';
import type { WorkbookPort } from '../../../addin/port/workbook-port';

const SHEET = 'Beni di consumo';

/** Requirement sets the mocked host reports: ExcelApi up to `excelApi`. */
const upTo = (excelApi: number) => (name: string, version: string) =>
  name === 'ExcelApi' && Number(version) <= excelApi;

const FAST: OfficeWorkbookOptions = { debounceMs: 0, retryDelaysMs: [1, 1, 1, 1, 1], rescanMs: 0 };

async function settled(session: ReportSession): Promise<void> {
  for (let i = 0; i < 3; i++) {
    await new Promise((r) => setTimeout(r, 15));
    await session.whenIdle();
  }
}

/** Waits (up to 3 s) for what timers bring about. */
async function until(condition: () => boolean): Promise<void> {
  for (let waited = 0; waited < 3000 && !condition(); waited += 10) await new Promise((r) => setTimeout(r, 10));
}

async function open(
  cells: (string | number)[][],
  options: OfficeWorkbookOptions = {},
  mockOptions: ConstructorParameters<typeof ExcelMock>[1] = {},
) {
  const mock = new ExcelMock([{ name: SHEET, cells }], mockOptions);
  (global as Record<string, unknown>).Excel = mock.excel;
  const port = new OfficeWorkbook({ ...FAST, ...options });
  const session = new ReportSession(port, context());
  await session.start();
  await settled(session);
  return { mock, port, session };
}

const located = (session: ReportSession) =>
  session.state.findings.filter((f) => f.sheet).map((f) => `${f.code} ${f.sheet}!${f.column ?? ''}${f.row ?? ''}`);
const status = (mock: ExcelMock, row: number, sheet = SHEET) => mock.sheet(sheet).cells[row - 1]?.[13];

describe('live validation in real Excel (office-addin-mock)', () => {
  afterEach(() => {
    delete (global as Record<string, unknown>).Excel;
  });

  it('edit mode: delays for cell edit where ExcelApi 1.11 has it and retries, so the edit is validated', async () => {
    const { mock, session } = await open([HEADER, goodsRow(1), goodsRow(2, '12345'), goodsRow(3)], {
      isSetSupported: upTo(1.11),
    });
    expect(located(session)).toContain(`R09 ${SHEET}!B3`);
    expect(mock.runOptions).toContainEqual({ delayForCellEdit: true });

    // The user is typing in the next cell: Excel refuses the read and the write three times.
    mock.failures.push('InvalidOperationInCellEditMode', 'InvalidOperationInCellEditMode');
    await mock.userEdit(SHEET, 'B3', '01234567897');
    mock.failures.push('InvalidOperationInCellEditMode');
    await settled(session);
    expect(session.state.error).toBeNull();
    expect(located(session)).not.toContain(`R09 ${SHEET}!B3`);
    expect(status(mock, 3)).toBe('OK');
    session.stop();
  });

  it('edit mode below ExcelApi 1.11: no delay option, the same retry', async () => {
    const { mock, session } = await open([HEADER, goodsRow(1), goodsRow(2, '12345')]);
    expect(mock.runOptions.every((o) => o === undefined)).toBe(true);
    mock.failures.push('InvalidOperationInCellEditMode', 'InvalidOperationInCellEditMode');
    await mock.userEdit(SHEET, 'B3', '01234567897');
    await settled(session);
    expect(located(session)).toEqual([]);
    expect(status(mock, 3)).toBe('OK');
    session.stop();
  });

  it('a failed write batch: events on again, the findings shown, the status written later', async () => {
    const { mock, session } = await open([HEADER, goodsRow(1), goodsRow(2, '12345'), goodsRow(3)]);
    expect(status(mock, 3)).toBe('Errore (R09)');

    mock.protect(SHEET);
    await mock.userEdit(SHEET, 'B3', '01234567897');
    await settled(session);
    // The write failed: events are on again, the pane says so, the findings are current.
    expect(mock.eventsEnabled).toBe(true);
    expect(session.state.error).toMatch(/protetto/);
    expect(located(session)).toEqual([]);
    expect(status(mock, 3)).toBe('Errore (R09)');

    // Not marked as written: the next edit of the row writes it.
    mock.protect(SHEET, false);
    await mock.userEdit(SHEET, 'C3', 'F-2bis');
    await settled(session);
    expect(status(mock, 3)).toBe('OK');
    expect(session.state.error).toBeNull();
    session.stop();
  });

  it('an edit made while the add-in’s own write is in flight is validated', async () => {
    const { mock, session } = await open([HEADER, goodsRow(1), goodsRow(2, '12345'), goodsRow(3)]);
    // First sync after the edit: the row's read; second: the status write, during which the
    // user types an invalid tax code in row 4.
    mock.duringSync = () => {
      mock.duringSync = () => mock.userEdit(SHEET, 'B4', '999');
    };
    await mock.userEdit(SHEET, 'B3', '01234567897');
    await settled(session);
    expect(located(session)).toEqual([`R09 ${SHEET}!B4`]);
    expect(status(mock, 3)).toBe('OK');
    expect(status(mock, 4)).toBe('Errore (R09)');
    session.stop();
  });

  it('deleted and inserted cells shift the rows: the sheet is read again, statuses line up', async () => {
    const { mock, session } = await open([HEADER, goodsRow(1), goodsRow(2), goodsRow(3, '12345'), goodsRow(4)]);
    expect(located(session)).toEqual([`R09 ${SHEET}!B4`]);

    // The user deletes A3:N3 shifting cells up (CellDeleted): rows 4–5 become 3–4.
    await mock.deleteCellsUp(SHEET, 'A3:N3');
    await settled(session);
    expect(session.state.rowCount).toBe(3);
    expect(located(session)).toEqual([`R09 ${SHEET}!B3`]);
    expect([status(mock, 2), status(mock, 3), status(mock, 4)]).toEqual(['OK', 'Errore (R09)', 'OK']);

    // A whole row inserted above row 2 (RowInserted).
    await mock.insertRows(SHEET, 2, 1);
    await settled(session);
    expect(session.state.rowCount).toBe(3);
    expect(located(session)).toEqual([`R09 ${SHEET}!B4`]);
    expect(status(mock, 4)).toBe('Errore (R09)');
    session.stop();
  });

  it('a renamed sheet (no event below ExcelApi 1.17) keeps working and is re-read under its new name', async () => {
    const { mock, session } = await open([HEADER, goodsRow(1), goodsRow(2, '12345')]);
    await mock.renameSheet(SHEET, 'Beni 2026');
    await mock.userEdit('Beni 2026', 'B3', '01234567897');
    await settled(session);
    expect(session.state.error).toBeNull();
    expect(located(session)).toEqual([]);
    expect(status(mock, 3, 'Beni 2026')).toBe('OK');
    expect(session.state.tables.map((t) => t.sheet)).toEqual(['Beni 2026']);

    // Later edits go on working on the renamed sheet.
    await mock.userEdit('Beni 2026', 'B2', '12345');
    await settled(session);
    expect(located(session)).toEqual(['R09 Beni 2026!B2']);
    session.stop();
  });

  it('with ExcelApi 1.17 the rename event alone re-reads the sheet', async () => {
    const { mock, session } = await open([HEADER, goodsRow(1)], { isSetSupported: upTo(1.17) }, { nameEvents: true });
    expect(mock.handlerCount('name')).toBe(1);
    await mock.renameSheet(SHEET, 'Acquisti');
    await settled(session);
    expect(session.state.tables.map((t) => t.sheet)).toEqual(['Acquisti']);
    session.stop();
  });

  it('a drop-down pick that fires no onChanged is validated when the user leaves the row', async () => {
    const { mock, session } = await open([HEADER, goodsRow(1), goodsRow(2), goodsRow(3)]);
    expect(mock.handlerCount('selection')).toBe(1);
    await mock.userSelect(SHEET, 'I3');
    mock.silentEdit(SHEET, 'I3', 'contanti');
    await mock.userSelect(SHEET, 'B4');
    await settled(session);
    expect(located(session)).toEqual([`R10 ${SHEET}!I3`]);
    expect(status(mock, 3)).toBe('Errore (R10)');

    // Moving over rows that did not change reads them and writes nothing.
    const writes = mock.writes.length;
    await mock.userSelect(SHEET, 'B2');
    await mock.userSelect(SHEET, 'B3');
    await settled(session);
    expect(mock.writes.length).toBe(writes);
    session.stop();
  });

  it('a formula result that changed with no event is caught by the periodic re-read, quietly', async () => {
    const { mock, session } = await open([HEADER, goodsRow(1), goodsRow(2)], { rescanMs: 40 });
    let published = 0;
    session.subscribe(() => (published += 1));
    // Nothing changed: the re-read (it did run: more round trips) neither writes nor redraws.
    const writes = mock.writes.length;
    const syncs = mock.syncs;
    await until(() => mock.syncs >= syncs + 2);
    await session.whenIdle();
    expect(mock.writes.length).toBe(writes);
    expect(published).toBe(0);
    // A computed amount (here set with no event, as a recalculated formula) now exceeds its total.
    mock.silentEdit(SHEET, 'G3', 99);
    await until(() => located(session).includes(`R11 ${SHEET}!G3`));
    expect(located(session)).toContain(`R11 ${SHEET}!G3`);
    expect(status(mock, 3)).toMatch(/^Errore \(.*R11/);
    session.stop();
  });

  it('a wide block over the payload limit is read again in smaller blocks', async () => {
    const extra = Array.from({ length: 48 }, (_, i) => `Note ${i + 1}`);
    const cells = [
      [...HEADER, ...extra],
      ...Array.from({ length: 1999 }, (_, i) => [...goodsRow(i + 1), ...extra.map((x) => `${x} riga ${i + 2}`)]),
    ];
    // 60 columns × 2,000 rows; Excel answers at most 50,000 cells per round trip here.
    const { mock, session } = await open(cells, {}, { maxCellsPerSync: 50_000 });
    expect(session.state.error).toBeNull();
    expect(session.state.rowCount).toBe(1999);
    expect(Math.max(...mock.syncCells)).toBeLessThanOrEqual(50_000);
    session.stop();
  }, 20_000);

  it('a stray value far to the right costs one small block, not the empty columns before it', async () => {
    const cells: (string | number)[][] = [HEADER, ...Array.from({ length: 3000 }, (_, i) => goodsRow(i + 1))];
    const stray: (string | number)[] = [...goodsRow(2500)];
    while (stray.length < 4999) stray.push('');
    stray.push('x'); // GJH2501: column 5,000
    cells[2500] = stray;
    const mock = new ExcelMock([{ name: SHEET, cells }]);
    (global as Record<string, unknown>).Excel = mock.excel;
    const port = new OfficeWorkbook(FAST);
    await port.listSheets();
    const block = await port.readBlock(SHEET);
    // Listing with the first block (A1:BL3125), the sizes of the two halves right of it, the stray.
    expect(mock.syncs).toBe(3);
    expect(block.values).toHaveLength(3001);
    expect(block.values[2500][4999]).toBe('x');
    expect(block.values[2500][2]).toBe('F-2500');
    // Rows are not padded to 5,000 columns.
    expect(block.values[1]).toHaveLength(12);
  });

  it('records a subscription only once its round trip succeeded', async () => {
    const mock = new ExcelMock([{ name: SHEET, cells: [HEADER, goodsRow(1), goodsRow(2, '12345')] }]);
    (global as Record<string, unknown>).Excel = mock.excel;
    const session = new ReportSession(new OfficeWorkbook(FAST), context());
    // The first batch (the listing, carrying the subscription) fails.
    mock.failures.push('GeneralException');
    await session.start();
    await settled(session);
    expect(mock.handlerCount()).toBe(1);
    await session.refresh();
    await mock.userEdit(SHEET, 'B3', '01234567897');
    await settled(session);
    expect(located(session)).toEqual([]);
    session.stop();
  });

  it('below ExcelApi 1.14 its own writes are recognised by the addresses written, not by a time window', async () => {
    // A host that neither marks the add-in's events nor silences them while events are off.
    const mock = new ExcelMock([{ name: SHEET, cells: [HEADER, goodsRow(1)] }], {
      triggerSource: false,
      suppressOwnEvents: false,
    });
    (global as Record<string, unknown>).Excel = mock.excel;
    const port = new OfficeWorkbook(FAST);
    const changes: unknown[] = [];
    const stop = port.onChange((change) => changes.push(change));
    await port.listSheets();
    await port.writeColumn(SHEET, 'N', 2, ['OK']);
    await new Promise((r) => setTimeout(r, 20));
    expect(changes).toEqual([]);
    // The same cell edited by the user afterwards counts.
    await mock.userEdit(SHEET, 'N2', 'x');
    await new Promise((r) => setTimeout(r, 20));
    expect(changes).toEqual([{ sheet: SHEET, rows: { first: 2, last: 2 }, columns: { first: 14, last: 14 } }]);
    stop();
  });

  it('reports the cell the user selects (documents attach to its row)', async () => {
    const { mock, port, session } = await open([HEADER, goodsRow(1)]);
    const selected: unknown[] = [];
    port.onSelect((selection) => selected.push(selection));
    await mock.userSelect(SHEET, 'C2');
    expect(selected).toEqual([{ sheet: SHEET, address: 'C2' }]);
    session.stop();
  });

  it('leaves co-authors’ edits to their own pane', async () => {
    const { mock, session } = await open([HEADER, goodsRow(1), goodsRow(2, '12345')]);
    const syncs = mock.syncs;
    await mock.remoteEdit(SHEET, 'B3', '01234567897');
    await settled(session);
    expect(mock.syncs).toBe(syncs);
    session.stop();
  });

  it('keeps the partner’s conditional formats on the status column and one rule of its own', async () => {
    const cells = [HEADER, goodsRow(1), goodsRow(2, '12345')];
    const mock = new ExcelMock([{ name: SHEET, cells }]);
    mock.addPartnerFormat(SHEET, 'N2:N50', 'ContainsText', { operator: 'Contains', text: 'Avviso' });
    (global as Record<string, unknown>).Excel = mock.excel;
    for (let pane = 0; pane < 2; pane++) {
      const session = new ReportSession(new OfficeWorkbook(FAST), context());
      await session.start();
      await settled(session);
      session.stop();
    }
    expect(mock.conditionalFormats.map((f) => `${f.address} ${JSON.stringify(f.rule)}`)).toEqual([
      'N2:N50 {"operator":"Contains","text":"Avviso"}',
      'N2:N3 {"operator":"BeginsWith","text":"Errore"}',
    ]);
  });

  it('a pass over an unchanged sheet writes nothing (the user’s undo stack stays as it was)', async () => {
    const { mock, session } = await open([HEADER, goodsRow(1), goodsRow(2, '12345')]);
    const writes = mock.writes.length;
    await session.refresh();
    // An edit that leaves the row's status as it was writes nothing either.
    await mock.userEdit(SHEET, 'A2', 'Cartoleria Bianchi srl');
    await settled(session);
    expect(mock.writes.length).toBe(writes);
    session.stop();
  });

  it('a status the user restores (Ctrl+Z of the add-in’s write) is left as the user put it', async () => {
    const { mock, session } = await open([HEADER, goodsRow(1), goodsRow(2, '12345')]);
    await mock.userEdit(SHEET, 'B3', '01234567897');
    await settled(session);
    expect(status(mock, 3)).toBe('OK');
    // Undo brings the old status back: an edit of the status column only.
    const syncs = mock.syncs;
    await mock.userEdit(SHEET, 'N3', 'Errore (R09)');
    await settled(session);
    expect(mock.syncs).toBe(syncs);
    expect(status(mock, 3)).toBe('Errore (R09)');
    // The next edit of the row writes the status again.
    await mock.userEdit(SHEET, 'C3', 'F-2bis');
    await settled(session);
    expect(status(mock, 3)).toBe('OK');
    session.stop();
  });

  it('reads dates of a 1904-date workbook as the days they show', async () => {
    const shifted = (i: number) => {
      const row = goodsRow(i);
      row[3] = (row[3] as number) - 1462;
      row[7] = (row[7] as number) - 1462;
      return row;
    };
    const { session, port } = await open([HEADER, shifted(1), shifted(2)], {}, { date1904: true });
    expect((port as WorkbookPort).dateSystem?.()).toBe(1904);
    expect(located(session)).toEqual([]);
    expect(session.rows()[0]).toMatchObject({ invoiceDate: 46063, paymentDate: 46070 });
    session.stop();
  });
});
