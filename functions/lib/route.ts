// A route is data: name, methods, path template, who may call it, handler. The same objects are
// registered with app.http (Functions host) and served by the dev host (scripts/dev-host.ts), so
// both run identical code; the auth matrix test walks this table.
import type {
  HttpMethod,
  HttpRequest,
  HttpResponseInit,
  HttpFunctionOptions,
  InvocationContext,
} from '@azure/functions';
import { authenticate, requireRole, type Principal, type Role } from './auth';
import { errorResponse, HttpError } from './http-errors';

/** 'anonymous': no token; 'signed-in': any valid token; else the roles allowed (403 for others). */
export type Access = 'anonymous' | 'signed-in' | readonly Role[];

export interface RouteContext {
  request: HttpRequest;
  context: InvocationContext;
  /** Undefined only on anonymous routes. */
  principal: Principal;
  params: Record<string, string>;
}

export type RouteHandler = (ctx: RouteContext) => Promise<HttpResponseInit>;
export type HttpHandler = (request: HttpRequest, context: InvocationContext) => Promise<HttpResponseInit>;

export interface RouteDef {
  name: string;
  methods: HttpMethod[];
  /** Functions route template, relative to /api: "agreements/{agreement}/submissions/{id}". */
  route: string;
  access: Access;
  handler: HttpHandler;
}

const ANONYMOUS: Principal = { subject: 'anonymous', roles: [], poScopes: [] };

/** Wraps a route handler with authentication, role check and the uniform error answer. */
export function defineRoute(def: Omit<RouteDef, 'handler'> & { handler: RouteHandler }): RouteDef {
  const handler: HttpHandler = async (request, context) => {
    try {
      let principal = ANONYMOUS;
      if (def.access !== 'anonymous') {
        principal = await authenticate(request);
        if (def.access !== 'signed-in') requireRole(principal, def.access);
      }
      return await def.handler({ request, context, principal, params: { ...request.params } });
    } catch (err) {
      return errorResponse(err, (msg) => context.error(`${def.name}: ${msg}`));
    }
  };
  return { ...def, handler };
}

export function httpOptions(def: RouteDef): HttpFunctionOptions {
  // authLevel anonymous: the JWT check above is the gate, not function keys.
  return { methods: def.methods, route: def.route, authLevel: 'anonymous', handler: def.handler };
}

export function json(status: number, body: unknown, headers: Record<string, string> = {}): HttpResponseInit {
  return { status, jsonBody: body, headers: { 'Content-Type': 'application/json; charset=utf-8', ...headers } };
}

export { HttpError };
