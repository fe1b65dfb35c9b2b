// The pane's controller on an in-memory workbook: row ids written only where absent, one status
// column, live re-validation of the edited rows, the user's mapping corrections, the blank template.
import { FileWorkbook } from '../../../addin/file/file-workbook';
import { ReportSession } from '../../../addin/app/report-session';
import { writeTemplate } from '../../../addin/app/template-writer';
import { getAgreement } from '../../../shared/agreement/agreements';
import type { Agreement } from '../../../shared/agreement/agreement';
import { INVOICE_HEADERS } from '../../fixtures/invoice-headers';

const agreement = getAgreement('crema-2026-2028') as Agreement;
const context = { agreement, programme: 'P1', partner: 'koala', year: 2026, today: '2026-11-20' };
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

const HEADER = [...INVOICE_HEADERS, 'Documenti'];
const row = (n: string, supplierId = '01234567897') => [
  'Rossi srl',
  supplierId,
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

async function started(sheets: { name: string; rows: unknown[][] }[]) {
  const workbook = new FileWorkbook(sheets.map((s) => ({ name: s.name, rows: s.rows as never })));
  const session = new ReportSession(workbook, context);
  await session.start();
  return { workbook, session, cells: (sheet: string) => workbook.sheets.find((s) => s.name === sheet)?.rows };
}

const located = (session: ReportSession) =>
  session.state.findings.filter((f) => f.sheet).map((f) => `${f.code} ${f.sheet}!${f.column ?? ''}${f.row ?? ''}`);

describe('ReportSession', () => {
  it('keeps existing row ids, writes the missing ones and one status column', async () => {
    const { session, cells, workbook } = await started([
      {
        name: 'Beni di consumo',
        rows: [[...HEADER, 'ID riga'], [...row('F-1'), 'mio-id-1'], row('F-2', '123'), [...row('F-3'), 'mio-id-3']],
      },
    ]);
    const sheet = cells('Beni di consumo') as unknown[][];
    expect(sheet.map((r) => r.slice(12))).toEqual([
      ['ID riga', 'Esito verifica'],
      ['mio-id-1', 'OK'],
      [expect.stringMatching(/^r-[0-9a-z]{12}$/), 'Errore (R09)'],
      ['mio-id-3', 'OK'],
    ]);
    expect(workbook.sheets[0].statusFormat).toEqual({ column: 14, firstRow: 2, lastRow: 4 });
    const idBefore = sheet[2][12];

    // A second pass reuses both columns and the id just written.
    await session.refresh();
    expect(sheet[0]).toHaveLength(14);
    expect(sheet[2][12]).toBe(idBefore);
    expect(session.rows().map((r) => r.rowId)).toEqual(['mio-id-1', idBefore, 'mio-id-3']);
  });

  it('re-validates only the edited rows, also the rows they share a group with', async () => {
    const { session, workbook, cells } = await started([
      { name: 'Beni di consumo', rows: [HEADER, row('F-1'), row('F-1')] },
    ]);
    // The same invoice twice exceeds its total (R12) on both rows.
    expect(located(session)).toEqual(['R12 Beni di consumo!G2', 'R12 Beni di consumo!G3']);
    workbook.editCell('Beni di consumo', 3, 3, 'F-2');
    await session.whenIdle();
    expect(located(session)).toEqual([]);
    expect((cells('Beni di consumo') as unknown[][]).map((r) => r[13])).toEqual(['Esito verifica', 'OK', 'OK']);

    // Clearing a row removes it from the report.
    for (let c = 1; c <= 12; c++) workbook.editCell('Beni di consumo', 3, c, null);
    await session.whenIdle();
    expect(session.state.rowCount).toBe(1);
  });

  it('validates a row typed below the table and extends the status format to it', async () => {
    const { session, workbook, cells } = await started([{ name: 'Beni di consumo', rows: [HEADER, row('F-1')] }]);
    row('F-2', '999').forEach((value, i) => workbook.editCell('Beni di consumo', 3, i + 1, value as never));
    await session.whenIdle();
    expect(located(session)).toEqual(['R09 Beni di consumo!B3']);
    const sheet = cells('Beni di consumo') as unknown[][];
    expect(sheet[2][12]).toMatch(/^r-/);
    expect(sheet[2][13]).toBe('Errore (R09)');
    expect(workbook.sheets[0].statusFormat).toEqual({ column: 14, firstRow: 2, lastRow: 3 });
  });

  it('applies the user’s choice of BENI or SERV and of a column the detection missed', async () => {
    const header = [...HEADER];
    header[6] = 'Quota progetto';
    const { session } = await started([{ name: 'Fatture 2026', rows: [header, row('F-1')] }]);
    expect(
      session.state.findings
        .map((f) => f.code)
        .filter((c) => c.startsWith('M'))
        .sort(),
    ).toEqual(['M05']); // DOMAIN §7: a partial header is not a table until the user maps it
    expect(session.state.tables[0]).toMatchObject({ status: 'partial', missingRequired: ['amount'] });
    expect(session.state.tables[0].unmatchedHeaders).toContainEqual({ column: 'G', label: 'Quota progetto' });

    await session.setOverride('Fatture 2026', { category: 'SERV' });
    await session.setOverride('Fatture 2026', { columns: { amount: 'G' } });
    expect(session.state.tables[0]).toMatchObject({
      category: 'SERV',
      categorySource: 'override',
      missingRequired: [],
    });
    expect(located(session)).toEqual([]);
    expect(session.rows()[0]).toMatchObject({ category: 'SERV', amount: 100 });
  });

  it('creates the blank reporting sheets through the port, with bounded drop-downs', async () => {
    const workbook = new FileWorkbook([]);
    const created = await writeTemplate(workbook, agreement);
    expect(created).toEqual(
      expect.arrayContaining(['Personale', 'Beni di consumo', 'Servizi', 'Spese generali', 'Cofinanziamento']),
    );
    const goods = workbook.sheets.find((s) => s.name === 'Beni di consumo');
    expect(goods?.rows[0]).toContain('P.IVA / C.F.');
    expect(goods?.validations.length).toBeGreaterThan(0);
    for (const v of goods?.validations ?? []) expect(v.range).toMatch(/^[A-Z]+2:[A-Z]+501$/);
    expect(new Set(goods?.validations.map((v) => v.rule.kind))).toEqual(new Set(['list', 'decimal', 'date']));

    const session = new ReportSession(workbook, context);
    await session.start();
    expect(
      session.state.tables
        .filter((t) => t.headerRow === 1)
        .map((t) => t.category)
        .sort(),
    ).toEqual(['BENI', 'COFIN', 'GEN', 'PERS', 'SERV']);
    expect(session.state.rowCount).toBe(0);
    // Existing sheets are left alone the second time.
    expect(await writeTemplate(workbook, agreement)).toEqual([]);
  });

  it('inside Excel, hours typed as 37:30 arrive as 1,5625 days: the row says so, on the hours cell', async () => {
    // Office.js gives a time cell's number, not its format: what the pane's Excel mode reads.
    const header = ['Nominativo', 'Codice fiscale', 'Tipo rapporto', 'Qualifica', 'Programma', 'Azione', 'Mese'];
    const person = ['Mario Rossi', 'RSSMRA80A01H501U', 'dipendente', 'educatore', 'P1', 'A1', '10/2026'];
    const { session, cells } = await started([
      {
        name: 'Personale',
        rows: [
          [...header, 'Ore', 'Costo orario', 'Importo', 'Documenti'],
          [...person, 37.5 / 24, 20, 750, 'timesheet; bonifico; F24'],
        ],
      },
    ]);
    expect(located(session).filter((f) => f.startsWith('R0'))).toEqual(['R05 Personale!H2']);
    expect(session.state.findings.find((f) => f.code === 'R05')?.message).toMatch(/37:30.*\(37,5\)/);
    expect((cells('Personale') as unknown[][])[1]).toContain('Errore (R05)');
  });
});
