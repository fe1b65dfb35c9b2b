// The CLI on the second agreement (ambito-poverta-2026-2028, no approved budget): the template is
// written, a clean workbook validates without errors and R22 says the budget comparison does not apply.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { templateCommand } from '../../../cli/template';
import { validateCommand } from '../../../cli/validate';
import { readWorkbookGrids } from '../../../cli/xlsx-read';
import { captureIo } from '../../fixtures/cli-io';
import { cleanSheets, writeWorkbook } from '../../fixtures/workbooks';

const AGREEMENT = ['--agreement', 'ambito-poverta-2026-2028'];
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'rendiconta-ambito-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it('template --agreement ambito-poverta-2026-2028 writes the five sheets', async () => {
  const out = join(dir, 'modello.xlsx');
  const captured = captureIo();
  expect(await templateCommand([out, ...AGREEMENT], captured.io)).toBe(0);
  expect((await readWorkbookGrids(out)).map((g) => g.name)).toHaveLength(5);
});

it('validate --agreement ambito-poverta-2026-2028: no errors, R22 and R23 infos about the missing budget', async () => {
  const file = join(dir, 'clean.xlsx');
  await writeWorkbook(file, cleanSheets());
  const captured = captureIo();
  const args = [file, ...AGREEMENT, '--programme', 'P1', '--partner', 'koala', '--year', '2026'];
  const code = await validateCommand([...args, '--today', '2026-04-15', '--json'], captured.io);
  const report = JSON.parse(captured.stdout()) as {
    findings: { code: string; severity: string; message: string }[];
    summary: { error: number };
  };
  expect(code).toBe(0);
  expect(report.summary.error).toBe(0);
  expect(report.findings.filter((f) => f.code === 'R22')).toEqual([
    expect.objectContaining({
      severity: 'info',
      message:
        "Programma P1: nessuna versione di budget approvata per l'anno 2026; il confronto con il budget non è applicabile.",
    }),
  ]);
  expect(report.findings.find((f) => f.code === 'R23')).toMatchObject({ severity: 'info' });
});
