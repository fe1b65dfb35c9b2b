// Ribbon command "Crea modello": registered by name, writes the blank sheets through the Excel
// adapter, and always completes the event, also when Excel fails.
import { ExcelMock } from './excel-mock';
import { OfficeMockObject } from 'office-addin-mock';

type Handler = (event: { completed: () => void }) => Promise<void>;

describe('commands', () => {
  const registered = new Map<string, Handler>();

  beforeAll(async () => {
    (global as Record<string, unknown>).Office = new OfficeMockObject({
      onReady: async (callback: () => void) => callback(),
      actions: { associate: (name: string, handler: Handler) => registered.set(name, handler) },
    });
    await import('../../../addin/commands/commands');
  });

  afterAll(() => {
    delete (global as Record<string, unknown>).Office;
    delete (global as Record<string, unknown>).Excel;
  });

  it('registers createTemplate, adds the template sheets in one batch and completes', async () => {
    const mock = new ExcelMock([{ name: 'Foglio1', cells: [] }]);
    (global as Record<string, unknown>).Excel = mock.excel;
    const completed = jest.fn();
    await registered.get('createTemplate')?.({ completed });
    expect(completed).toHaveBeenCalledTimes(1);
    expect(mock.sheet('Beni di consumo').cells[0]).toContain('P.IVA / C.F.');
    // One sync for the listing, one for every write of the template.
    expect(mock.syncs).toBe(2);
  });

  it('completes the event when Excel fails', async () => {
    (global as Record<string, unknown>).Excel = {
      run: async () => {
        throw new Error('RichApi.Error');
      },
    };
    const completed = jest.fn();
    await registered.get('createTemplate')?.({ completed });
    expect(completed).toHaveBeenCalledTimes(1);
  });
});
