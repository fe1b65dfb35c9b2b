// The pane keeps row ids stable across openings (DOMAIN §5): with the report's last version known,
// rows of a file opened afresh take the ids of the rows they are by natural key (written in the id
// column); after a submission the ids the server gave are adopted, in the id column too.
import { FileWorkbook } from '../../../addin/file/file-workbook';
import { ReportSession } from '../../../addin/app/report-session';
import { getAgreement } from '../../../shared/agreement/agreements';
import type { Agreement } from '../../../shared/agreement/agreement';
import type { RowInput } from '../../../shared/rows/rows';
import { INVOICE_HEADERS } from '../../fixtures/invoice-headers';

const agreement = getAgreement('crema-2026-2028') as Agreement;
const context = { agreement, programme: 'P1', partner: 'koala', year: 2026, today: '2026-11-20' };
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const HEADER = [...INVOICE_HEADERS, 'Documenti'];
const cells = (n: string) => [
  'Rossi srl',
  '01234567897',
  n,
  day('2026-10-05'),
  'materiale di consumo',
  100,
  100,
  day('2026-10-15'),
  'bonifico',
  'P1',
  'A1',
  'fattura; pagamento',
];

/** What the server holds for the same invoices (ids it gave them). */
function previousOf(session: ReportSession, ids: string[]): RowInput[] {
  return session.rows().map((r, i) => ({ ...r, rowId: ids[i] }));
}

function workbook(): FileWorkbook {
  return new FileWorkbook([{ name: 'Beni di consumo', rows: [HEADER, cells('F-1'), cells('F-2')] as never }]);
}

const idColumn = (wb: FileWorkbook) => wb.sheets[0].rows.slice(1).map((r) => (r as unknown[])[12]);

describe('ReportSession row identity', () => {
  it('gives a file opened afresh the ids of the report by natural key, in the id column', async () => {
    const first = new ReportSession(workbook(), context);
    await first.start();
    const previous = previousOf(first, ['srv-1', 'srv-2']);

    const wb = workbook();
    const session = new ReportSession(wb, { ...context, previousRows: previous });
    await session.start();
    expect(session.rows().map((r) => r.rowId)).toEqual(['srv-1', 'srv-2']);
    expect(idColumn(wb)).toEqual(['srv-1', 'srv-2']);
    // Without the report's state the same file gets fresh ids, as before.
    const alone = new ReportSession(workbook(), context);
    await alone.start();
    expect(alone.rows().map((r) => r.rowId)).not.toContain('srv-1');
  });

  it('adopts the ids of a submission answer, by the position of the rows sent', async () => {
    const wb = workbook();
    const session = new ReportSession(wb, context);
    await session.start();
    const sent = session.rows().map((r) => ({ sheet: r.sheet, row: r.row, rowId: r.rowId }));
    await session.adoptIds(sent, ['srv-a', 'srv-b']);
    expect(session.rows().map((r) => r.rowId)).toEqual(['srv-a', 'srv-b']);
    expect(idColumn(wb)).toEqual(['srv-a', 'srv-b']);
    expect(session.rowAt('Beni di consumo', 3)?.rowId).toBe('srv-b');
    // A row edited since it was sent (its id is no longer the one sent) keeps what it has.
    await session.adoptIds([{ ...sent[0], rowId: 'other' }], ['srv-z']);
    expect(session.rows()[0].rowId).toBe('srv-a');
  });
});
