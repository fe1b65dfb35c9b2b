// The user's mapping corrections (BENI/SERV, a column) are kept with the workbook and re-applied
// when it is opened again: in Excel through the document's settings, for a dropped file per file
// name in the browser's storage. Malformed stored values are dropped, never fatal.
import { ExcelMock } from './excel-mock';
import { OfficeMockObject } from 'office-addin-mock';
import { OfficeWorkbook } from '../../../addin/office/office-workbook';
import { FileWorkbook, type SettingsStorage } from '../../../addin/file/file-workbook';
import { ReportSession } from '../../../addin/app/report-session';
import { MAPPING_SETTINGS_KEY, readMappingOverrides } from '../../../addin/app/mapping-settings';
import { getAgreement } from '../../../shared/agreement/agreements';
import type { Agreement } from '../../../shared/agreement/agreement';

const agreement = getAgreement('crema-2026-2028') as Agreement;
const context = { agreement, programme: 'P1', partner: 'koala', year: 2026, today: '2026-11-20' };
const SHEET = 'Fatture 2026';
// "Quota progetto" is not a known header; nothing says whether the sheet is goods or services.
const HEADER = [
  'Fornitore',
  'P.IVA / C.F.',
  'N. fattura',
  'Data fattura',
  'Tipo spesa',
  'Totale fattura',
  'Quota progetto',
  'Data pagamento',
  'Modalità pagamento',
  'Programma',
  'Azione',
  'Documenti',
];
// 46300 = 05/10/2026, 46310 = 15/10/2026 (Excel serials).
const ROW = [
  'Rossi srl',
  '01234567897',
  'F-1',
  46300,
  'materiale di consumo',
  100,
  100,
  46310,
  'bonifico',
  'P1',
  'A1',
  'fattura; pagamento',
];

const mappingCodes = (session: ReportSession) =>
  session.state.findings
    .map((f) => f.code)
    .filter((c) => c.startsWith('M'))
    .sort();

async function correct(session: ReportSession): Promise<void> {
  await session.setOverride(SHEET, { category: 'SERV' });
  await session.setOverride(SHEET, { columns: { amount: 'G' } });
}

describe('mapping corrections kept in the document settings (Excel)', () => {
  const stored = new Map<string, unknown>();
  let saves = 0;

  beforeEach(() => {
    stored.clear();
    saves = 0;
    (global as Record<string, unknown>).Office = new OfficeMockObject({
      context: {
        document: {
          settings: {
            get: (key: string) => (stored.has(key) ? structuredClone(stored.get(key)) : null),
            set: (key: string, value: unknown) => stored.set(key, structuredClone(value)),
            saveAsync: (callback: (result: { status: string }) => void) => {
              saves += 1;
              callback({ status: 'succeeded' });
            },
          },
        },
      },
    });
  });

  afterEach(() => {
    delete (global as Record<string, unknown>).Office;
    delete (global as Record<string, unknown>).Excel;
  });

  it('saves the corrections and re-applies them when the pane opens the workbook again', async () => {
    const mock = new ExcelMock([{ name: SHEET, cells: [HEADER, ROW] }]);
    (global as Record<string, unknown>).Excel = mock.excel;
    const first = new ReportSession(new OfficeWorkbook({ debounceMs: 0 }), context);
    await first.start();
    expect(mappingCodes(first)).toEqual(['M05']);
    await correct(first);
    first.stop();
    expect(saves).toBe(2);
    expect(stored.get(MAPPING_SETTINGS_KEY)).toEqual({ [SHEET]: { category: 'SERV', columns: { amount: 'G' } } });

    // A new pane on the same document: no correction typed again.
    const syncsBefore = mock.syncs;
    const second = new ReportSession(new OfficeWorkbook({ debounceMs: 0 }), context);
    await second.start();
    expect(second.state.tables[0]).toMatchObject({ category: 'SERV', categorySource: 'override', missingRequired: [] });
    expect(mappingCodes(second)).toEqual([]);
    expect(second.rows()[0]).toMatchObject({ category: 'SERV', amount: 100 });
    // Reading the settings costs no Excel round trip: listing + one write batch, as before.
    expect(mock.syncs - syncsBefore).toBe(2);
    second.stop();
  });

  it('validates as on a first opening when the stored value is malformed or saving fails', async () => {
    stored.set(MAPPING_SETTINGS_KEY, 'non un oggetto');
    const mock = new ExcelMock([{ name: SHEET, cells: [HEADER, ROW] }]);
    (global as Record<string, unknown>).Excel = mock.excel;
    const office = (global as unknown as { Office: { context: { document: { settings: { saveAsync: unknown } } } } })
      .Office;
    office.context.document.settings.saveAsync = (callback: (result: { status: string }) => void) =>
      callback({ status: 'failed' });
    const session = new ReportSession(new OfficeWorkbook({ debounceMs: 0 }), context);
    await session.start();
    expect(mappingCodes(session)).toEqual(['M05']);
    await correct(session);
    // Not saved, still in force for this pane.
    expect(session.state.tables[0]).toMatchObject({ category: 'SERV', missingRequired: [] });
    expect(session.state.error).toBeNull();
    session.stop();
  });
});

describe('mapping corrections of a dropped file (browser storage, per file name)', () => {
  function memoryStorage(): SettingsStorage & { data: Map<string, string> } {
    const data = new Map<string, string>();
    return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v) };
  }
  const workbook = (name: string, storage: SettingsStorage | null) =>
    new FileWorkbook([{ name: SHEET, rows: [HEADER, ROW.slice()] as never }], name, storage);

  it('re-applies the corrections to the same file name, not to another file', async () => {
    const storage = memoryStorage();
    const first = new ReportSession(workbook('rendiconto-koala.xlsx', storage), context);
    await first.start();
    await correct(first);
    expect([...storage.data.keys()]).toEqual([`rendiconta.file.rendiconto-koala.xlsx.${MAPPING_SETTINGS_KEY}`]);

    const again = new ReportSession(workbook('rendiconto-koala.xlsx', storage), context);
    await again.start();
    expect(again.state.tables[0]).toMatchObject({ category: 'SERV', missingRequired: [] });

    const other = new ReportSession(workbook('altro.xlsx', storage), context);
    await other.start();
    expect(mappingCodes(other)).toEqual(['M05']);
  });

  it('keeps them in memory when there is no storage', async () => {
    const file = workbook('senza-storage.xlsx', null);
    await file.saveSettings('k', { a: 1 });
    expect(await file.loadSettings('k')).toEqual({ a: 1 });
    expect(await file.loadSettings('altro')).toBeNull();
  });
});

describe('readMappingOverrides', () => {
  it('keeps valid corrections and drops the rest', () => {
    expect(
      readMappingOverrides({
        [SHEET]: { category: 'SERV', headerRow: 2, columns: { amount: 'G', vat: null, bad: 'G1', worse: 7 } },
        Altro: { category: 'XYZ', headerRow: -1 },
        Lista: ['x'],
      }),
    ).toEqual({ [SHEET]: { category: 'SERV', headerRow: 2, columns: { amount: 'G', vat: null } } });
    expect(readMappingOverrides(null)).toEqual({});
    expect(readMappingOverrides('x')).toEqual({});
  });
});
