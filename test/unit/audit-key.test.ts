// The audit keys: signatures verify with the signing key and, after a rotation, with the previous
// keys named in AUDIT_SIGNING_KEY_PREVIOUS; a signature by any other key does not. The keys come
// from the app settings each time they are read (no process-wide copy): deps.ts reads them once.
import crypto from 'node:crypto';
import { auditKeysFromEnv, auditMac, macMatches } from '../../functions/lib/audit-key';
import { depsFromEnv } from '../../functions/lib/deps';

const base64 = (key: Buffer) => key.toString('base64');

it('verifies with the signing and the previous keys, and with no other', () => {
  const old = crypto.randomBytes(32);
  const current = crypto.randomBytes(32);
  const keys = auditKeysFromEnv({
    AUDIT_SIGNING_KEY: base64(current),
    AUDIT_SIGNING_KEY_PREVIOUS: base64(old),
  } as NodeJS.ProcessEnv);
  expect(keys.signing.equals(current)).toBe(true);
  expect(keys.previous).toHaveLength(1);
  expect(macMatches('1|abc', auditMac('1|abc', old), keys)).toBe(true);
  expect(macMatches('1|abc', auditMac('1|abc', current), keys)).toBe(true);
  expect(macMatches('1|abc', auditMac('1|abc', crypto.randomBytes(32)), keys)).toBe(false);
  expect(macMatches('1|abd', auditMac('1|abc', current), keys)).toBe(false);
  expect(macMatches('1|abc', 'not-hex', keys)).toBe(false);
});

it('refuses a key shorter than 32 bytes from the app setting, and none in production', () => {
  expect(() => auditKeysFromEnv({ AUDIT_SIGNING_KEY: 'short' } as NodeJS.ProcessEnv)).toThrow(/32 bytes/);
  expect(() => auditKeysFromEnv({ NODE_ENV: 'production' } as NodeJS.ProcessEnv)).toThrow(/must be set/);
});

it('two processes configured with different keys sign with their own (no key shared through the module)', () => {
  const a = depsFromEnv({ AUDIT_SIGNING_KEY: base64(crypto.randomBytes(32)) } as NodeJS.ProcessEnv);
  const b = depsFromEnv({ AUDIT_SIGNING_KEY: base64(crypto.randomBytes(32)) } as NodeJS.ProcessEnv);
  expect(a.auditKeys.signing.equals(b.auditKeys.signing)).toBe(false);
  expect(a.auditKeys).toBe(a.auditKeys); // read once per Deps
});
