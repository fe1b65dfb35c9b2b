import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { COMMANDS } from '../../../cli/commands';
import { runCli } from '../../../cli/main';
import { captureIo } from '../../fixtures/cli-io';
import { plantedSheets, writeWorkbook } from '../../fixtures/workbooks';

const BIN = resolve(__dirname, '../../../bin/rendiconta.js');

describe('rendiconta dispatch', () => {
  it('lists the commands of the table in the help', async () => {
    const captured = captureIo();
    expect(await runCli(['--help'], captured.io)).toBe(0);
    for (const entry of Object.values(COMMANDS)) expect(captured.stdout()).toContain(entry.usage);
  });

  it('exits 2 on a missing or unknown command', async () => {
    const none = captureIo();
    expect(await runCli([], none.io)).toBe(2);
    expect(none.stderr()).toContain('Uso:');
    const unknown = captureIo();
    expect(await runCli(['rendiconta-tutto'], unknown.io)).toBe(2);
    expect(unknown.stderr()).toContain('comando «rendiconta-tutto» sconosciuto');
  });
});

describe('bin/rendiconta.js (real process)', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'rendiconta-bin-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('validates a workbook with planted errors: exit 1 and JSON on stdout', async () => {
    const file = join(dir, 'planted.xlsx');
    await writeWorkbook(file, plantedSheets('canonical'));
    const args = [
      BIN,
      'validate',
      file,
      '--agreement',
      'crema-2026-2028',
      '--programme',
      'P1',
      '--partner',
      'koala',
      '--year',
      '2026',
      '--today',
      '2026-04-15',
      '--json',
    ];
    const outcome = await promisify(execFile)(process.execPath, args, {
      env: { ...process.env, RENDICONTA_FROM_SOURCE: '1' },
    }).then(
      () => ({ code: 0, stdout: '' }),
      (error: { code: number; stdout: string }) => error,
    );
    expect(outcome.code).toBe(1);
    const report = JSON.parse(outcome.stdout) as {
      findings: { code: string; severity: string }[];
      summary: { error: number };
    };
    expect(report.summary.error).toBe(6);
    const errorCodes = report.findings
      .filter((f) => f.severity === 'error')
      .map((f) => f.code)
      .sort();
    expect(errorCodes).toEqual(['R02', 'R03', 'R05', 'R09', 'R10', 'R14']);
  }, 30_000);
});
