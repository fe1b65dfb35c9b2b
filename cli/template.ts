// `rendiconta template <out.xlsx> [--agreement <id>] [--force]`: writes the blank workbook of
// DOMAIN.md §7. An existing file is never overwritten without --force (exit 2).
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { AGREEMENTS, DEFAULT_AGREEMENT_ID, getAgreement } from '../shared/agreement/agreements';
import { buildTemplate } from '../shared/mapping/template';
import { COMMANDS } from './commands';
import { EXIT_OK, EXIT_UNREADABLE, type CliIo } from './io';
import { writeTemplateFile } from './xlsx-write';

export async function templateCommand(argv: string[], io: CliIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: { agreement: { type: 'string' }, force: { type: 'boolean', default: false } },
    });
  } catch {
    io.stderr(`Errore: opzione non riconosciuta o senza valore.\nUso: ${COMMANDS.template.usage}\n`);
    return EXIT_UNREADABLE;
  }
  const { values, positionals } = parsed;
  if (positionals.length !== 1) {
    io.stderr(`Errore: indicare un solo file di destinazione.\nUso: ${COMMANDS.template.usage}\n`);
    return EXIT_UNREADABLE;
  }
  const agreementId = values.agreement ?? DEFAULT_AGREEMENT_ID;
  const agreement = getAgreement(agreementId);
  if (!agreement) {
    io.stderr(`Errore: accordo «${agreementId}» sconosciuto (disponibili: ${Object.keys(AGREEMENTS).join(', ')}).\n`);
    return EXIT_UNREADABLE;
  }
  const template = buildTemplate(agreement);
  const out = positionals[0];
  if (values.force !== true && existsSync(out)) {
    io.stderr(`Errore: il file «${out}» esiste già: non viene sovrascritto (aggiungere --force per sostituirlo).\n`);
    return EXIT_UNREADABLE;
  }
  try {
    await writeTemplateFile(template, out);
  } catch {
    io.stderr(`Errore: impossibile scrivere «${out}».\n`);
    return EXIT_UNREADABLE;
  }
  io.stdout(`Modello vuoto scritto in «${out}» (fogli: ${template.sheets.map((s) => s.name).join(', ')}).\n`);
  return EXIT_OK;
}
