// Ribbon command "Crea modello": registered by name, writes the blank sheets through the Excel
// adapter, always completes the event, and reports a failure in the add-in's dialog.
import { ExcelMock } from './excel-mock';
import { OfficeMockObject } from 'office-addin-mock';

type Handler = (event: { completed: () => void }) => Promise<void>;

describe('commands', () => {
  const registered = new Map<string, Handler>();
  const dialogs: string[] = [];

  beforeAll(async () => {
    (global as Record<string, unknown>).Office = new OfficeMockObject({
      onReady: async (callback: () => void) => callback(),
      actions: { associate: (name: string, handler: Handler) => registered.set(name, handler) },
      context: {
        ui: {
          displayDialogAsync: (url: string, _options: unknown, callback: (r: unknown) => void) => {
            dialogs.push(url);
            callback({ status: 'succeeded' });
          },
        },
      },
    });
    await import('../../../addin/commands/commands');
  });

  beforeEach(() => {
    dialogs.length = 0;
  });

  afterAll(() => {
    delete (global as Record<string, unknown>).Office;
    delete (global as Record<string, unknown>).Excel;
  });

  const message = (url: string) => new URL(url).searchParams.get('messaggio');

  it('registers createTemplate, adds the template sheets in one batch and completes', async () => {
    const mock = new ExcelMock([{ name: 'Foglio1', cells: [] }]);
    (global as Record<string, unknown>).Excel = mock.excel;
    const completed = jest.fn();
    await registered.get('createTemplate')?.({ completed });
    expect(completed).toHaveBeenCalledTimes(1);
    expect(mock.sheet('Beni di consumo').cells[0]).toContain('P.IVA / C.F.');
    // One sync for the listing, one for every write of the template.
    expect(mock.syncs).toBe(2);
    expect(dialogs).toEqual([]);
  });

  it('leaves a sheet that exists with other capitals alone (Excel compares names case-insensitively)', async () => {
    const mock = new ExcelMock([{ name: 'beni di consumo', cells: [['mio']] }]);
    (global as Record<string, unknown>).Excel = mock.excel;
    const completed = jest.fn();
    await registered.get('createTemplate')?.({ completed });
    expect(completed).toHaveBeenCalledTimes(1);
    expect(dialogs).toEqual([]);
    expect(mock.sheet('beni di consumo').cells).toEqual([['mio']]);
    // The batch ran: the other sheets got their drop-downs.
    expect(mock.validations.some((v) => v.sheet === 'Servizi')).toBe(true);
  });

  it('completes the event and says in Italian what failed, without claiming a rollback', async () => {
    const mock = new ExcelMock([{ name: 'Foglio1', cells: [] }]);
    (global as Record<string, unknown>).Excel = mock.excel;
    // The listing succeeds; the write batch is refused (a protected workbook structure).
    mock.duringSync = () => {
      mock.duringSync = () => {
        mock.failures.push('AccessDenied');
      };
    };
    const completed = jest.fn();
    await registered.get('createTemplate')?.({ completed });
    expect(completed).toHaveBeenCalledTimes(1);
    expect(dialogs).toHaveLength(1);
    expect(dialogs[0]).toMatch(/auth-dialog\.html\?messaggio=/);
    expect(message(dialogs[0])).toMatch(/^Fogli del modello non creati \(.*Beni di consumo.*\): .*protett/);
    expect(message(dialogs[0])).toMatch(/I fogli già aggiunti restano: ripeti il comando/);
  });

  it('completes the event when Excel fails outright', async () => {
    (global as Record<string, unknown>).Excel = {
      run: async () => {
        throw new Error('RichApi.Error');
      },
    };
    const completed = jest.fn();
    await registered.get('createTemplate')?.({ completed });
    expect(completed).toHaveBeenCalledTimes(1);
    expect(message(dialogs[0])).toBe(
      'Impossibile leggere i fogli della cartella: Excel ha rifiutato l’operazione. Riprova.',
    );
  });
});
