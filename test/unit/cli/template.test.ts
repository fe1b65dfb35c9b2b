import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { unzipSync, strFromU8 } from 'fflate';
import { templateCommand } from '../../../cli/template';
import { readWorkbookGrids } from '../../../cli/xlsx-read';
import { buildTemplateWorkbook } from '../../../cli/xlsx-write';
import { getAgreement } from '../../../shared/agreement/agreements';
import { detectTables } from '../../../shared/mapping/mapping';
import { buildTemplate } from '../../../shared/mapping/template';
import { captureIo } from '../../fixtures/cli-io';

type ValidationModel = Record<string, ExcelJS.DataValidation | undefined>;
const validationsOf = (ws: ExcelJS.Worksheet) =>
  (ws as unknown as { dataValidations: { model: ValidationModel } }).dataValidations.model;

let dir: string;
let out: string;
let code: number;
let stdout: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'rendiconta-template-'));
  out = join(dir, 'modello.xlsx');
  const captured = captureIo();
  code = await templateCommand([out], captured.io);
  stdout = captured.stdout();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('rendiconta template', () => {
  it('writes the five sheets of DOMAIN §7 and says where', () => {
    expect(code).toBe(0);
    expect(stdout).toContain(out);
  });

  it('re-reads and maps with zero mapping findings', async () => {
    const grids = await readWorkbookGrids(out);
    expect(grids.map((g) => g.name)).toEqual([
      'Personale',
      'Beni di consumo',
      'Servizi',
      'Spese generali',
      'Cofinanziamento',
    ]);
    const tables = detectTables(grids);
    expect(tables.map((t) => [t.sheet, t.category, t.headerRow])).toEqual([
      ['Personale', 'PERS', 1],
      ['Beni di consumo', 'BENI', 1],
      ['Servizi', 'SERV', 1],
      ['Spese generali', 'GEN', 1],
      ['Cofinanziamento', 'COFIN', 1],
    ]);
    expect(tables.flatMap((t) => t.findings)).toEqual([]);
    expect(tables.flatMap((t) => t.unmatchedHeaders)).toEqual([]);
  });

  it('has drop-downs on bounded ranges only (rows 2..2001), as exceljs models them', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    for (const ws of workbook.worksheets) {
      const model = validationsOf(ws);
      const addresses = Object.keys(model).filter((a) => model[a]);
      expect(addresses.length).toBeGreaterThan(0);
      // exceljs expands each range into its cells when reading: every one lies in rows 2..2001.
      const rows = addresses.map((a) => Number(/\d+$/.exec(a)?.[0]));
      expect(Math.min(...rows)).toBe(2);
      expect(Math.max(...rows)).toBe(2001);
      expect(addresses.length % 2000).toBe(0);
    }
    const personale = validationsOf(workbook.getWorksheet('Personale')!);
    expect(personale.G2).toMatchObject({ type: 'list', formulae: ['"P1,P2,P3,P4,P5,P6"'] });
    expect(personale.C2001?.formulae).toEqual(['"dipendente,collaboratore,libero professionista"']);
    expect(personale.C2002).toBeUndefined();
  });

  it('never writes a whole-column range in the file', () => {
    const files = unzipSync(new Uint8Array(readFileSync(out)));
    const sqrefs = Object.entries(files)
      .filter(([name]) => name.startsWith('xl/worksheets/'))
      .flatMap(([, data]) => [...strFromU8(data).matchAll(/<dataValidation [^>]*sqref="([^"]+)"/g)].map((m) => m[1]));
    expect(sqrefs.length).toBeGreaterThan(20);
    for (const sqref of sqrefs) expect(sqref).toMatch(/^([A-Z]+)2:\1(2001)$/);
  });

  it('builds range validations before writing (the model the writer serialises)', () => {
    const workbook = buildTemplateWorkbook(buildTemplate(getAgreement('crema-2026-2028')!));
    const model = validationsOf(workbook.getWorksheet('Beni di consumo')!);
    expect(Object.keys(model)).toContain('L2:L2001');
    expect(model['L2:L2001']).toMatchObject({
      type: 'list',
      formulae: ['"bonifico,carta,RID/SDD,PagoPA,assegno non trasferibile"'],
      showErrorMessage: true,
    });
    expect(workbook.getWorksheet('Beni di consumo')!.getColumn('S').hidden).toBe(true);
  });

  it('exits 2 when the destination cannot be written or arguments are wrong', async () => {
    const captured = captureIo();
    expect(await templateCommand([join(dir, 'no-such-dir', 'x.xlsx')], captured.io)).toBe(2);
    expect(captured.stderr()).toContain('impossibile scrivere');
    expect(await templateCommand([], captureIo().io)).toBe(2);
    expect(await templateCommand([join(dir, 'altro.xlsx'), '--agreement', 'altro'], captureIo().io)).toBe(2);
  });

  it('refuses to overwrite an existing file without --force (exit 2, Italian), replaces it with --force', async () => {
    const before = readFileSync(out);
    const refused = captureIo();
    expect(await templateCommand([out], refused.io)).toBe(2);
    expect(refused.stderr()).toBe(
      `Errore: il file «${out}» esiste già: non viene sovrascritto (aggiungere --force per sostituirlo).\n`,
    );
    expect(refused.stdout()).toBe('');
    expect(readFileSync(out).equals(before)).toBe(true);

    const forced = captureIo();
    expect(await templateCommand([out, '--force'], forced.io)).toBe(0);
    expect(forced.stdout()).toContain(out);
    expect((await readWorkbookGrids(out)).map((g) => g.name)).toContain('Personale');
  });
});
