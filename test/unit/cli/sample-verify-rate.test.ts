// `rendiconta sample-verify` without --rate uses the agreement's sampling rate, not a literal one.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as agreements from '../../../shared/agreement/agreements';
import type { Agreement } from '../../../shared/agreement/agreement';
import { sampleVerify } from '../../../cli/sample-verify';

const persons = Array.from({ length: 40 }, (_, i) => `PRSN${String(i + 1).padStart(2, '0')}A80A01H501U`);
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'sample-verify-rate-'));
  writeFileSync(join(dir, 'pop.txt'), persons.join('\n'), 'utf8');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(() => jest.restoreAllMocks());

async function draw(agreement: string, extra: string[] = []) {
  let out = '';
  const code = await sampleVerify(
    [
      ...['--population', join(dir, 'pop.txt'), '--seed', 'seme', '--agreement', agreement],
      ...['--programme', 'P1', '--semester', '2026-H1', '--json', ...extra],
    ],
    { stdout: (s) => (out += s), stderr: () => undefined },
  );
  expect(code).toBe(0);
  return JSON.parse(out) as { n: number };
}

describe('sample-verify default rate', () => {
  it('is the agreement’s rules.sampling.rate', async () => {
    const crema = agreements.getAgreement('crema-2026-2028') as Agreement;
    expect((await draw('crema-2026-2028')).n).toBe(4); // 10% of 40
    jest.spyOn(agreements, 'getAgreement').mockReturnValue({
      ...crema,
      rules: { ...crema.rules, sampling: { ...crema.rules.sampling, rate: '0.05' } },
    });
    expect((await draw('crema-2026-2028')).n).toBe(2); // 5% of 40
    expect((await draw('crema-2026-2028', ['--rate', '0.10'])).n).toBe(4); // --rate still wins
  });

  it('is the rulebook maximum (10%) for an agreement the product does not ship', async () => {
    expect((await draw('altro-accordo')).n).toBe(4);
  });
});
