// The key that signs the audit chain (HMAC-SHA256). It is never kept in storage: whoever can write
// the tables and blobs still cannot re-sign a rewritten chain or a forged event.
// - Azure: the app setting AUDIT_SIGNING_KEY (a Key Vault reference in production), ≥ 32 bytes,
//   base64 or text.
// - `npm start` / local tools: .data/keys/audit-signing.key, created on first use (0600).
// - Tests build their own (auditKeysOf).
// The keys travel in the process's Deps (deps.ts), read once where the process starts.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { LOCAL_KEYS_DIR } from './auth';

export const AUDIT_KEY_FILE = 'audit-signing.key';

/** The key that signs new events and the seal, and the older ones that still verify. */
export interface AuditKeys {
  readonly signing: Buffer;
  /** AUDIT_SIGNING_KEY_PREVIOUS after a rotation: events they signed still verify. */
  readonly previous: readonly Buffer[];
}

export function auditKeysOf(signing: Buffer | string, previous: readonly Buffer[] = []): AuditKeys {
  return { signing: Buffer.isBuffer(signing) ? signing : Buffer.from(signing, 'utf8'), previous };
}

/**
 * From app settings: AUDIT_SIGNING_KEY, else (never in production) the local file; then
 * AUDIT_SIGNING_KEY_PREVIOUS (comma-separated, same format) — after a rotation (docs/deploy.md §7)
 * events signed with an older key still verify; new events and the seal use the signing key.
 */
export function auditKeysFromEnv(env: NodeJS.ProcessEnv = process.env): AuditKeys {
  const previous = (env.AUDIT_SIGNING_KEY_PREVIOUS ?? '')
    .split(',')
    .map((k) => k.trim())
    .filter(Boolean)
    .map(decodeKey);
  return { signing: signingKeyFromEnv(env), previous };
}

function signingKeyFromEnv(env: NodeJS.ProcessEnv): Buffer {
  const setting = env.AUDIT_SIGNING_KEY;
  if (setting) {
    const key = decodeKey(setting);
    if (key.length < 32) throw new Error('AUDIT_SIGNING_KEY must hold at least 32 bytes');
    return key;
  }
  if (env.NODE_ENV === 'production') throw new Error('AUDIT_SIGNING_KEY must be set in production');
  return loadOrCreateLocalAuditKey(env.AUDIT_KEYS_DIR ?? LOCAL_KEYS_DIR);
}

export function loadOrCreateLocalAuditKey(dir: string): Buffer {
  const file = path.join(dir, AUDIT_KEY_FILE);
  if (fs.existsSync(file)) return Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'base64');
  const key = crypto.randomBytes(32);
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(file, key.toString('base64'), { mode: 0o600 });
  return key;
}

/** HMAC-SHA256 (hex) of a text under a key. */
export function auditMac(text: string, key: Buffer): string {
  return crypto.createHmac('sha256', key).update(text, 'utf8').digest('hex');
}

/** A signature made by the signing key or, after a rotation, by one of the previous keys. */
export function macMatches(text: string, mac: string, keys: AuditKeys): boolean {
  const given = Buffer.from(/^[0-9a-f]{64}$/.test(mac) ? mac : '', 'hex');
  return [keys.signing, ...keys.previous].some((key) => {
    const expected = Buffer.from(auditMac(text, key), 'hex');
    return given.length === expected.length && crypto.timingSafeEqual(given, expected);
  });
}

function decodeKey(setting: string): Buffer {
  return /^[A-Za-z0-9+/]+={0,2}$/.test(setting) && setting.length >= 44
    ? Buffer.from(setting, 'base64')
    : Buffer.from(setting, 'utf8');
}
