/**
 * The simulator's notion of "now": an injectable base clock plus an offset tests can advance.
 */
export interface Clock {
  /** Epoch milliseconds. */
  now(): number;
  /** Moves time forward (or back, with a negative value); returns the new now. */
  advance(ms: number): number;
  /** Jumps to the given time (the offset is adjusted; the base clock keeps ticking). */
  set(epochMs: number): void;
  /** A timestamp for a write: now, but strictly after `previous` so `updatedAt` always grows. */
  stamp(previous?: number): number;
}

export function createClock(base: () => Date = () => new Date()): Clock {
  let offset = 0;
  const now = (): number => base().getTime() + offset;
  return {
    now,
    advance(ms) {
      offset += ms;
      return now();
    },
    set(epochMs) {
      offset += epochMs - now();
    },
    stamp(previous) {
      const current = now();
      return previous !== undefined && current <= previous ? previous + 1 : current;
    },
  };
}

const DAY = 86_400_000;

/** YYYY-MM-DD of an epoch time (UTC), shifted by whole days. */
export function isoDate(epochMs: number, plusDays = 0): string {
  return new Date(epochMs + plusDays * DAY).toISOString().slice(0, 10);
}

export const MINUTE = 60_000;
export const HOUR = 3_600_000;
export { DAY };
