// `rendiconta reconciliation --file <answer.json> --out <file.xlsx>`: the reconciliation answer of
// the API (GET …/reconciliation, saved as JSON) becomes the `Riconciliazione` workbook.
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { getAgreement } from '../shared/agreements';
import { parseReconciliationAnswer } from '../addin/po/reconciliation-schema';
import { EXIT_OK, EXIT_UNREADABLE, type CliIo } from './io';
import { writeReconciliationWorkbook } from './reconciliation-export';

export const RECONCILIATION_USAGE = 'rendiconta reconciliation --file <risposta.json> --out <file.xlsx>';

export async function reconciliationCommand(argv: string[], io: CliIo): Promise<number> {
  let values: { file?: string; out?: string };
  try {
    ({ values } = parseArgs({ args: argv, strict: true, options: { file: { type: 'string' }, out: { type: 'string' } } }));
  } catch {
    io.stderr(`Errore: opzione non riconosciuta o senza valore.\nUso: ${RECONCILIATION_USAGE}\n`);
    return EXIT_UNREADABLE;
  }
  if (!values.file || !values.out) {
    io.stderr(`Errore: indicare --file e --out.\nUso: ${RECONCILIATION_USAGE}\n`);
    return EXIT_UNREADABLE;
  }
  let data: unknown;
  try {
    data = JSON.parse(await readFile(values.file, 'utf8'));
  } catch {
    io.stderr(`Errore: «${values.file}» non è leggibile o non è un JSON valido.\n`);
    return EXIT_UNREADABLE;
  }
  const parsed = parseReconciliationAnswer(data);
  if (!parsed.ok) {
    io.stderr(`Errore: «${values.file}» non è una riconciliazione valida:\n${parsed.issues.map((i) => `  - ${i}`).join('\n')}\n`);
    return EXIT_UNREADABLE;
  }
  const agreement = getAgreement(parsed.answer.agreement);
  const programmeTitles = Object.fromEntries((agreement?.programmes ?? []).map((p) => [p.id, p.title]));
  try {
    await writeReconciliationWorkbook(parsed.answer, values.out, { programmeTitles });
  } catch {
    io.stderr(`Errore: impossibile scrivere «${values.out}».\n`);
    return EXIT_UNREADABLE;
  }
  io.stdout(`Riconciliazione ${parsed.answer.agreement} ${parsed.answer.year} scritta in «${values.out}» (${parsed.answer.programmes.length} programmi).\n`);
  return EXIT_OK;
}
