// The key that signs the audit chain (HMAC-SHA256). It is never kept in storage: whoever can write
// the tables and blobs still cannot re-sign a rewritten chain or a forged event.
// - Azure: the app setting AUDIT_SIGNING_KEY (a Key Vault reference in production), ≥ 32 bytes,
//   base64 or text.
// - `npm start` / local tools: .data/keys/audit-signing.key, created on first use (0600).
// - Tests inject one with setAuditSigningKey.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { LOCAL_KEYS_DIR } from './auth';

export const AUDIT_KEY_FILE = 'audit-signing.key';

let current: Buffer | undefined;

export function setAuditSigningKey(key: Buffer | string | undefined): void {
  current = key === undefined ? undefined : Buffer.isBuffer(key) ? key : Buffer.from(key, 'utf8');
}

/** The signing key: injected, else AUDIT_SIGNING_KEY, else (never in production) the local file. */
export function auditSigningKey(env: NodeJS.ProcessEnv = process.env): Buffer {
  if (current) return current;
  const setting = env.AUDIT_SIGNING_KEY;
  if (setting) {
    const key =
      /^[A-Za-z0-9+/]+={0,2}$/.test(setting) && setting.length >= 44
        ? Buffer.from(setting, 'base64')
        : Buffer.from(setting, 'utf8');
    if (key.length < 32) throw new Error('AUDIT_SIGNING_KEY must hold at least 32 bytes');
    current = key;
    return key;
  }
  if (env.NODE_ENV === 'production') throw new Error('AUDIT_SIGNING_KEY must be set in production');
  current = loadOrCreateLocalAuditKey(env.AUDIT_KEYS_DIR ?? LOCAL_KEYS_DIR);
  return current;
}

export function loadOrCreateLocalAuditKey(dir: string): Buffer {
  const file = path.join(dir, AUDIT_KEY_FILE);
  if (fs.existsSync(file)) return Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'base64');
  const key = crypto.randomBytes(32);
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(file, key.toString('base64'), { mode: 0o600 });
  return key;
}

/** HMAC-SHA256 (hex) of a text under the audit key. */
export function auditMac(text: string, key: Buffer = auditSigningKey()): string {
  return crypto.createHmac('sha256', key).update(text, 'utf8').digest('hex');
}

/** A signature made by the current key or, after a rotation, by one of the previous keys. */
export function macMatches(text: string, mac: string, keys: readonly Buffer[] = verificationKeys()): boolean {
  const given = Buffer.from(/^[0-9a-f]{64}$/.test(mac) ? mac : '', 'hex');
  return keys.some((key) => {
    const expected = Buffer.from(auditMac(text, key), 'hex');
    return given.length === expected.length && crypto.timingSafeEqual(given, expected);
  });
}

/**
 * Keys that verify: the current one, then AUDIT_SIGNING_KEY_PREVIOUS (comma-separated, same format)
 * — after a rotation (docs/deploy.md §7) events signed with an older key still verify; new events
 * and the seal are always signed with the current key.
 */
export function verificationKeys(env: NodeJS.ProcessEnv = process.env): Buffer[] {
  const previous = (env.AUDIT_SIGNING_KEY_PREVIOUS ?? '')
    .split(',')
    .map((k) => k.trim())
    .filter(Boolean)
    .map(decodeKey);
  return [auditSigningKey(env), ...previous];
}

function decodeKey(setting: string): Buffer {
  return /^[A-Za-z0-9+/]+={0,2}$/.test(setting) && setting.length >= 44
    ? Buffer.from(setting, 'base64')
    : Buffer.from(setting, 'utf8');
}
