// `rendiconta sample-verify --population <file> --seed <text> --agreement <id> --programme <P>
// --semester <yyyy-H1|yyyy-H2> [--rate <the agreement's rate>] [--method simple|mus] [--json]`
// Recomputes a semester draw (DOMAIN.md S2–S3) from the frozen population list and the seed, so
// anyone can check the sample the Comune published. The population file has one person id per
// line; for --method mus each line also carries the person's reported cost after ";" or a tab
// ("RSSMRA80A01H501U;1234,50"). Exit 0 when the draw is computed, 2 when the arguments or the file
// cannot be used.
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { parseAmount } from '../shared/core/money';
import { getAgreement } from '../shared/agreement/agreements';
import { MAX_SAMPLING_RATE, drawSample, normalisePersonId, type SamplingMethod } from '../shared/sample/sampling';

export interface SampleVerifyIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

const EXIT_OK = 0;
const EXIT_UNUSABLE = 2;

const USAGE =
  'rendiconta sample-verify --population <file> --seed <testo> --agreement <id> --programme <P> ' +
  "--semester <aaaa-H1|aaaa-H2> [--rate <tasso dell'accordo>] [--method simple|mus] [--json]";

interface Population {
  persons: string[];
  costs: Record<string, string>;
}

export async function sampleVerify(argv: string[], io: SampleVerifyIo): Promise<number> {
  const args = parse(argv);
  if (typeof args === 'string') {
    io.stderr(`Errore: ${args}\nUso: ${USAGE}\n`);
    return EXIT_UNUSABLE;
  }
  let text: string;
  try {
    text = await readFile(args.population, 'utf8');
  } catch {
    io.stderr(`Errore: impossibile leggere il file della popolazione «${args.population}».\n`);
    return EXIT_UNUSABLE;
  }
  const population = readPopulation(text, args.method);
  if (typeof population === 'string') {
    io.stderr(`Errore: ${population}\n`);
    return EXIT_UNUSABLE;
  }
  const draw = drawSample({
    seed: args.seed,
    agreement: args.agreement,
    programme: args.programme,
    semester: args.semester,
    persons: population.persons,
    costs: args.method === 'mus' ? population.costs : undefined,
    method: args.method,
    rate: args.rate,
  });
  if (!draw.ok) {
    io.stderr(`Errore: ${draw.error}\n`);
    return EXIT_UNUSABLE;
  }
  const selected = draw.selected.map((s) => s.personId);
  if (args.json) {
    io.stdout(`${JSON.stringify({ populationHash: draw.populationHash, n: draw.n, selected })}\n`);
    return EXIT_OK;
  }
  const method = draw.method === 'mus' ? 'per unità monetaria' : 'semplice';
  const lines = [
    `Popolazione: ${draw.population} persone`,
    `Hash della popolazione (SHA-256): ${draw.populationHash}`,
    `Campione: ${draw.n} su ${draw.population} (tasso ${args.rate}, metodo ${method})`,
    ...draw.selected.map((s) => `  ${s.rank}. ${s.personId}  ${s.key}`),
  ];
  if (draw.selected.length < draw.n) {
    lines.push(`Attenzione: solo ${draw.selected.length} persone hanno un costo rendicontato maggiore di zero.`);
  }
  io.stdout(`${lines.join('\n')}\n`);
  return EXIT_OK;
}

/** The name commands.ts expects (same function). */
export const sampleVerifyCommand = sampleVerify;

interface SampleVerifyArgs {
  population: string;
  seed: string;
  agreement: string;
  programme: string;
  semester: string;
  rate: string;
  method: SamplingMethod;
  json: boolean;
}

function parse(argv: string[]): SampleVerifyArgs | string {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        population: { type: 'string' },
        seed: { type: 'string' },
        agreement: { type: 'string' },
        programme: { type: 'string' },
        semester: { type: 'string' },
        rate: { type: 'string' },
        method: { type: 'string', default: 'simple' },
        json: { type: 'boolean', default: false },
      },
    }));
  } catch {
    return 'opzione non riconosciuta o senza valore.';
  }
  for (const name of ['population', 'seed', 'agreement', 'programme', 'semester'] as const) {
    if (values[name] === undefined || values[name] === '') return `manca l'opzione --${name}.`;
  }
  if (values.method !== 'simple' && values.method !== 'mus')
    return 'metodo non valido: usare --method simple oppure --method mus.';
  const agreement = (values.agreement as string).trim();
  return {
    population: values.population as string,
    // The seed is used exactly as recorded: no trimming, it is part of every key.
    seed: values.seed as string,
    agreement,
    programme: (values.programme as string).trim().toUpperCase(),
    semester: (values.semester as string).trim().toUpperCase(),
    // Default: the agreement's sampling rate (rules.sampling.rate); for an agreement the product
    // does not ship, the rulebook's maximum (S2).
    rate:
      (values.rate as string | undefined) ??
      getAgreement(agreement)?.rules.sampling.rate ??
      MAX_SAMPLING_RATE.toFixed(2),
    method: values.method,
    json: values.json as boolean,
  };
}

/** One id per line (BOM, CRLF and blank lines tolerated); for mus, "id;cost" or "id<TAB>cost". */
function readPopulation(text: string, method: SamplingMethod): Population | string {
  const persons: string[] = [];
  const costs: Record<string, string> = {};
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const [idPart, costPart] = lines[i].split(/[;\t]/, 2);
    const id = normalisePersonId(idPart ?? '');
    if (id === '') continue;
    persons.push(id);
    if (method !== 'mus') continue;
    const cost = parseAmount(costPart);
    if (!cost.ok)
      return `riga ${i + 1} del file della popolazione: costo mancante o non valido (richiesto con --method mus).`;
    costs[id] = cost.value.plus(costs[id] ?? 0).toFixed(2);
  }
  if (persons.length === 0) return 'il file della popolazione non contiene alcuna persona.';
  return { persons, costs };
}
