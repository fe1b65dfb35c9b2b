import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { z } from 'zod';
import { validateCommand } from '../../../cli/validate';
import { captureIo } from '../../fixtures/cli-io';
import {
  PLANTED,
  cleanSheets,
  excelRow,
  plantedSheets,
  undecidableSheets,
  writeWorkbook,
  type SheetSpec,
} from '../../fixtures/workbooks';

// The documented JSON (ARCHITECTURE.md "Command line"): exactly these keys per finding.
const CliJsonSchema = z.strictObject({
  findings: z.array(
    z.strictObject({
      code: z.string().regex(/^[RSCM]\d{2}$/),
      severity: z.enum(['error', 'warning', 'info']),
      sheet: z.string().nullable(),
      row: z.number().int().positive().nullable(),
      column: z
        .string()
        .regex(/^[A-Z]+$/)
        .nullable(),
      field: z.string().nullable(),
      message: z.string().min(1),
    }),
  ),
  summary: z.strictObject({
    error: z.number().int().nonnegative(),
    warning: z.number().int().nonnegative(),
    info: z.number().int().nonnegative(),
  }),
});
type CliJson = z.infer<typeof CliJsonSchema>;

const CONTEXT = ['--agreement', 'crema-2026-2028', '--programme', 'P1', '--partner', 'koala', '--year', '2026'];
const TODAY = ['--today', '2026-04-15'];

let dir: string;
const files = { planted: '', synonyms: '', clean: '', undecidable: '' };

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'rendiconta-cli-'));
  const write = async (name: string, sheets: SheetSpec[]) => {
    const path = join(dir, `${name}.xlsx`);
    await writeWorkbook(path, sheets);
    return path;
  };
  files.planted = await write('planted', plantedSheets('canonical'));
  files.synonyms = await write('synonyms', plantedSheets('synonyms'));
  files.clean = await write('clean', cleanSheets());
  files.undecidable = await write('undecidable', undecidableSheets());
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function run(args: string[]) {
  const captured = captureIo();
  const code = await validateCommand(args, captured.io);
  return { code, stdout: captured.stdout(), stderr: captured.stderr() };
}

async function runJson(file: string): Promise<{ code: number; report: CliJson }> {
  const { code, stdout } = await run([file, ...CONTEXT, ...TODAY, '--json']);
  return { code, report: CliJsonSchema.parse(JSON.parse(stdout)) };
}

/** Expected errors of the planted workbook in a layout: code, sheet, Excel row, field. */
function plantedErrors(style: 'canonical' | 'synonyms') {
  const sheets = plantedSheets(style);
  return PLANTED.map((p) => {
    const spec = sheets.find((s) => s.layout.name === p.sheet) as SheetSpec;
    return { code: p.code, sheet: p.sheet, row: excelRow(spec.layout, p.record), field: p.field };
  });
}

describe('rendiconta validate', () => {
  it('prints every planted finding with sheet, row and column, and exits 1', async () => {
    const { code, stdout, stderr } = await run([files.planted, ...CONTEXT, ...TODAY]);
    expect(code).toBe(1);
    expect(stderr).toBe('');
    const { report } = await runJson(files.planted);
    for (const expected of plantedErrors('canonical')) {
      const found = report.findings.find((f) => f.code === expected.code && f.row === expected.row);
      expect(found).toMatchObject({ ...expected, severity: 'error', column: expect.stringMatching(/^[A-Z]+$/) });
      const line = `${found!.sheet}!${found!.column}${found!.row} [${found!.code}] errore: ${found!.message}`;
      expect(stdout.split('\n')).toContain(line);
    }
    expect(stdout).toMatch(/^Totale: 6 errori, \d+ avvis[oi], \d+ informazion[ei]\.$/m);
  });

  it('reports only the planted errors (clean rows stay clean)', async () => {
    const { report } = await runJson(files.planted);
    const errors = report.findings
      .filter((f) => f.severity === 'error')
      .map(({ code, sheet, row, field }) => ({ code, sheet, row, field }));
    expect(errors).toEqual(expect.arrayContaining(plantedErrors('canonical')));
    expect(errors).toHaveLength(PLANTED.length);
    expect(report.summary.error).toBe(PLANTED.length);
  });

  it('JSON output has the documented shape and a summary that counts the findings', async () => {
    const { code, report } = await runJson(files.planted);
    expect(code).toBe(1);
    for (const severity of ['error', 'warning', 'info'] as const) {
      expect(report.summary[severity]).toBe(report.findings.filter((f) => f.severity === severity).length);
    }
  });

  it('gives the same findings with synonym headers, reordered columns and a title above the header', async () => {
    const canonical = await runJson(files.planted);
    const synonyms = await runJson(files.synonyms);
    expect(synonyms.code).toBe(1);
    // Rows shift by the two title rows; columns move: compare by code, sheet, row offset, field.
    const key = (titleRows: number) => (f: CliJson['findings'][number]) =>
      `${f.code}|${f.severity}|${f.sheet}|${f.row === null ? '-' : f.row - titleRows}|${f.field}`;
    expect(synonyms.report.findings.map(key(2)).sort()).toEqual(canonical.report.findings.map(key(0)).sort());
    expect(synonyms.report.summary).toEqual(canonical.report.summary);
    const r05 = synonyms.report.findings.find((f) => f.code === 'R05');
    expect(r05?.column).not.toBe(canonical.report.findings.find((f) => f.code === 'R05')?.column);
  });

  it('exits 0 on a clean workbook', async () => {
    const { code, stdout } = await run([files.clean, ...CONTEXT, ...TODAY]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Totale: 0 errori/m);
  });

  it('exits 2 when the file cannot be read', async () => {
    const garbage = join(dir, 'garbage.xlsx');
    writeFileSync(garbage, 'questo non è un file excel');
    const unreadable = await run([garbage, ...CONTEXT, ...TODAY]);
    expect(unreadable.code).toBe(2);
    expect(unreadable.stderr).toContain('impossibile leggere');
    const missing = await run([join(dir, 'missing.xlsx'), ...CONTEXT, ...TODAY]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('il file non esiste');
  });

  it('exits 2 and says so when BENI/SERV cannot be decided', async () => {
    const { code, stdout, stderr } = await run([files.undecidable, ...CONTEXT, ...TODAY]);
    expect(code).toBe(2);
    expect(stderr).toContain('«Fatture»');
    expect(stderr).toContain('BENI');
    expect(stderr).toContain('SERV');
    expect(stdout).toContain('[M03] errore');
  });

  it('exits 2 when no sheet has a recognisable header', async () => {
    const path = join(dir, 'notes.xlsx');
    await writeWorkbook(path, [
      { layout: { name: 'Note', columns: [{ field: 'x', header: 'Appunti' }] }, records: [{ x: 'testo' }] },
    ]);
    const { code, stderr, stdout } = await run([path, ...CONTEXT, ...TODAY]);
    expect(code).toBe(2);
    expect(stderr).toContain('Nessuna tabella');
    expect(stdout).toContain('Note [M01] avviso');
  });

  it('gives one clear message for an empty workbook (no empty summary before the error)', async () => {
    const path = join(dir, 'empty.xlsx');
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Foglio1');
    await wb.xlsx.writeFile(path);
    const { code, stderr, stdout } = await run([path, ...CONTEXT, ...TODAY]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe(
      'Errore: la cartella di lavoro è vuota: nessun foglio contiene dati da controllare ' +
        '(usare «rendiconta template» per il modello da compilare).\n',
    );
    const json = await run([path, ...CONTEXT, ...TODAY, '--json']);
    expect(json.code).toBe(2);
    expect(CliJsonSchema.parse(JSON.parse(json.stdout)).findings).toEqual([]);
  });

  it('reports a missing required column (M02) and keeps validating', async () => {
    const [pers] = plantedSheets('canonical');
    const path = join(dir, 'no-hours.xlsx');
    const layout = { ...pers.layout, columns: pers.layout.columns.filter((c) => c.field !== 'hours') };
    await writeWorkbook(path, [{ layout, records: [pers.records[0]] }]);
    const { code, stdout } = await run([path, ...CONTEXT, ...TODAY]);
    expect(code).toBe(1);
    expect(stdout).toContain('Personale!1:1 [M02] errore: Foglio «Personale»: manca la colonna obbligatoria «Ore»');
  });

  it('rejects bad arguments with exit 2 and the usage', async () => {
    const cases = [
      [files.clean, ...CONTEXT.slice(0, 6)],
      [files.clean, ...CONTEXT, '--today', '31/02/2026'],
      [files.clean, '--agreement', 'altro', '--programme', 'P1', '--partner', 'koala', '--year', '2026'],
      [files.clean, ...CONTEXT.slice(0, 2), '--programme', 'P9', ...CONTEXT.slice(4)],
      [files.clean, ...CONTEXT.slice(0, 4), '--partner', 'nessuno', ...CONTEXT.slice(6)],
      [files.clean, ...CONTEXT.slice(0, 6), '--year', '2031'],
      [files.clean, ...CONTEXT, '--colore', 'blu'],
      [...CONTEXT],
    ];
    for (const args of cases) {
      const { code, stderr } = await run(args);
      expect(code).toBe(2);
      expect(stderr).toMatch(/^Errore: .+\nUso: rendiconta validate/);
    }
  });

  it('takes today from the clock in Europe/Rome when --today is absent', async () => {
    // 31 May 2026 23:30 in Rome is still 31 May: W1 (January–April) is not yet locked.
    const captured = captureIo(new Date('2026-05-31T21:30:00Z'));
    expect(await validateCommand([files.clean, ...CONTEXT], captured.io)).toBe(0);
    // One hour later it is 1 June in Rome: the March rows are in a locked window (R24).
    const later = captureIo(new Date('2026-05-31T22:30:00Z'));
    expect(await validateCommand([files.clean, ...CONTEXT], later.io)).toBe(1);
    expect(later.stdout()).toContain('[R24]');
  });
});
