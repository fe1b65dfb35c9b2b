// The PO `programmes` claim: qualified "<agreementId>/<programme>" entries, bare "P1" read as the
// default agreement's only, malformed entries dropped (they grant nothing; the token's other
// entries still hold), unknown agreement ids kept but never matching. Then the same claim through
// authenticate() and the checks every route uses, and through the dev token script.
import type { HttpRequest } from '@azure/functions';
import {
  LOCAL_AUDIENCE,
  LOCAL_ISSUER,
  authenticate,
  canReadReport,
  isPoOf,
  localJwks,
  requireRole,
  type AuthConfig,
} from '../../functions/lib/auth';
import { generateSigningKey, mintToken, type SigningKey } from '../../functions/lib/dev-keys';
import { requirePoOf } from '../../functions/lib/po-scope';
import { parseTokenArgs } from '../../scripts/token';
import { DEFAULT_AGREEMENT_ID } from '../../shared/agreement/agreements';
import { hasPoScope, parsePoScopeEntry, parsePoScopes, programmesIn } from '../../shared/contract/po-scope-claim';

const CREMA = 'crema-2026-2028';
const AMBITO = 'ambito-poverta-2026-2028';

describe('parsePoScopeEntry', () => {
  it('reads a qualified entry as its agreement and programme', () => {
    expect(parsePoScopeEntry(`${AMBITO}/P1`)).toEqual({ agreement: AMBITO, programme: 'P1' });
    expect(parsePoScopeEntry(`${CREMA}/P6`)).toEqual({ agreement: CREMA, programme: 'P6' });
  });

  it('reads a bare entry as the default agreement (Crema) only', () => {
    expect(DEFAULT_AGREEMENT_ID).toBe(CREMA);
    expect(parsePoScopeEntry('P1')).toEqual({ agreement: CREMA, programme: 'P1' });
  });

  it.each([
    ['an empty string', ''],
    ['an empty agreement', '/P1'],
    ['an empty programme', `${CREMA}/`],
    ['two slashes', `${CREMA}/P1/x`],
    ['spaces', ' P1'],
    ['spaces inside', `${CREMA} /P1`],
    ['a wildcard', `${CREMA}/*`],
    ['a number', 1],
    ['null', null],
    ['an object', { agreement: CREMA, programme: 'P1' }],
  ])('rejects %s', (_label, entry) => {
    expect(parsePoScopeEntry(entry)).toBeNull();
  });

  it('keeps an unknown agreement id (it simply never matches a route)', () => {
    expect(parsePoScopeEntry('nowhere-2026-2028/P1')).toEqual({ agreement: 'nowhere-2026-2028', programme: 'P1' });
  });
});

describe('parsePoScopes', () => {
  it('drops malformed entries, keeps the others in order and collapses duplicates', () => {
    const scopes = parsePoScopes(['P2', `${CREMA}/P2`, '/P1', `${AMBITO}/P1`, 7, `${AMBITO}/P1/x`]);
    expect(scopes).toEqual([
      { agreement: CREMA, programme: 'P2' },
      { agreement: AMBITO, programme: 'P1' },
    ]);
  });

  it('grants nothing for a claim that is not an array', () => {
    expect(parsePoScopes(undefined)).toEqual([]);
    expect(parsePoScopes('crema-2026-2028/P1')).toEqual([]);
    expect(parsePoScopes({ 0: 'P1' })).toEqual([]);
  });

  it('matches on the pair, never on the programme alone', () => {
    const scopes = parsePoScopes(['P1', `${AMBITO}/P1`, 'nowhere/P3']);
    expect(hasPoScope(scopes, CREMA, 'P1')).toBe(true);
    expect(hasPoScope(scopes, AMBITO, 'P1')).toBe(true);
    expect(hasPoScope(scopes, CREMA, 'P3')).toBe(false);
    expect(hasPoScope(parsePoScopes(['P1']), AMBITO, 'P1')).toBe(false);
    expect(hasPoScope(parsePoScopes([`${CREMA}/P1`]), AMBITO, 'P1')).toBe(false);
    expect(programmesIn(scopes, CREMA)).toEqual(['P1']);
    expect(programmesIn(scopes, AMBITO)).toEqual(['P1']);
    expect(programmesIn(scopes, 'nowhere')).toEqual(['P3']);
  });
});

describe('the claim through authenticate() and the route checks', () => {
  let key: SigningKey;
  let auth: AuthConfig;
  beforeAll(async () => {
    key = await generateSigningKey();
    auth = { issuer: LOCAL_ISSUER, audience: LOCAL_AUDIENCE, keys: localJwks(key.jwks) };
  });

  const principalOf = async (programmes: unknown[]) => {
    const token = await mintToken(key, { roles: ['po'], programmes: programmes as string[] });
    const request = { headers: new Headers({ authorization: `Bearer ${token}` }) } as unknown as HttpRequest;
    return authenticate(request, { auth });
  };

  it('parses the claim once into poScopes on the principal', async () => {
    const p = await principalOf([`${CREMA}/P1`, 'P2', 'bad/entry/x']);
    expect(p.poScopes).toEqual([
      { agreement: CREMA, programme: 'P1' },
      { agreement: CREMA, programme: 'P2' },
    ]);
    expect(p).not.toHaveProperty('programmes');
  });

  it("a PO of Crema's P1 is not a PO of the Ambito's P1, and the other way round", async () => {
    const crema = await principalOf([`${CREMA}/P1`]);
    const ambito = await principalOf([`${AMBITO}/P1`]);
    expect(isPoOf(crema, CREMA, 'P1')).toBe(true);
    expect(isPoOf(crema, AMBITO, 'P1')).toBe(false);
    expect(isPoOf(ambito, AMBITO, 'P1')).toBe(true);
    expect(isPoOf(ambito, CREMA, 'P1')).toBe(false);
    expect(canReadReport(crema, AMBITO, 'koala', 'P1')).toBe(false);
    expect(canReadReport(ambito, AMBITO, 'koala', 'P1')).toBe(true);
    expect(() => requirePoOf(crema, AMBITO, 'P1')).toThrow(expect.objectContaining({ status: 403 }));
    expect(() => requirePoOf(ambito, AMBITO, 'P1')).not.toThrow();
  });

  it('a PO whose entries are all malformed holds no PO scope, so the role check refuses it', async () => {
    const p = await principalOf(['', '/P1', 3]);
    expect(p.poScopes).toEqual([]);
    expect(() => requireRole(p, ['po'])).toThrow(expect.objectContaining({ status: 403 }));
  });
});

describe('npm run token', () => {
  it('emits qualified entries for the default agreement, or the one given', () => {
    expect(parseTokenArgs(['--role', 'po', '--programme', 'P1', '--programme', 'P2']).programmes).toEqual([
      `${CREMA}/P1`,
      `${CREMA}/P2`,
    ]);
    expect(parseTokenArgs(['--role', 'po', '--programme', 'P1', '--agreement', AMBITO]).programmes).toEqual([
      `${AMBITO}/P1`,
    ]);
  });

  it('refuses programmes the agreement does not have and unknown agreements', () => {
    expect(() => parseTokenArgs(['--role', 'po', '--programme', 'P2', '--agreement', AMBITO])).toThrow('P2');
    expect(() => parseTokenArgs(['--role', 'po', '--programme', 'P1', '--agreement', 'nowhere'])).toThrow(
      'accordo sconosciuto',
    );
  });
});
