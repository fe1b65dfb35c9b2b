// Development host: serves the route table of functions/routes.ts under /api on node:http, for
// machines without Azure Functions Core Tools (outside the Functions host app.http registers
// nothing). Each request becomes the same HttpRequest/InvocationContext the host would build.
//   npx tsx scripts/dev-host.ts [--port 7071]   (deps from the environment: STORAGE_CONNECTION_STRING /
//   AzureWebJobsStorage, AUTH_* — functions/lib/deps.ts)
import http from 'node:http';
import crypto from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { HttpRequest, InvocationContext, type HttpResponseInit } from '@azure/functions';
import type { BoundRoute } from '../functions/lib/route';
import { errorBody } from '../functions/lib/http-errors';

/** Above every handler's own cap (documents 10 MiB, JSON 16 MiB): a backstop, not the policy. */
export const DEV_HOST_BODY_LIMIT = 32 * 1024 * 1024;

interface CompiledRoute {
  def: BoundRoute;
  pattern: RegExp;
  names: string[];
}

function compile(def: BoundRoute): CompiledRoute {
  const names: string[] = [];
  const source = def.route
    .split('/')
    .map((segment) => {
      const m = /^\{(\w+)\??\}$/.exec(segment);
      if (!m) return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      names.push(m[1]);
      return '([^/]+)';
    })
    .join('/');
  return { def, pattern: new RegExp(`^/api/${source}/?$`, 'i'), names };
}

export interface DevHostOptions {
  /** The route table joined to its dependencies: buildRoutes(deps) of functions/routes.ts. */
  routes: readonly BoundRoute[];
  port?: number;
  host?: string;
  /** Where handler logs go; defaults to stderr with the level. */
  log?: (level: string, message: string) => void;
  /** Browser origins allowed to call the API (the task pane); Azure configures CORS on the app. */
  corsOrigins?: readonly string[];
}

export const DEFAULT_CORS_ORIGINS = ['https://localhost:3000'];

export interface DevHost {
  server: http.Server;
  url: string;
  port: number;
  close(): Promise<void>;
}

export async function startDevHost(options: DevHostOptions): Promise<DevHost> {
  const compiled = options.routes.map(compile);
  const log = options.log ?? ((level, message) => process.stderr.write(`[${level}] ${message}\n`));
  const server = http.createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      log('error', `dev host: ${err instanceof Error ? err.message : String(err)}`);
      if (!res.headersSent) send(res, 500, errorBody('internal', 'Errore interno del servizio.'));
      else res.destroy();
    });
  });

  const corsOrigins = options.corsOrigins ?? DEFAULT_CORS_ORIGINS;

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', `http://${req.headers.host ?? 'localhost'}`);
    const origin = req.headers.origin;
    if (origin && corsOrigins.includes(origin)) {
      res.setHeader('Access-Control-Allow-Origin', origin);
      res.setHeader('Vary', 'Origin');
      res.setHeader(
        'Access-Control-Expose-Headers',
        'Location, Idempotent-Replayed, Content-Disposition, X-Content-SHA256',
      );
      if (req.method === 'OPTIONS') {
        res.writeHead(204, {
          'Access-Control-Allow-Methods': 'GET, POST, PUT, OPTIONS',
          'Access-Control-Allow-Headers': 'Authorization, Content-Type, Idempotency-Key, X-File-Name',
          'Access-Control-Max-Age': '600',
        });
        res.end();
        return;
      }
    }
    const candidates = compiled
      .map((c) => ({ c, m: c.pattern.exec(url.pathname) }))
      .filter((x): x is { c: CompiledRoute; m: RegExpExecArray } => x.m !== null);
    if (candidates.length === 0) return send(res, 404, errorBody('not_found', 'Risorsa non trovata.'));
    const method = (req.method ?? 'GET').toUpperCase();
    const hit = candidates.find((x) => x.c.def.methods.includes(method as never));
    if (!hit) {
      return send(res, 405, errorBody('method_not_allowed', 'Metodo non consentito per questa risorsa.'), {
        Allow: [...new Set(candidates.flatMap((x) => x.c.def.methods))].join(', '),
      });
    }
    const declared = Number(req.headers['content-length'] ?? NaN);
    if (Number.isFinite(declared) && declared > DEV_HOST_BODY_LIMIT) {
      req.resume();
      return send(res, 413, errorBody('payload_too_large', 'Il contenuto supera la dimensione massima consentita.'));
    }
    const received = performance.now();
    const body = await readBody(req);
    const read = performance.now() - received;
    if (body === null)
      return send(res, 413, errorBody('payload_too_large', 'Il contenuto supera la dimensione massima consentita.'));

    const params: Record<string, string> = {};
    hit.c.names.forEach((name, i) => (params[name] = decodeURIComponent(hit.m[i + 1])));
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(req.headers))
      if (v !== undefined) headers[k] = Array.isArray(v) ? v.join(', ') : v;
    const request = new HttpRequest({
      method,
      url: url.toString(),
      headers,
      params,
      body: body.length > 0 ? { bytes: body } : undefined,
    });
    const context = new InvocationContext({
      invocationId: crypto.randomUUID(),
      functionName: hit.c.def.name,
      logHandler: (level, ...args) => log(level, args.map(String).join(' ')),
    });
    const started = performance.now();
    const response = await hit.c.def.handler(request, context);
    // Durations only: how long the body took to arrive and how long the handler ran.
    res.setHeader(
      'Server-Timing-Host',
      `body;dur=${read.toFixed(1)}, handler;dur=${(performance.now() - started).toFixed(1)}`,
    );
    await writeResponse(res, response);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 7071, options.host ?? '127.0.0.1', () => resolve());
  });
  // Keep-alive sockets would hold close() open; tests and the bench close hosts often.
  server.keepAliveTimeout = 1000;
  const port = (server.address() as AddressInfo).port;
  return {
    server,
    port,
    url: `http://${options.host ?? '127.0.0.1'}:${port}/api`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function readBody(req: http.IncomingMessage): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > DEV_HOST_BODY_LIMIT) over = true;
      else if (!over) chunks.push(chunk);
    });
    req.on('end', () => resolve(over ? null : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function send(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    ...headers,
  });
  res.end(text);
}

async function writeResponse(res: http.ServerResponse, response: HttpResponseInit): Promise<void> {
  const headers: Record<string, string> = {};
  const given = response.headers;
  if (given) {
    const entries =
      given instanceof Headers ? [...given.entries()] : Array.isArray(given) ? given : Object.entries(given);
    for (const [k, v] of entries) headers[k] = String(v);
  }
  let payload: Buffer | undefined;
  if (response.jsonBody !== undefined) {
    payload = Buffer.from(JSON.stringify(response.jsonBody));
    if (!Object.keys(headers).some((k) => k.toLowerCase() === 'content-type'))
      headers['Content-Type'] = 'application/json; charset=utf-8';
  } else if (typeof response.body === 'string') payload = Buffer.from(response.body);
  else if (response.body instanceof Uint8Array) payload = Buffer.from(response.body);
  else if (response.body instanceof ArrayBuffer) payload = Buffer.from(response.body);
  else if (response.body !== undefined && response.body !== null)
    payload = Buffer.from(await new Response(response.body as BodyInit).arrayBuffer());
  for (const k of Object.keys(headers)) if (k.toLowerCase() === 'content-length') delete headers[k];
  if (payload) headers['Content-Length'] = String(payload.length);
  res.writeHead(response.status ?? 200, headers);
  res.end(payload);
}

async function main(): Promise<void> {
  const portArg = process.argv.indexOf('--port');
  const port = portArg > 0 ? Number(process.argv[portArg + 1]) : Number(process.env.PORT ?? 7071);
  await import('./quiet-registration');
  const { ROUTES, buildRoutes } = await import('../functions/routes');
  const { depsFromEnv } = await import('../functions/lib/deps');
  const host = await startDevHost({ routes: buildRoutes(depsFromEnv()), port });
  console.log(`dev host listening on ${host.url}`);
  for (const r of ROUTES) console.log(`  ${r.methods.join(',').padEnd(8)} /api/${r.route}`);
}

if (require.main === module) {
  main().catch((err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exitCode = 1;
  });
}
