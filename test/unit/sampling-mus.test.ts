// S3 option: monetary-unit sampling (probability proportional to reported cost), exact integer
// arithmetic over cents and SHA-256, no randomness source (algorithm in shared/sample/sampling.ts header).
import { createHash } from 'node:crypto';
import { drawMus, drawSample } from '../../shared/sample/sampling';

const base = { agreement: 'crema-2026-2028', programme: 'P1', semester: '2026-H2' };
const costs: Record<string, string> = {
  AAAAAA80A01H501A: '12000.00', // heavy
  BBBBBB80A01H501B: '100.00',
  CCCCCC80A01H501C: '100.00',
  DDDDDD80A01H501D: '0.00', // never drawn
  EEEEEE80A01H501E: '100.00',
};
const persons = Object.keys(costs);

describe('monetary-unit sampling', () => {
  it('is deterministic: same seed, population and costs → same draw', () => {
    const a = drawSample({ ...base, seed: 's1', persons, costs, method: 'mus', rate: '0.10' });
    const b = drawSample({ ...base, seed: 's1', persons: [...persons].reverse(), costs, method: 'mus', rate: '0.10' });
    expect(a).toEqual(b);
    expect(a.ok && a.method).toBe('mus');
  });

  it('re-derived by hand: target = SHA-256(seed|…|mus|1) mod total cents, walk in id order', () => {
    const [first] = drawMus({ ...base, seed: 'verifica', persons, costs, n: 1 });
    const total = 1230000n;
    const target =
      BigInt('0x' + createHash('sha256').update('verifica|crema-2026-2028|P1|2026-H2|mus|1').digest('hex')) % total;
    const cents = persons.map((p) => BigInt(costs[p].replace('.', ''))); // "12000.00" → 1200000n
    let running = 0n;
    const expected = persons[cents.findIndex((c) => (running += c) > target)];
    expect(first.personId).toBe(expected);
  });

  it('a person with 0 cost is never drawn, even when asking for everybody', () => {
    for (let s = 0; s < 200; s++) {
      const drawn = drawMus({ ...base, seed: `seme-${s}`, persons, costs, n: 5 }).map((x) => x.personId);
      expect(drawn).not.toContain('DDDDDD80A01H501D');
      expect(drawn).toHaveLength(4); // stops when only zero-cost persons remain
    }
  });

  it('the heavy person is drawn first far more often over many seeds', () => {
    const counts: Record<string, number> = {};
    for (let s = 0; s < 400; s++) {
      const [first] = drawMus({ ...base, seed: `seme-${s}`, persons, costs, n: 1 });
      counts[first.personId] = (counts[first.personId] ?? 0) + 1;
    }
    // Expected share 12000/12300 ≈ 97.6%; each light person ≈ 0.8%.
    expect(counts.AAAAAA80A01H501A).toBeGreaterThan(360);
    expect(counts.BBBBBB80A01H501B ?? 0).toBeLessThan(20);
  });

  it('extension keeps the first draw as a prefix', () => {
    const first = drawMus({ ...base, seed: 'ext', persons, costs, n: 2 });
    const extended = drawMus({ ...base, seed: 'ext', persons, costs, n: 4 });
    expect(extended.slice(0, 2)).toEqual(first);
  });

  it('without costs the "mus" method is refused in Italian', () => {
    expect(drawSample({ ...base, seed: 'x', persons, method: 'mus' })).toEqual({
      ok: false,
      error: 'Il campionamento per unità monetaria richiede il costo rendicontato di ogni persona.',
    });
  });
});
