// Excel round trips of live validation, counted on the mocked Excel (test/unit/addin/excel-mock-core.ts):
// a full pass over 10,000 rows, one edited cell, an inserted row, the row left after a drop-down
// pick, and the largest payload of one round trip in cells. Round trips, not milliseconds: in
// Excel on the web each one is a network request, so a change that adds one shows here.
import { ExcelMock } from '../test/unit/addin/excel-mock-core';
import { OfficeWorkbook, BLOCK_CELLS } from '../addin/office/office-workbook';
import { ReportSession } from '../addin/app/report-session';
import { getAgreement } from '../shared/agreement/agreements';
import type { Agreement } from '../shared/agreement/agreement';
import { INVOICE_SHEET_HEADER as HEADER, invoiceSheetRow } from '../test/fixtures/invoice-headers';

const ROWS = 10_000;
const SHEET = 'Beni di consumo';

/** A valid row; every 500th has a supplier id that is neither a VAT number nor a tax code (R09). */
const row = (i: number) => invoiceSheetRow(i, i % 500 === 0 ? '12345' : undefined);

async function idle(session: ReportSession): Promise<void> {
  for (let i = 0; i < 3; i++) {
    await new Promise((r) => setTimeout(r, 10));
    await session.whenIdle();
  }
}

export async function run(): Promise<Record<string, unknown>> {
  const agreement = getAgreement('crema-2026-2028') as Agreement;
  const mock = new ExcelMock([{ name: SHEET, cells: [HEADER, ...Array.from({ length: ROWS }, (_, i) => row(i + 1))] }]);
  (globalThis as Record<string, unknown>).Excel = mock.excel;
  const port = new OfficeWorkbook({ debounceMs: 0, rescanMs: 0 });
  const session = new ReportSession(port, {
    agreement,
    programme: 'P1',
    partner: 'koala',
    year: 2026,
    today: '2026-03-01',
  });

  await session.start();
  await idle(session);
  const fullPass = mock.syncs;

  let before = mock.syncs;
  await mock.userEdit(SHEET, 'B501', '01234567897');
  await idle(session);
  const oneEdit = mock.syncs - before;

  before = mock.syncs;
  await mock.userEdit(SHEET, 'A502', 'Cartoleria Bianchi srl');
  await idle(session);
  const editStatusUnchanged = mock.syncs - before;

  before = mock.syncs;
  await mock.insertRows(SHEET, 3, 1);
  await idle(session);
  const insertRow = mock.syncs - before;

  before = mock.syncs;
  await mock.userSelect(SHEET, 'I40');
  mock.silentEdit(SHEET, 'I40', 'contanti');
  await mock.userSelect(SHEET, 'B41');
  await idle(session);
  const rowLeftAfterPick = mock.syncs - before;

  before = mock.syncs;
  await session.refresh();
  const refreshUnchanged = mock.syncs - before;
  session.stop();

  const maxCellsPerRoundTrip = Math.max(...mock.syncCells);
  const result = {
    rows: ROWS,
    blockCells: BLOCK_CELLS,
    roundTrips: { fullPass, oneEdit, editStatusUnchanged, insertRow, rowLeftAfterPick, refreshUnchanged },
    maxCellsPerRoundTrip,
    findings: session.state.findings.length,
  };
  console.log(
    `Excel round trips (${ROWS} rows, mocked Excel): full pass ${fullPass}, one edit ${oneEdit}` +
      ` (status unchanged: ${editStatusUnchanged}), row inserted ${insertRow}, row left after a drop-down pick` +
      ` ${rowLeftAfterPick}, refresh of an unchanged sheet ${refreshUnchanged}; largest round trip ${maxCellsPerRoundTrip} cells` +
      ` (block ${BLOCK_CELLS})`,
  );
  return result;
}

if (require.main === module) {
  run().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
