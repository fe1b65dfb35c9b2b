// What a handler needs from the outside world, passed in rather than looked up: the clock, the
// storage, the token configuration and the audit keys. Built once where the process starts
// (depsFromEnv for the Functions host and the dev host; the test harness builds its own) and given
// to the routes (buildRoutes in functions/routes.ts), the timer and the services.
import type { Clock } from '../../shared/core/dates';
import { authConfigFromEnv, type AuthConfig } from './auth';
import { auditKeysFromEnv, type AuditKeys } from './audit-key';
import { systemClock } from './clock';
import { storageFromEnv, type Storage } from './storage';

export interface Deps {
  /** The server's clock: window locks, audit timestamps, "today" in Rome. */
  readonly clock: Clock;
  readonly storage: Storage;
  /** Token issuer, audience and keys (functions/lib/auth.ts). */
  readonly auth: AuthConfig;
  /** The keys that sign and verify the audit chain (functions/lib/audit-key.ts). */
  readonly auditKeys: AuditKeys;
}

/** What the stores and services need: they never read tokens. */
export type StoreDeps = Pick<Deps, 'storage' | 'clock' | 'auditKeys'>;

/**
 * From app settings (STORAGE_CONNECTION_STRING / AzureWebJobsStorage or STORAGE_ACCOUNT_NAME / endpoints, STORAGE_NAMESPACE,
 * AUTH_ISSUER / AUTH_AUDIENCE / AUTH_JWKS_URL / AUTH_JWKS_FILE, AUDIT_SIGNING_KEY[_PREVIOUS]). Storage,
 * auth and the audit keys are read on first use, once: a host without a JWKS still answers /api/health, and refuses tokens with a 401
 * (`not_configured`) instead of failing to start. `given` overrides parts (a script that already
 * holds a storage client).
 */
export function depsFromEnv(env: NodeJS.ProcessEnv = process.env, given: Partial<Deps> = {}): Deps {
  let storage = given.storage;
  let auth = given.auth;
  let auditKeys = given.auditKeys;
  return {
    clock: given.clock ?? systemClock,
    get storage() {
      storage ??= storageFromEnv(env);
      return storage;
    },
    get auth() {
      auth ??= authConfigFromEnv(env);
      return auth;
    },
    get auditKeys() {
      auditKeys ??= auditKeysFromEnv(env);
      return auditKeys;
    },
  };
}

let host: Deps | undefined;

/**
 * The Functions host's dependencies, built from its app settings on first use. Only the app.http /
 * app.timer registrations at the end of each function file use it: everything else receives deps.
 */
export function hostDeps(): Deps {
  host ??= depsFromEnv();
  return host;
}
