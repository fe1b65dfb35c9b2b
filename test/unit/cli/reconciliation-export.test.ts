import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Decimal from 'decimal.js';
import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import { makeReconciliationCommand, reconciliationCommand } from '../../../cli/reconciliation';
import { writeReconciliationWorkbook } from '../../../cli/reconciliation-export';
import { reconciliationLayout } from '../../../shared/reconciliation/sheet-layout';
import { INJECTED_ROW_ID, INJECTED_ROW_ID_2, reconciliationFixture, wireOf } from '../addin-po/reconciliation-fixture';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'recon-export-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

function io() {
  const out: string[] = [];
  const err: string[] = [];
  return {
    io: {
      stdout: (t: string) => out.push(t),
      stderr: (t: string) => err.push(t),
      clock: () => new Date('2027-02-01T10:00:00Z'),
    },
    out,
    err,
  };
}

describe('writeReconciliationWorkbook', () => {
  const answer = reconciliationFixture();
  const layout = reconciliationLayout(answer);
  let file: string;
  let sheet: ExcelJS.Worksheet;

  beforeAll(async () => {
    file = path.join(dir, 'riconciliazione.xlsx');
    await writeReconciliationWorkbook(answer, file);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    sheet = workbook.getWorksheet('Riconciliazione')!;
  });

  it('writes every figure as a number equal to the answer', () => {
    expect(layout.figures.length).toBeGreaterThan(40);
    for (const f of layout.figures) {
      const cell = sheet.getCell(f.row + 1, f.col + 1);
      expect(typeof cell.value).toBe('number');
      const wire =
        f.kind === 'percent'
          ? new Decimal(String(cell.value)).times(100).toFixed(2)
          : new Decimal(String(cell.value)).toFixed(2);
      expect(wire).toBe(wireOf(answer, f.key));
      expect(cell.numFmt).toBe(f.kind === 'percent' ? '0.00%' : '#,##0.00');
    }
  });

  it('writes partner text as text cells, never as formulas', () => {
    const hostile: ExcelJS.Cell[] = [];
    sheet.eachRow((row) =>
      row.eachCell((cell) => {
        if (
          typeof cell.value === 'string' &&
          (cell.value.includes(INJECTED_ROW_ID) || cell.value.includes(INJECTED_ROW_ID_2))
        )
          hostile.push(cell);
        expect(cell.type).not.toBe(ExcelJS.ValueType.Formula);
      }),
    );
    expect(hostile).toHaveLength(2);
    for (const cell of hostile) {
      expect(cell.type).toBe(ExcelJS.ValueType.String);
      expect(cell.numFmt).toBe('@');
    }
  });

  it('keeps a whole-cell formula-looking text verbatim as a string cell', async () => {
    const target = path.join(dir, 'hostile.xlsx');
    await writeReconciliationWorkbook({ ...answer, asOf: '=1+1' }, target);
    const files = unzipSync(new Uint8Array(await readFile(target)));
    const sheetXml = strFromU8(files['xl/worksheets/sheet1.xml']);
    expect(sheetXml).not.toContain('<f>');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(target);
    const cell = workbook.getWorksheet('Riconciliazione')!.getCell('B2');
    expect(cell.value).toBe('=1+1');
    expect(cell.type).toBe(ExcelJS.ValueType.String);
  });

  it('contains a native clustered column chart over the summary table', async () => {
    const files = unzipSync(new Uint8Array(await readFile(file)));
    const chart = strFromU8(files['xl/charts/chart1.xml']);
    expect(chart).toContain('<c:barDir val="col"/>');
    expect(chart).toContain('<c:grouping val="clustered"/>');
    const first = layout.chart!.source.row + 2;
    expect(chart).toContain(`<c:f>'Riconciliazione'!$B$${first}:$B$${first + 1}</c:f>`);
    expect(chart.match(/<c:ser>/g)).toHaveLength(3);
    expect(strFromU8(files['xl/worksheets/sheet1.xml'])).toMatch(/<drawing r:id="rIdReconChart"\/><\/worksheet>$/);
    expect(strFromU8(files['[Content_Types].xml'])).toContain('/xl/charts/chart1.xml');
    expect(strFromU8(files['xl/drawings/_rels/drawing1.xml.rels'])).toContain('../charts/chart1.xml');
  });
});

describe('rendiconta reconciliation', () => {
  it('turns a saved API answer into a workbook', async () => {
    const json = path.join(dir, 'answer.json');
    const out = path.join(dir, 'out.xlsx');
    await writeFile(json, JSON.stringify(reconciliationFixture()));
    const { io: cliIo, out: stdout, err } = io();
    expect(await reconciliationCommand(['--file', json, '--out', out], cliIo)).toBe(0);
    expect(err).toEqual([]);
    expect(stdout.join('')).toContain('2 programmi');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    const values = workbook.getWorksheet('Riconciliazione')!.getColumn(1).values;
    expect(values).toContain('Programma P1 — Crema città dei bambini e della famiglia');
  });

  it('refuses an answer with a malformed figure, naming its path', async () => {
    const json = path.join(dir, 'bad.json');
    const bad = reconciliationFixture();
    (bad.programmes[0].admitted as { total: unknown }).total = 785300;
    await writeFile(json, JSON.stringify(bad));
    const { io: cliIo, err } = io();
    expect(await reconciliationCommand(['--file', json, '--out', path.join(dir, 'x.xlsx')], cliIo)).toBe(2);
    expect(err.join('')).toContain('programmes.0.admitted.total');
  });

  it('asks for both options', async () => {
    const { io: cliIo, err } = io();
    expect(await reconciliationCommand(['--file', 'a.json'], cliIo)).toBe(2);
    expect(err.join('')).toContain('Uso: rendiconta reconciliation');
    expect(err.join('')).toContain('--out');
  });
});

describe('rendiconta reconciliation --api', () => {
  it('reads the answer from the API with the token of the environment and writes both files', async () => {
    const calls: Array<{ url: string; auth: string }> = [];
    const command = makeReconciliationCommand(
      async (url, init) => {
        calls.push({ url, auth: init.headers.Authorization });
        return { status: 200, ok: true, text: async () => JSON.stringify(reconciliationFixture()) };
      },
      { RENDICONTA_TOKEN: 'tok' },
    );
    const out = path.join(dir, 'api.xlsx');
    const json = path.join(dir, 'api.json');
    const { io: cliIo, out: stdout } = io();
    expect(
      await command(
        ['--api', 'http://127.0.0.1:7071/api', '--year', '2026', '--programme', 'P1', '--out', out, '--json', json],
        cliIo,
      ),
    ).toBe(0);
    expect(calls).toEqual([
      {
        url: 'http://127.0.0.1:7071/api/agreements/crema-2026-2028/reconciliation?year=2026&programme=P1',
        auth: 'Bearer tok',
      },
    ]);
    expect(JSON.parse(await readFile(json, 'utf8'))).toEqual(reconciliationFixture());
    expect((await readFile(out)).subarray(0, 2).toString()).toBe('PK');
    expect(stdout.join('')).toContain('api.xlsx');
  });

  it('needs a token and reports the API’s Italian error', async () => {
    const noToken = makeReconciliationCommand(async () => ({ status: 200, ok: true, text: async () => '{}' }), {});
    const first = io();
    expect(
      await noToken(['--api', 'http://x/api', '--year', '2026', '--json', path.join(dir, 'n.json')], first.io),
    ).toBe(2);
    expect(first.err.join('')).toContain('RENDICONTA_TOKEN');
    const forbidden = makeReconciliationCommand(
      async () => ({
        status: 403,
        ok: false,
        text: async () =>
          JSON.stringify({ error: { code: 'forbidden', message: 'Programma non assegnato a questa PO.' } }),
      }),
      { RENDICONTA_TOKEN: 't' },
    );
    const second = io();
    expect(
      await forbidden(['--api', 'http://x/api', '--year', '2026', '--json', path.join(dir, 'f.json')], second.io),
    ).toBe(2);
    expect(second.err.join('')).toContain('Programma non assegnato a questa PO.');
  });
});
