// Development signing key: an EC P-256 key pair and its public JWKS under .data/keys, created on
// first use. Never used in production (authConfigFromEnv refuses the local JWKS there).
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { SignJWT, exportJWK, generateKeyPair, importJWK, type JSONWebKeySet, type JWK, type KeyLike } from 'jose';
import { LOCAL_AUDIENCE, LOCAL_ISSUER, LOCAL_KEYS_DIR, type Role } from './auth';

export interface SigningKey {
  kid: string;
  privateKey: KeyLike | Uint8Array;
  jwks: JSONWebKeySet;
}

export async function generateSigningKey(): Promise<SigningKey & { privateJwk: JWK }> {
  const { privateKey, publicKey } = await generateKeyPair('ES256', { extractable: true });
  const kid = crypto.randomUUID();
  const publicJwk = { ...(await exportJWK(publicKey)), kid, alg: 'ES256', use: 'sig' };
  const privateJwk = { ...(await exportJWK(privateKey)), kid, alg: 'ES256' };
  return { kid, privateKey, privateJwk, jwks: { keys: [publicJwk] } };
}

/** Loads .data/keys, creating it the first time. */
export async function loadOrCreateLocalKey(dir = LOCAL_KEYS_DIR): Promise<SigningKey> {
  const privateFile = path.join(dir, 'private.jwk.json');
  const jwksFile = path.join(dir, 'jwks.json');
  if (fs.existsSync(privateFile) && fs.existsSync(jwksFile)) {
    const privateJwk = JSON.parse(fs.readFileSync(privateFile, 'utf8')) as JWK;
    const jwks = JSON.parse(fs.readFileSync(jwksFile, 'utf8')) as JSONWebKeySet;
    return { kid: privateJwk.kid ?? '', privateKey: await importJWK(privateJwk, 'ES256'), jwks };
  }
  const key = await generateSigningKey();
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(privateFile, JSON.stringify(key.privateJwk, null, 2), { mode: 0o600 });
  fs.writeFileSync(jwksFile, JSON.stringify(key.jwks, null, 2));
  return key;
}

export interface TokenClaims {
  roles: Role[];
  partner?: string;
  programmes?: string[];
  sub?: string;
}

export interface MintOptions {
  issuer?: string;
  audience?: string;
  /** Lifetime in seconds (negative to mint an already expired token in tests). */
  expiresInSec?: number;
  now?: Date;
  kid?: string;
}

export async function mintToken(key: SigningKey, claims: TokenClaims, options: MintOptions = {}): Promise<string> {
  const nowSec = Math.floor((options.now ?? new Date()).getTime() / 1000);
  const sub =
    claims.sub ?? `dev-${claims.roles.join('-')}-${claims.partner ?? ((claims.programmes ?? []).join('-') || 'all')}`;
  return new SignJWT({ roles: claims.roles, partner: claims.partner, programmes: claims.programmes ?? [], oid: sub })
    .setProtectedHeader({ alg: 'ES256', kid: options.kid ?? key.kid, typ: 'JWT' })
    .setSubject(sub)
    .setIssuer(options.issuer ?? LOCAL_ISSUER)
    .setAudience(options.audience ?? LOCAL_AUDIENCE)
    .setIssuedAt(nowSec)
    .setExpirationTime(nowSec + (options.expiresInSec ?? 8 * 3600))
    .sign(key.privateKey);
}
