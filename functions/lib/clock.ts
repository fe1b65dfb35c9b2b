// The server's clock is a dependency (Deps.clock, functions/lib/deps.ts): the host passes the
// system clock, tests a fixed or movable one to go past a window lock.
import type { Clock } from '../../shared/core/dates';

export type { Clock };

export const systemClock: Clock = () => new Date();
