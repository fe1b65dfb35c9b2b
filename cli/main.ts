// Entry point of `rendiconta`: dispatches to the commands of commands.ts.
import process from 'node:process';
import { COMMANDS } from './commands';
import { EXIT_OK, EXIT_UNREADABLE, processIo, type CliIo } from './io';

export function usage(): string {
  const lines = Object.values(COMMANDS).map((c) => `  ${c.usage}\n      ${c.summary}`);
  return (
    `Uso:\n${lines.join('\n')}\n` +
    'Codici di uscita: 0 nessun errore, 1 almeno un errore, 2 file illeggibile o non mappabile.\n'
  );
}

export async function runCli(argv: string[], io: CliIo = processIo()): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined) {
    io.stderr(usage());
    return EXIT_UNREADABLE;
  }
  if (name === '--help' || name === '-h' || name === 'help') {
    io.stdout(usage());
    return EXIT_OK;
  }
  const command = Object.prototype.hasOwnProperty.call(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!command) {
    io.stderr(`Errore: comando «${name}» sconosciuto.\n${usage()}`);
    return EXIT_UNREADABLE;
  }
  try {
    const run = command.load();
    return await run(rest, io);
  } catch (error) {
    // Messages of unexpected errors may quote cell contents (personal data): only the kind is shown.
    const kind = error instanceof Error ? error.name : typeof error;
    io.stderr(`Errore imprevisto (${kind}). Impostare RENDICONTA_DEBUG=1 per i dettagli tecnici.\n`);
    if (process.env.RENDICONTA_DEBUG) io.stderr(`${error instanceof Error ? error.stack : String(error)}\n`);
    return EXIT_UNREADABLE;
  }
}
