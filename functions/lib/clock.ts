// The server's clock, injectable so tests can move time past a window lock.
import type { Clock } from '../../shared/core/dates';

const systemClock: Clock = () => new Date();
let current: Clock = systemClock;

export function clock(): Date {
  return current();
}

/** Tests: setClock(() => new Date('2026-06-02T08:00:00Z')); setClock(undefined) restores. */
export function setClock(next: Clock | undefined): void {
  current = next ?? systemClock;
}
