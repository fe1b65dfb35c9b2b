// What a command may touch besides its arguments: output streams and the clock. Tests pass their
// own; main.ts passes the process's.
import process from 'node:process';
import type { Clock } from '../shared/core/dates';

export interface CliIo {
  /** Writes text as given (the command adds its own newlines). */
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  clock: Clock;
}

export type Command = (argv: string[], io: CliIo) => Promise<number>;

/** Exit codes of ARCHITECTURE.md "Command line". */
export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_UNREADABLE = 2;

export function processIo(): CliIo {
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    clock: () => new Date(),
  };
}
