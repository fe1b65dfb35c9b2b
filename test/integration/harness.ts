// Per-file test API: a fresh signing key (injected, nothing on disk), a private storage namespace
// in the run's Azurite, the dev host on a free loopback port serving the real route table.
import crypto from 'node:crypto';
import type { TableClient } from '@azure/data-tables';
import { LOCAL_AUDIENCE, LOCAL_ISSUER, localJwks, setAuthConfig } from '../../functions/lib/auth';
import {
  generateSigningKey,
  mintToken,
  type MintOptions,
  type SigningKey,
  type TokenClaims,
} from '../../functions/lib/dev-keys';
import { setClock } from '../../functions/lib/clock';
import { setAuditSigningKey } from '../../functions/lib/audit-key';
import {
  createStorage,
  setStorage,
  type ContainerName,
  type Storage,
  type TableName,
} from '../../functions/lib/storage';
import { ROUTES } from '../../functions/routes';
import { poScopeEntry } from '../../shared/contract/po-scope-claim';
import { startDevHost, type DevHost } from '../../scripts/dev-host';

export interface TestApi {
  url: string;
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
  setStorage(storage);
  const key = await generateSigningKey();
  setAuthConfig({ issuer: LOCAL_ISSUER, audience: LOCAL_AUDIENCE, keys: localJwks(key.jwks) });
  // The audit chain's signing key: per run, in memory only (never in storage).
  setAuditSigningKey(auditKey);
  const host: DevHost = await startDevHost({ routes: ROUTES, port: 0, log: () => undefined });
  const token = (claims: TokenClaims, options?: MintOptions) => mintToken(key, claims, options);
  return {
    url: host.url,
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
