// `rendiconta reconciliation`: the reconciliation answer of the API, either saved as JSON
// (--file) or fetched from the API (--api, with a token), written as the `Riconciliazione`
// workbook (--out) and/or as JSON (--json).
import { readFile, writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { DEFAULT_AGREEMENT_ID, getAgreement } from '../shared/agreement/agreements';
import type { ReconciliationAnswerAsRead } from '../shared/reconciliation/reconciliation-answer';
import { parseReconciliationAnswer } from '../shared/reconciliation/reconciliation-answer-schema';
import { EXIT_OK, EXIT_UNREADABLE, type CliIo } from './io';
import { fetchReconciliation, type FetchLike } from './reconciliation-fetch';
import { writeReconciliationWorkbook } from './reconciliation-export';

export const RECONCILIATION_USAGE =
  'rendiconta reconciliation (--file <risposta.json> | --api <url> --year <aaaa> [--programme <P>] [--as-of <aaaa-mm-gg>] [--agreement <id>]) [--out <file.xlsx>] [--json <file.json>]';

const OPTIONS = {
  file: { type: 'string' },
  api: { type: 'string' },
  year: { type: 'string' },
  programme: { type: 'string' },
  'as-of': { type: 'string' },
  agreement: { type: 'string' },
  out: { type: 'string' },
  json: { type: 'string' },
} as const;

type Values = { [K in keyof typeof OPTIONS]?: string };

async function fromFile(file: string, io: CliIo): Promise<ReconciliationAnswerAsRead | null> {
  let data: unknown;
  try {
    data = JSON.parse(await readFile(file, 'utf8'));
  } catch {
    io.stderr(`Errore: «${file}» non è leggibile o non è un JSON valido.\n`);
    return null;
  }
  const parsed = parseReconciliationAnswer(data);
  if (!parsed.ok) {
    io.stderr(
      `Errore: «${file}» non è una riconciliazione valida:\n${parsed.issues.map((i) => `  - ${i}`).join('\n')}\n`,
    );
    return null;
  }
  return parsed.answer;
}

/** The token comes from the environment, never from the command line (shell history, ps). */
async function fromApi(
  values: Values,
  io: CliIo,
  fetch: FetchLike,
  env: NodeJS.ProcessEnv,
): Promise<ReconciliationAnswerAsRead | null> {
  const token = env.RENDICONTA_TOKEN;
  if (!token) {
    io.stderr('Errore: impostare RENDICONTA_TOKEN (npm run token -- --role po …) per leggere dall’API.\n');
    return null;
  }
  if (!values.year || !/^\d{4}$/.test(values.year)) {
    io.stderr(`Errore: con --api indicare --year <aaaa>.\nUso: ${RECONCILIATION_USAGE}\n`);
    return null;
  }
  try {
    return await fetchReconciliation(
      { baseUrl: values.api as string, agreement: values.agreement ?? DEFAULT_AGREEMENT_ID, token },
      { year: Number(values.year), programme: values.programme, asOf: values['as-of'] },
      fetch,
    );
  } catch (error) {
    io.stderr(`Errore: ${error instanceof Error ? error.message : 'riconciliazione non disponibile.'}\n`);
    return null;
  }
}

export function makeReconciliationCommand(
  fetch: FetchLike = (url, init) => globalThis.fetch(url, init),
  env: NodeJS.ProcessEnv = process.env,
) {
  return async function reconciliationCommand(argv: string[], io: CliIo): Promise<number> {
    let values: Values;
    try {
      ({ values } = parseArgs({ args: argv, strict: true, options: OPTIONS }));
    } catch {
      io.stderr(`Errore: opzione non riconosciuta o senza valore.\nUso: ${RECONCILIATION_USAGE}\n`);
      return EXIT_UNREADABLE;
    }
    if (!values.file === !values.api || (!values.out && !values.json)) {
      io.stderr(
        `Errore: indicare --file oppure --api, e almeno uno tra --out e --json.\nUso: ${RECONCILIATION_USAGE}\n`,
      );
      return EXIT_UNREADABLE;
    }
    const answer = values.file ? await fromFile(values.file, io) : await fromApi(values, io, fetch, env);
    if (!answer) return EXIT_UNREADABLE;

    const agreement = getAgreement(answer.agreement);
    const programmeTitles = Object.fromEntries((agreement?.programmes ?? []).map((p) => [p.id, p.title]));
    const written: string[] = [];
    try {
      if (values.out) {
        await writeReconciliationWorkbook(answer, values.out, { programmeTitles });
        written.push(values.out);
      }
      if (values.json) {
        await writeFile(values.json, `${JSON.stringify(answer, null, 2)}\n`);
        written.push(values.json);
      }
    } catch {
      io.stderr(`Errore: impossibile scrivere «${values.out ?? values.json}».\n`);
      return EXIT_UNREADABLE;
    }
    io.stdout(
      `Riconciliazione ${answer.agreement} ${answer.year} (${answer.programmes.length} programmi) scritta in ${written.map((w) => `«${w}»`).join(' e ')}.\n`,
    );
    return EXIT_OK;
  };
}

export const reconciliationCommand = makeReconciliationCommand();
