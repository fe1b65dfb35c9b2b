/* global require -- lazy CommonJS loading, see below */
// The commands `rendiconta` knows. Adding one is one entry here and one file beside this one, e.g.
//   'sample-verify': { usage: '…', summary: '…', load: () => (require('./sample-verify') as typeof import('./sample-verify')).sampleVerifyCommand },
// Modules load on dispatch, so `template` does not pay for the rule engine. `require`, not
// `import()`: under tsx a dynamic import goes through the ESM loader, which cannot load .ts.
import type { Command } from './io';

export interface CommandEntry {
  usage: string;
  /** One Italian line for the help text. */
  summary: string;
  load: () => Command;
}

export const COMMANDS: Record<string, CommandEntry> = {
  validate: {
    usage:
      'rendiconta validate <file.xlsx> --agreement <id> --programme <P> --partner <id> --year <aaaa> [--today <aaaa-mm-gg>] [--json]',
    summary: 'controlla un file di rendicontazione e ne elenca i rilievi',
    load: () => (require('./validate') as typeof import('./validate')).validateCommand,
  },
  template: {
    usage: 'rendiconta template <out.xlsx> [--agreement <id>] [--force]',
    summary: 'scrive il modello vuoto (Personale, Beni di consumo, Servizi, Spese generali, Cofinanziamento)',
    load: () => (require('./template') as typeof import('./template')).templateCommand,
  },
  'sample-verify': {
    usage:
      'rendiconta sample-verify --population <file> --seed <testo> --agreement <id> --programme <P> --semester <aaaa-H1|aaaa-H2> [--rate 0.10] [--method simple|mus] [--json]',
    summary: 'ricalcola il campione semestrale del personale (S2–S3) per verificarlo',
    load: () => (require('./sample-verify') as typeof import('./sample-verify')).sampleVerifyCommand,
  },
  reconciliation: {
    usage:
      'rendiconta reconciliation (--file <risposta.json> | --api <url> --year <aaaa> [--programme <P>] [--as-of <aaaa-mm-gg>]) [--out <file.xlsx>] [--json <file.json>]',
    summary:
      'esporta la riconciliazione (file JSON dell’API o lettura dall’API con RENDICONTA_TOKEN) in Excel con grafico e/o in JSON',
    load: () => (require('./reconciliation') as typeof import('./reconciliation')).reconciliationCommand,
  },
};
