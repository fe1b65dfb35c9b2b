// A route is data: name, methods, path template, who may call it, handler. The handler receives
// the request and the dependencies (clock, storage, auth: functions/lib/deps.ts); bindRoute joins
// a route to a Deps and gives the (request, context) function the Functions host and the dev host
// (scripts/dev-host.ts) both call, so both run identical code; the auth matrix test walks the table.
import type {
  HttpMethod,
  HttpRequest,
  HttpResponseInit,
  HttpFunctionOptions,
  InvocationContext,
} from '@azure/functions';
import { authenticate, requireRole, type Principal, type Role } from './auth';
import { hostDeps, type Deps } from './deps';
import { errorResponse, HttpError } from './http-errors';

/** 'anonymous': no token; 'signed-in': any valid token; else the roles allowed (403 for others). */
export type Access = 'anonymous' | 'signed-in' | readonly Role[];

export interface RouteContext {
  request: HttpRequest;
  context: InvocationContext;
  /** Undefined only on anonymous routes. */
  principal: Principal;
  params: Record<string, string>;
  deps: Deps;
}

export type RouteHandler = (ctx: RouteContext) => Promise<HttpResponseInit>;
export type HttpHandler = (request: HttpRequest, context: InvocationContext) => Promise<HttpResponseInit>;

export interface RouteDef {
  name: string;
  methods: HttpMethod[];
  /** Functions route template, relative to /api: "agreements/{agreement}/submissions/{id}". */
  route: string;
  access: Access;
  /** Parse, authorise, call the service, answer: authentication and errors are done around it. */
  handle: RouteHandler;
}

/** A route joined to its dependencies: what a host serves. */
export interface BoundRoute extends Omit<RouteDef, 'handle'> {
  handler: HttpHandler;
}

const ANONYMOUS: Principal = { subject: 'anonymous', roles: [], poScopes: [] };

export function defineRoute(def: Omit<RouteDef, 'handle'> & { handler: RouteHandler }): RouteDef {
  const { handler, ...rest } = def;
  return { ...rest, handle: handler };
}

/** Wraps the route's handler with authentication, role check and the uniform error answer. */
export function bindRoute(def: RouteDef, deps: Deps | (() => Deps)): BoundRoute {
  const { handle, ...rest } = def;
  const handler: HttpHandler = async (request, context) => {
    try {
      const d = typeof deps === 'function' ? deps() : deps;
      let principal = ANONYMOUS;
      if (def.access !== 'anonymous') {
        principal = await authenticate(request, d);
        if (def.access !== 'signed-in') requireRole(principal, def.access);
      }
      return await handle({ request, context, principal, params: { ...request.params }, deps: d });
    } catch (err) {
      return errorResponse(err, (msg) => context.error(`${def.name}: ${msg}`));
    }
  };
  return { ...rest, handler };
}

/** The exported handler of a function file: give it the deps, get the host's (request, context) function. */
export function handlerOf(def: RouteDef): (deps: Deps) => HttpHandler {
  return (deps) => bindRoute(def, deps).handler;
}

/**
 * app.http options. The Functions host builds its deps from the app settings on first call
 * (hostDeps); `deps` is a parameter only so another host could pass its own.
 */
export function httpOptions(def: RouteDef, deps: () => Deps = hostDeps): HttpFunctionOptions {
  // authLevel anonymous: the JWT check above is the gate, not function keys.
  const { handler } = bindRoute(def, deps);
  return { methods: def.methods, route: def.route, authLevel: 'anonymous', handler };
}

export function json(status: number, body: unknown, headers: Record<string, string> = {}): HttpResponseInit {
  return { status, jsonBody: body, headers: { 'Content-Type': 'application/json; charset=utf-8', ...headers } };
}

/** A JSON answer typed by the contract (shared/contract): the compiler checks the body's shape. */
export function answer<T>(status: number, body: T, headers: Record<string, string> = {}): HttpResponseInit {
  return json(status, body, headers);
}

export { HttpError };
