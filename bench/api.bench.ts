// API bench: Azurite in memory + the dev host on loopback, real HTTP.
//  - one partner's 5,000-row submission end to end (validate, store snapshot, commit, audit), ~10 runs
//    as successive versions of the same report (so each run also reads the previous 5,000 rows);
//  - 50 partners' reports submitted concurrently (200 rows each): throughput, latency, errors.
//  - worst case (bench/adversarial.ts): the slowest of the adversarial bodies of issue 11 (huge
//    exponents, 1 MB strings, deep nesting, 20,000 rows) against /validate, next to the normal one.
// Target: p50 ≤ 250 ms for the 5,000-row submission; errors must be 0.
import crypto from 'node:crypto';
import os from 'node:os';
import '../scripts/quiet-registration';
import { LOCAL_AUDIENCE, LOCAL_ISSUER, localJwks } from '../functions/lib/auth';
import { verifyAuditChain } from '../functions/lib/audit';
import { generateSigningKey, mintToken } from '../functions/lib/dev-keys';
import { createStorage } from '../functions/lib/storage';
import { buildRoutes } from '../functions/routes';
import { getAgreement, DEFAULT_AGREEMENT_ID } from '../shared/agreement/agreements';
import { startAzurite } from '../scripts/azurite-process';
import { demoRows } from '../scripts/demo-data';
import { startDevHost } from '../scripts/dev-host';
import { auditKeysOf } from '../functions/lib/audit-key';
import { adversarial } from './adversarial';

const RUNS = 10;
const BIG = Number(process.env.BENCH_ROWS ?? 5_000);
const CONCURRENT = 50;
const ROWS_EACH = 200;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}
const ms = (n: number) => Math.round(n * 10) / 10;

export async function run(): Promise<Record<string, unknown>> {
  const azurite = await startAzurite();
  const storage = createStorage({
    connectionString: azurite.connectionString,
    namespace: `b${crypto.randomBytes(3).toString('hex')}`,
  });
  await storage.ensure();
  const key = await generateSigningKey();
  const deps = {
    clock: () => new Date('2026-09-10T10:00:00Z'),
    storage,
    auth: { issuer: LOCAL_ISSUER, audience: LOCAL_AUDIENCE, keys: localJwks(key.jwks) },
    auditKeys: auditKeysOf(crypto.randomBytes(32)),
  };
  const host = await startDevHost({ routes: buildRoutes(deps), port: 0, log: () => undefined });
  const url = `${host.url}/agreements/${DEFAULT_AGREEMENT_ID}/submissions`;

  // The client serialises its body before the clock starts: the numbers are the API's latency.
  const post = async (token: string, body: unknown) => {
    const text = JSON.stringify(body);
    const t0 = performance.now();
    const res = await fetch(url, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: text,
    });
    const answer = (await res.json()) as { version?: number; accepted?: string[] };
    const phases = Object.fromEntries(
      [res.headers.get('server-timing') ?? '', res.headers.get('server-timing-host') ?? '']
        .join(',')
        .split(',')
        .filter(Boolean)
        .map((p) => {
          const [name, dur] = p.trim().split(';dur=');
          return [name, Number(dur)];
        }),
    );
    return { status: res.status, answer, ms: performance.now() - t0, phases };
  };

  try {
    // 1. 5,000 rows, successive versions of one report.
    const koala = await mintToken(key, { roles: ['partner'], partner: 'koala' });
    const rows = demoRows(BIG);
    const bodyBytes = Buffer.byteLength(JSON.stringify({ programme: 'P1', partner: 'koala', year: 2026, rows }));
    const warm = await post(koala, { programme: 'P1', partner: 'koala', year: 2026, baseVersion: 0, rows });
    if (warm.status !== 201) throw new Error(`warm-up failed: ${warm.status}`);
    const times: number[] = [];
    const phaseRuns: Record<string, number[]> = {};
    for (let i = 1; i <= RUNS; i++) {
      const r = await post(koala, { programme: 'P1', partner: 'koala', year: 2026, baseVersion: i, rows });
      if (r.status !== 201 || r.answer.accepted?.length !== BIG) throw new Error(`run ${i}: ${r.status}`);
      times.push(r.ms);
      for (const [k, v] of Object.entries(r.phases)) (phaseRuns[k] ??= []).push(v);
    }
    const sorted = [...times].sort((a, b) => a - b);
    // Server-side phases (Server-Timing): parse = JSON + schema, state = previous version and other
    // programmes, rules = shared engine, store = snapshot blob + table transaction, audit = chain append.
    const phasesP50 = Object.fromEntries(
      Object.entries(phaseRuns).map(([k, v]) => [
        k,
        ms(
          percentile(
            [...v].sort((a, b) => a - b),
            50,
          ),
        ),
      ]),
    );
    const big = {
      rows: BIG,
      bodyMiB: ms(bodyBytes / 2 ** 20),
      runs: RUNS,
      firstMs: ms(warm.ms),
      p50Ms: ms(percentile(sorted, 50)),
      p95Ms: ms(percentile(sorted, 95)),
      minMs: ms(sorted[0]),
      maxMs: ms(sorted[sorted.length - 1]),
      targetP50Ms: 250,
      serverPhasesP50Ms: phasesP50,
    };
    console.log(
      `5,000-row submission: p50 ${big.p50Ms} ms, p95 ${big.p95Ms} ms (first ${big.firstMs} ms, body ${big.bodyMiB} MiB)`,
    );
    console.log(`  server phases p50 (ms): ${JSON.stringify(phasesP50)}`);

    // 2. 50 partners' reports at once (20 partners × programmes P1..P3 → 50 distinct reports).
    const agreement = getAgreement(DEFAULT_AGREEMENT_ID)!;
    const jobs = await Promise.all(
      Array.from({ length: CONCURRENT }, async (_, i) => {
        const partner = agreement.partners[i % agreement.partners.length].id;
        const programme = agreement.programmes[1 + Math.floor(i / agreement.partners.length)].id;
        const token = await mintToken(key, { roles: ['partner'], partner });
        return {
          token,
          body: { programme, partner, year: 2026, rows: demoRows(ROWS_EACH, { programme, prefix: partner }) },
        };
      }),
    );
    const t0 = performance.now();
    const results = await Promise.all(jobs.map((j) => post(j.token, j.body)));
    const wall = performance.now() - t0;
    const lat = results.map((r) => r.ms).sort((a, b) => a - b);
    const concurrentPhases: Record<string, number[]> = {};
    for (const r of results) for (const [k, v] of Object.entries(r.phases)) (concurrentPhases[k] ??= []).push(v);
    const errors = results.filter((r) => r.status !== 201).length;
    const concurrent = {
      partners: CONCURRENT,
      rowsEach: ROWS_EACH,
      wallMs: ms(wall),
      submissionsPerSec: ms((CONCURRENT / wall) * 1000),
      rowsPerSec: Math.round(((CONCURRENT * ROWS_EACH) / wall) * 1000),
      p50Ms: ms(percentile(lat, 50)),
      p95Ms: ms(percentile(lat, 95)),
      errors,
      serverPhasesP50Ms: Object.fromEntries(
        Object.entries(concurrentPhases).map(([k, v]) => [
          k,
          ms(
            percentile(
              [...v].sort((a, b) => a - b),
              50,
            ),
          ),
        ]),
      ),
    };
    console.log(
      `${CONCURRENT} concurrent partners: ${concurrent.submissionsPerSec} submissions/s, p50 ${concurrent.p50Ms} ms, p95 ${concurrent.p95Ms} ms, errors ${errors}`,
    );
    console.log(`  server phases p50 (ms): ${JSON.stringify(concurrent.serverPhasesP50Ms)}`);
    // 3. Worst case: the slowest adversarial body, next to the normal submission's p50.
    const worstCase = await adversarial(`${host.url}/agreements/${DEFAULT_AGREEMENT_ID}/validate`, koala);
    for (const b of worstCase.bodies)
      console.log(`  adversarial ${b.name}: ${b.status} in ${b.ms} ms (${b.bodyKiB} KiB)`);
    console.log(
      `worst case: "${worstCase.worst.name}" ${worstCase.worst.ms} ms (normal 5,000-row submission p50 ${big.p50Ms} ms)`,
    );
    const audit = await verifyAuditChain(deps);
    console.log(`audit chain: ${audit.ok ? 'ok' : 'BROKEN'} (${audit.count} events)`);
    // The machine may be shared: the load average says how much the numbers are worth.
    const loadAverage1m = Math.round(os.loadavg()[0] * 100) / 100;
    console.log(`load average (1 min): ${loadAverage1m} on ${os.cpus().length} CPUs`);
    return {
      submission5000: big,
      concurrent,
      worstCase: { ...worstCase.worst, normalSubmissionP50Ms: big.p50Ms, bodies: worstCase.bodies },
      auditChainOk: audit.ok,
      auditEvents: audit.count,
      loadAverage1m,
    };
  } finally {
    await host.close();
    await azurite.stop();
  }
}

if (require.main === module) {
  run().catch((err: unknown) => {
    console.error(err);
    process.exitCode = 1;
  });
}
