// `rendiconta sample-verify`: anyone holding the frozen population list and the seed re-derives
// the draw (DOMAIN S2–S3).
import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sampleVerify } from '../../../cli/sample-verify';
import { runCli } from '../../../cli/main';

const persons37 = Array.from({ length: 37 }, (_, i) => `PRSN${String(i + 1).padStart(2, '0')}A80A01H501U`);
const SEED = 'estrazione lotto 2026-07-04';
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'sample-verify-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text, 'utf8');
  return path;
}
async function run(argv: string[]) {
  let out = '';
  let err = '';
  const code = await sampleVerify(argv, {
    stdout: (s) => {
      out += s;
    },
    stderr: (s) => {
      err += s;
    },
  });
  return { code, out, err };
}
const base = (population: string) => [
  '--population',
  population,
  '--seed',
  SEED,
  '--agreement',
  'crema-2026-2028',
  '--programme',
  'P1',
  '--semester',
  '2026-H1',
];

describe('sample-verify', () => {
  it('--json prints { populationHash, n, selected } in draw order', async () => {
    const r = await run([...base(file('pop.txt', persons37.join('\n'))), '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toEqual({
      populationHash: createHash('sha256')
        .update([...persons37].sort().join('\n'))
        .digest('hex'),
      n: 4,
      selected: ['PRSN26A80A01H501U', 'PRSN22A80A01H501U', 'PRSN16A80A01H501U', 'PRSN30A80A01H501U'],
    });
  });

  it('tolerates CRLF, a BOM, blank lines, lower case and duplicates (same hash and draw)', async () => {
    const messy =
      '\uFEFF' + persons37.map((p, i) => (i % 2 ? p.toLowerCase() : ` ${p} `)).join('\r\n') + '\r\n\r\n' + persons37[0];
    const clean = await run([...base(file('clean.txt', persons37.join('\n'))), '--json']);
    const r = await run([...base(file('messy.txt', messy)), '--json']);
    expect(r.out).toBe(clean.out);
  });

  it('prints an Italian summary by default', async () => {
    const r = await run(base(file('pop5.txt', persons37.slice(0, 5).join('\n'))));
    expect(r.code).toBe(0);
    expect(r.out).toMatch(
      /^Popolazione: 5 persone\nHash della popolazione \(SHA-256\): [0-9a-f]{64}\nCampione: 1 su 5 \(tasso 0\.10, metodo semplice\)\n {2}1\. PRSN0\dA80A01H501U {2}[0-9a-f]{64}\n$/,
    );
  });

  it('refuses a rate above 10% with exit 2 and an Italian message', async () => {
    const r = await run([...base(file('pop.txt', persons37.join('\n'))), '--rate', '0.11']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('supera il massimo del 10%');
    expect(r.out).toBe('');
  });

  it('mus reads "id;cost" lines and never draws a zero-cost person', async () => {
    const lines = ['AAAAAA80A01H501A;12.000,00', 'BBBBBB80A01H501B\t100', 'CCCCCC80A01H501C;0'];
    const r = await run([...base(file('mus.txt', lines.join('\n'))), '--method', 'mus', '--json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.out);
    expect(out.n).toBe(1);
    expect(out.selected).not.toContain('CCCCCC80A01H501C');
    const again = await run([...base(file('mus.txt', lines.join('\n'))), '--method', 'mus', '--json']);
    expect(again.out).toBe(r.out);
  });

  it('mus without costs, a missing file or a missing option exit 2', async () => {
    expect((await run([...base(file('nocost.txt', 'AAAAAA80A01H501A')), '--method', 'mus'])).err).toContain(
      'costo mancante o non valido',
    );
    expect((await run(base(join(dir, 'missing.txt')))).code).toBe(2);
    const r = await run(['--population', 'x', '--seed', 's']);
    expect(r).toMatchObject({ code: 2, err: expect.stringContaining("manca l'opzione --agreement") });
    expect((await run([...base(file('pop.txt', 'A')), '--semester', '2026-S1'])).err).toContain('Semestre non valido');
  });

  it('is registered in the rendiconta command table', async () => {
    let out = '';
    const code = await runCli(['sample-verify', ...base(file('pop.txt', persons37.join('\n'))), '--json'], {
      stdout: (s) => {
        out += s;
      },
      stderr: () => undefined,
      clock: () => new Date('2026-10-01T10:00:00Z'),
    });
    expect(code).toBe(0);
    expect(JSON.parse(out).n).toBe(4);
  });
});
