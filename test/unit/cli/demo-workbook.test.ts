// The workbook `npm start` hands a newcomer must keep showing exactly its three planted mistakes,
// whatever the day: koala's seeded rows and the planted ones are dated in the window open that
// day, so none is retroactive (R24), and nothing else is wrong in it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { validateCommand } from '../../../cli/validate';
import { writeDemoWorkbook } from '../../../scripts/demo-workbook';
import { captureIo } from '../../fixtures/cli-io';

describe('demo workbook of npm start', () => {
  const dir = mkdtempSync(join(tmpdir(), 'demo-workbook-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each(['2026-01-01', '2026-02-10', '2026-05-01', '2026-06-30', '2026-11-23', '2027-09-01'])(
    'on %s shows R02, R05 and R10 and nothing retroactive',
    async (today) => {
      const file = await writeDemoWorkbook(dir, today);
      const captured = captureIo(new Date(`${today}T10:00:00Z`));
      const args = [file, '--agreement', 'crema-2026-2028', '--programme', 'P1', '--partner', 'koala'];
      const code = await validateCommand(
        [...args, '--year', today.slice(0, 4), '--today', today, '--json'],
        captured.io,
      );
      const { findings } = JSON.parse(captured.stdout()) as {
        findings: { code: string; severity: string; sheet: string }[];
      };
      const errors = findings.filter((f) => f.severity === 'error').map((f) => `${f.sheet} ${f.code}`);
      expect(code).toBe(1);
      expect(errors.sort()).toEqual(['Beni di consumo R02', 'Beni di consumo R10', 'Personale R05']);
    },
    // Not a timed assertion: room for a cold first run on a shared 2-core machine.
    30_000,
  );
});
