// Per-file test API: a fresh signing key (injected, nothing on disk), a private storage namespace
// in the run's Azurite, the dev host on a free loopback port serving the real route table built
// with this file's deps (api.deps: its clock, storage and auth), and a clock the test moves.
// Each test file has its own module registry, so the movable clock below is per file.
import crypto from 'node:crypto';
import type { TableClient } from '@azure/data-tables';
import { LOCAL_AUDIENCE, LOCAL_ISSUER, localJwks } from '../../functions/lib/auth';
import {
  generateSigningKey,
  mintToken,
  type MintOptions,
  type SigningKey,
  type TokenClaims,
} from '../../functions/lib/dev-keys';
import { systemClock, type Clock } from '../../functions/lib/clock';
import type { Deps } from '../../functions/lib/deps';
import { createStorage, type ContainerName, type Storage, type TableName } from '../../functions/lib/storage';
import type { BoundRoute } from '../../functions/lib/route';
import { buildRoutes } from '../../functions/routes';
import { API_ROUTES, type RouteContract } from '../../shared/contract';
import { auditKeysOf } from '../../functions/lib/audit-key';
import { poScopeEntry } from '../../shared/contract/po-scope-claim';
import { startDevHost, type DevHost } from '../../scripts/dev-host';

let moved: Clock | undefined;

/** The server clock of this file's API: setClock(() => new Date('2026-06-02T08:00:00Z')); undefined restores. */
export function setClock(next: Clock | undefined): void {
  moved = next;
}

const testClock: Clock = () => (moved ?? systemClock)();

export interface TestApi {
  url: string;
  /** What the routes were built with: services called directly take the same. */
  deps: Deps;
  storage: Storage;
  key: SigningKey;
  token(claims: TokenClaims, options?: MintOptions): Promise<string>;
  partner(id: string): Promise<string>;
  /**
   * A PO token with qualified claim entries: "P1" becomes "crema-2026-2028/P1" (the agreement of
   * BASE); an entry already qualified ("ambito-poverta-2026-2028/P1") is kept as is.
   */
  po(...programmes: string[]): Promise<string>;
  admin(): Promise<string>;
  call(
    method: string,
    path: string,
    init?: { token?: string; json?: unknown; body?: string | Uint8Array; headers?: Record<string, string> },
  ): Promise<ApiResponse>;
  close(): Promise<void>;
}

export interface ApiResponse {
  status: number;
  headers: Headers;
  body: any;
  bytes: Buffer;
}

export async function startTestApi(): Promise<TestApi> {
  const connectionString = process.env.RENDICONTA_TEST_STORAGE;
  if (!connectionString) throw new Error('RENDICONTA_TEST_STORAGE not set: run through the integration jest project');
  const storage = createStorage({ connectionString, namespace: `n${crypto.randomBytes(5).toString('hex')}` });
  await storage.ensure();
  const key = await generateSigningKey();
  const deps: Deps = {
    clock: testClock,
    storage,
    auth: { issuer: LOCAL_ISSUER, audience: LOCAL_AUDIENCE, keys: localJwks(key.jwks) },
    // The audit chain's signing key: per run, in memory only (never in storage).
    auditKeys: auditKeysOf(auditKey),
  };
  const host: DevHost = await startDevHost({
    routes: buildRoutes(deps).map(checkedAgainstContract),
    port: 0,
    log: () => undefined,
  });
  const token = (claims: TokenClaims, options?: MintOptions) => mintToken(key, claims, options);
  return {
    url: host.url,
    deps,
    storage,
    key,
    token,
    partner: (id) => token({ roles: ['partner'], partner: id }),
    po: (...programmes) =>
      token({ roles: ['po'], programmes: programmes.map((p) => (p.includes('/') ? p : poScopeEntry(AGREEMENT, p))) }),
    admin: () => token({ roles: ['admin'] }),
    async call(method, path, init = {}) {
      const headers: Record<string, string> = { ...(init.headers ?? {}) };
      if (init.token) headers.Authorization = `Bearer ${init.token}`;
      let body = init.body;
      if (init.json !== undefined) {
        body = JSON.stringify(init.json);
        headers['Content-Type'] = 'application/json';
      }
      const res = await fetch(`${host.url}${path}`, { method, headers, body: body as BodyInit | undefined });
      const bytes = Buffer.from(await res.arrayBuffer());
      let parsed: unknown = undefined;
      if ((res.headers.get('content-type') ?? '').includes('json') && bytes.length)
        parsed = JSON.parse(bytes.toString('utf8'));
      return { status: res.status, headers: res.headers, body: parsed, bytes };
    },
    async close() {
      setClock(undefined);
      await host.close();
    },
  };
}

/**
 * Every JSON answer of a route in these tests is parsed with its schema of the contract
 * (shared/contract API_ROUTES): an answer the contract does not describe becomes a 500
 * `contract_violation` naming the paths, so the test that met it fails there.
 */
export function checkedAgainstContract(route: BoundRoute): BoundRoute {
  const contract = (API_ROUTES as Record<string, RouteContract>)[route.name];
  const schema = contract && 'safeParse' in contract.answer ? contract.answer : undefined;
  if (!schema) return route;
  return {
    ...route,
    async handler(request, context) {
      const response = await route.handler(request, context);
      const ok = (response.status ?? 200) < 300;
      if (!ok || response.jsonBody === undefined) return response;
      const parsed = schema.safeParse(response.jsonBody);
      if (parsed.success) return response;
      return {
        status: 500,
        jsonBody: {
          error: {
            code: 'contract_violation',
            message: `${route.name}: answer not described by shared/contract`,
            details: parsed.error.issues.slice(0, 10).map((i) => ({ path: i.path.join('.'), message: i.message })),
          },
        },
      };
    },
  };
}

/** Every entity of every table and every blob of every container: the "storage unchanged" check. */
export async function storageCensus(storage: Storage): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const t of ['submissions', 'documents', 'audit'] as TableName[]) {
    counts[`table:${t}`] = await countEntities(storage.table(t));
  }
  for (const c of ['submissions', 'documents'] as ContainerName[]) {
    let n = 0;
    for await (const _ of storage.container(c).listBlobsFlat()) n++;
    counts[`blob:${c}`] = n;
  }
  return counts;
}

async function countEntities(table: TableClient): Promise<number> {
  let n = 0;
  for await (const _ of table.listEntities()) n++;
  return n;
}

/** The run's audit signing key (a crash-test child process gets it through AUDIT_SIGNING_KEY). */
export const auditKey = crypto.randomBytes(32);

export const AGREEMENT = 'crema-2026-2028';
export const BASE = `/agreements/${AGREEMENT}`;
