// npm run token -- --role partner --partner koala | --role po --programme P1 [--programme P2] | --role admin
//   [--agreement <id>] [--hours 8] [--sub <id>]
// Mints a development token signed with the local key under .data/keys (created on first use).
// A PO token carries qualified entries ("crema-2026-2028/P1"): the programmes are those of
// --agreement (default crema-2026-2028), never the same ids of another agreement.
// The token is the last line of the output. Refuses to run in production.
import { LOCAL_AUDIENCE, LOCAL_ISSUER, ROLES, type Role } from '../functions/lib/auth';
import { loadOrCreateLocalKey, mintToken } from '../functions/lib/dev-keys';
import { DEFAULT_AGREEMENT_ID, getAgreement } from '../shared/agreement/agreements';
import { poScopeEntry } from '../shared/contract/po-scope-claim';

export interface TokenArgs {
  role: Role;
  partner?: string;
  /** Claim entries, qualified: "<agreementId>/<programme>". */
  programmes: string[];
  hours: number;
  sub?: string;
}

export function parseTokenArgs(argv: readonly string[]): TokenArgs {
  const values = (name: string) =>
    argv.flatMap((a, i) => (a === `--${name}` && argv[i + 1] !== undefined ? [argv[i + 1]] : []));
  const role = values('role')[0] as Role | undefined;
  if (!role || !ROLES.includes(role))
    throw new Error(
      'uso: npm run token -- --role partner --partner <id> | --role po --programme P1 [--programme P2] [--agreement <id>] | --role admin',
    );
  const partner = values('partner')[0];
  const programmes = values('programme');
  const agreementId = values('agreement')[0] ?? DEFAULT_AGREEMENT_ID;
  const agreement = getAgreement(agreementId);
  if (!agreement) throw new Error(`accordo sconosciuto: ${agreementId}`);
  if (role === 'partner') {
    if (!partner) throw new Error('--role partner richiede --partner <id>');
    if (!agreement.partners.some((p) => p.id === partner))
      throw new Error(`partner "${partner}" non previsto dall'accordo ${agreement.id}`);
  }
  if (role === 'po') {
    if (programmes.length === 0) throw new Error('--role po richiede almeno un --programme');
    const unknown = programmes.filter((p) => !agreement.programmes.some((x) => x.id === p));
    if (unknown.length) throw new Error(`programmi sconosciuti: ${unknown.join(', ')}`);
  }
  const hours = Number(values('hours')[0] ?? 8);
  if (!(hours > 0 && hours <= 24 * 30)) throw new Error('--hours deve essere tra 0 e 720');
  return {
    role,
    partner: role === 'partner' ? partner : undefined,
    programmes: role === 'po' ? programmes.map((p) => poScopeEntry(agreement.id, p)) : [],
    hours,
    sub: values('sub')[0],
  };
}

export async function devToken(args: TokenArgs): Promise<string> {
  const key = await loadOrCreateLocalKey();
  return mintToken(
    key,
    { roles: [args.role], partner: args.partner, programmes: args.programmes, sub: args.sub },
    { expiresInSec: Math.round(args.hours * 3600) },
  );
}

async function main(): Promise<void> {
  if (process.env.NODE_ENV === 'production') {
    console.error('npm run token crea token di sviluppo: non si usa in produzione (NODE_ENV=production).');
    process.exitCode = 1;
    return;
  }
  const args = parseTokenArgs(process.argv.slice(2));
  const token = await devToken(args);
  const scope =
    args.role === 'partner'
      ? `partner ${args.partner}`
      : args.role === 'po'
        ? `po ${args.programmes.join(', ')}`
        : 'admin';
  console.log(`# token di sviluppo (${scope}), valido ${args.hours} h; iss ${LOCAL_ISSUER}, aud ${LOCAL_AUDIENCE}`);
  console.log(token);
}

if (require.main === module) {
  main().catch((err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exitCode = 1;
  });
}
