// Worst case of `npm run bench` (bench/api.bench.ts): the adversarial bodies of issue 11 against
// /validate over real HTTP — huge exponents, 1 MB strings, deep nesting, 20,000 rows — each timed
// (best of 3, the client serialises first), and the slowest one reported next to the normal
// submission. Every answer must be a 2xx/4xx: a 500 fails the bench.
import { demoGoodsRow, demoRows } from '../scripts/demo-data';

export interface AdversarialResult {
  bodies: { name: string; status: number; bodyKiB: number; ms: number }[];
  worst: { name: string; ms: number };
}

const ms = (n: number) => Math.round(n * 10) / 10;

function bodies(): { name: string; text: string }[] {
  const envelope = (rows: unknown[]) => JSON.stringify({ programme: 'P1', partner: 'koala', year: 2026, rows });
  const exponentRows = (n: number, e: number) =>
    Array.from({ length: n }, (_, i) => ({
      ...demoGoodsRow(i, { prefix: 'x' }),
      amount: `1e${e + i}`,
      invoiceTotal: `9e${e}`,
    }));
  return [
    { name: 'exponent 1e100000, one row', text: envelope(exponentRows(1, 100_000)) },
    { name: 'exponents 1e50000…, 5,000 rows', text: envelope(exponentRows(5_000, 50_000)) },
    {
      name: '4,000-digit amounts, 5,000 rows',
      text: envelope(Array.from({ length: 5_000 }, (_, i) => ({ ...demoGoodsRow(i), amount: '9'.repeat(4_000) }))),
    },
    { name: '1 MB string in a cell', text: envelope([{ ...demoGoodsRow(0), amount: '9'.repeat(1 << 20) }]) },
    { name: 'nesting 10,000 deep', text: '{"rows":' + '['.repeat(10_000) + ']'.repeat(10_000) + '}' },
    { name: '20,000 rows (the row cap)', text: envelope(demoRows(20_000)) },
    { name: '20,000 rows of exponents', text: envelope(exponentRows(20_000, 40_000)) },
    { name: '20,001 rows (over the cap)', text: envelope(demoRows(20_001)) },
  ];
}

export async function adversarial(url: string, token: string): Promise<AdversarialResult> {
  const out: AdversarialResult['bodies'] = [];
  for (const { name, text } of bodies()) {
    let best = Infinity;
    let status = 0;
    for (let run = 0; run < 3; run++) {
      const t0 = performance.now();
      const res = await fetch(url, {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
        body: text,
      });
      await res.arrayBuffer();
      best = Math.min(best, performance.now() - t0);
      status = res.status;
    }
    if (status >= 500) throw new Error(`adversarial body "${name}" answered ${status}`);
    out.push({ name, status, bodyKiB: Math.round(Buffer.byteLength(text) / 1024), ms: ms(best) });
  }
  const worst = out.reduce((a, b) => (b.ms > a.ms ? b : a));
  return { bodies: out, worst: { name: worst.name, ms: worst.ms } };
}
