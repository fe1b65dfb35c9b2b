// The audit key: signatures verify with the current key and, after a rotation, with the previous
// keys named in AUDIT_SIGNING_KEY_PREVIOUS; a signature by any other key does not.
import crypto from 'node:crypto';
import { auditMac, macMatches, setAuditSigningKey, verificationKeys } from '../../functions/lib/audit-key';

afterEach(() => setAuditSigningKey(undefined));

it('verifies with the current and the previous keys, and with no other', () => {
  const old = crypto.randomBytes(32);
  const current = crypto.randomBytes(32);
  setAuditSigningKey(current);
  const env = { AUDIT_SIGNING_KEY_PREVIOUS: old.toString('base64') } as NodeJS.ProcessEnv;
  const keys = verificationKeys(env);
  expect(keys).toHaveLength(2);
  expect(macMatches('1|abc', auditMac('1|abc', old), keys)).toBe(true);
  expect(macMatches('1|abc', auditMac('1|abc'), keys)).toBe(true);
  expect(macMatches('1|abc', auditMac('1|abc', crypto.randomBytes(32)), keys)).toBe(false);
  expect(macMatches('1|abd', auditMac('1|abc', current), keys)).toBe(false);
  expect(macMatches('1|abc', 'not-hex', keys)).toBe(false);
});

it('refuses a key shorter than 32 bytes from the app setting', () => {
  expect(() => verificationKeys({ AUDIT_SIGNING_KEY: 'short' } as NodeJS.ProcessEnv)).toThrow(/32 bytes/);
});
