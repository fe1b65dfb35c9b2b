// Bearer JWT verification with jose. Production: Microsoft Entra ID (tenant JWKS, issuer, audience
// from app settings). Local: a signing key and JWKS under .data/keys (see dev-keys.ts). The
// configuration is a dependency (Deps.auth, functions/lib/deps.ts): tests pass a per-run key.
import fs from 'node:fs';
import path from 'node:path';
import {
  createLocalJWKSet,
  createRemoteJWKSet,
  errors as joseErrors,
  jwtVerify,
  type JSONWebKeySet,
  type JWTVerifyGetKey,
} from 'jose';
import type { HttpRequest } from '@azure/functions';
import { hasPoScope, parsePoScopes, type PoScope } from '../../shared/contract/po-scope-claim';
import { forbidden, unauthenticated } from './http-errors';

export type Role = 'partner' | 'po' | 'admin';
export const ROLES: readonly Role[] = ['partner', 'po', 'admin'];

/** Who is calling: roles and scope only; no names are read or kept. */
export interface Principal {
  /** Opaque subject (Entra `oid`, else `sub`): an id, never a name. */
  subject: string;
  roles: Role[];
  /** Entity id for partner bookkeepers. */
  partner?: string;
  /**
   * (agreement, programme) pairs a PO is responsible for, parsed once from the `programmes` claim
   * (shared/contract/po-scope-claim.ts): a programme id alone never scopes anything, since ids repeat
   * across agreements.
   */
  poScopes: PoScope[];
}

export interface AuthConfig {
  issuer: string;
  audience: string;
  keys: JWTVerifyGetKey;
  /** Clock skew tolerated on exp/nbf, seconds. */
  clockToleranceSec?: number;
  /** Injected clock for expiry checks (tests); defaults to the real time. */
  now?: () => Date;
}

export const LOCAL_ISSUER = 'https://rendiconta.local/dev';
export const LOCAL_AUDIENCE = 'api://rendiconta-dev';
export const LOCAL_KEYS_DIR = path.resolve(process.cwd(), '.data', 'keys');

export function localJwks(jwks: JSONWebKeySet): JWTVerifyGetKey {
  return createLocalJWKSet(jwks);
}

/**
 * From app settings: AUTH_ISSUER, AUTH_AUDIENCE, AUTH_JWKS_URL (Entra:
 * https://login.microsoftonline.com/{tenant}/discovery/v2.0/keys). Outside production, without
 * AUTH_JWKS_URL, the local JWKS (AUTH_JWKS_FILE or .data/keys/jwks.json) is used.
 */
export function authConfigFromEnv(env: NodeJS.ProcessEnv = process.env): AuthConfig {
  const production = env.NODE_ENV === 'production';
  if (env.AUTH_JWKS_URL) {
    if (!env.AUTH_ISSUER || !env.AUTH_AUDIENCE)
      throw new Error('AUTH_ISSUER and AUTH_AUDIENCE are required with AUTH_JWKS_URL');
    return {
      issuer: env.AUTH_ISSUER,
      audience: env.AUTH_AUDIENCE,
      keys: createRemoteJWKSet(new URL(env.AUTH_JWKS_URL)),
    };
  }
  if (production) throw new Error('AUTH_JWKS_URL, AUTH_ISSUER and AUTH_AUDIENCE must be set in production');
  const file = env.AUTH_JWKS_FILE ?? path.join(LOCAL_KEYS_DIR, 'jwks.json');
  if (!fs.existsSync(file)) throw new Error(`local JWKS not found at ${file}: run "npm run token" or "npm start" once`);
  const jwks = JSON.parse(fs.readFileSync(file, 'utf8')) as JSONWebKeySet;
  return {
    issuer: env.AUTH_ISSUER ?? LOCAL_ISSUER,
    audience: env.AUTH_AUDIENCE ?? LOCAL_AUDIENCE,
    keys: createLocalJWKSet(jwks),
  };
}

/**
 * The caller of a request, from its bearer token. `deps.auth` is read here, inside the check: a
 * host whose settings cannot give a configuration answers 401 on protected routes (and nothing
 * else breaks), as the lazy host deps (deps.ts) throw only when the configuration is first read.
 */
export async function authenticate(request: HttpRequest, deps: { readonly auth: AuthConfig }): Promise<Principal> {
  const header = request.headers.get('authorization') ?? '';
  const match = /^Bearer\s+(\S+)$/i.exec(header.trim());
  if (!match) throw unauthenticated('missing_token');
  let cfg: AuthConfig;
  try {
    cfg = deps.auth;
  } catch {
    // Misconfigured host: fail closed, but say nothing about the configuration to the caller.
    throw unauthenticated('not_configured');
  }
  try {
    const { payload } = await jwtVerify(match[1], cfg.keys, {
      issuer: cfg.issuer,
      audience: cfg.audience,
      algorithms: ['ES256', 'RS256'],
      clockTolerance: cfg.clockToleranceSec ?? 30,
      requiredClaims: ['exp'],
      ...(cfg.now ? { currentDate: cfg.now() } : {}),
    });
    return principalFrom(payload);
  } catch (err) {
    if (err instanceof joseErrors.JWTExpired) throw unauthenticated('expired');
    if (err instanceof joseErrors.JWTClaimValidationFailed) throw unauthenticated(`claim_${err.claim}`);
    if (err instanceof joseErrors.JWKSNoMatchingKey) throw unauthenticated('unknown_key');
    if (err instanceof joseErrors.JWSSignatureVerificationFailed) throw unauthenticated('bad_signature');
    if (err instanceof Error && err.name === 'HttpError') throw err;
    throw unauthenticated('invalid_token');
  }
}

function principalFrom(payload: Record<string, unknown>): Principal {
  const rawRoles = Array.isArray(payload.roles) ? payload.roles : [];
  // Entra app roles are often capitalised ("PO", "Partner"): compare case-insensitively.
  const roles = rawRoles
    .filter((r): r is string => typeof r === 'string')
    .map((r) => r.toLowerCase())
    .filter((r): r is Role => (ROLES as readonly string[]).includes(r));
  const subject = typeof payload.oid === 'string' ? payload.oid : typeof payload.sub === 'string' ? payload.sub : '';
  if (!subject) throw unauthenticated('claim_sub');
  const partner = typeof payload.partner === 'string' && payload.partner ? payload.partner : undefined;
  const poScopes = parsePoScopes(payload.programmes);
  return { subject, roles: [...new Set(roles)], partner, poScopes };
}

export function hasRole(principal: Principal, role: Role): boolean {
  return principal.roles.includes(role);
}

/** 403 unless the caller holds one of the roles (with the scope the role needs). */
export function requireRole(principal: Principal, allowed: readonly Role[]): void {
  const ok = allowed.some(
    (role) =>
      hasRole(principal, role) &&
      (role !== 'partner' || principal.partner !== undefined) &&
      (role !== 'po' || principal.poScopes.length > 0),
  );
  if (!ok) throw forbidden('Il tuo ruolo non consente questa operazione.', { allowedRoles: allowed });
}

export function isAdmin(p: Principal): boolean {
  return hasRole(p, 'admin');
}

/** A PO of this programme of this agreement (or an admin). */
export function isPoOf(p: Principal, agreement: string, programme: string): boolean {
  return isAdmin(p) || (hasRole(p, 'po') && hasPoScope(p.poScopes, agreement, programme));
}

/**
 * Partner bookkeepers see their entity; POs their programmes of this agreement; admins everything.
 * The agreement is the route's: a PO of Crema's P1 does not read the Ambito's P1.
 */
export function canReadReport(p: Principal, agreement: string, partner: string, programme: string): boolean {
  if (isPoOf(p, agreement, programme)) return true;
  return hasRole(p, 'partner') && p.partner === partner;
}

/** The actor written to the audit log: role and ids, never a name. */
export function actorOf(p: Principal): { role: string; id: string } {
  if (isAdmin(p)) return { role: 'admin', id: p.subject };
  if (hasRole(p, 'partner') && p.partner) return { role: 'partner', id: `${p.partner}/${p.subject}` };
  if (hasRole(p, 'po')) return { role: 'po', id: p.subject };
  return { role: p.roles[0] ?? 'none', id: p.subject };
}
