/**
 * How long to wait before the next poll: the user's interval, slower while away, exponential
 * backoff after failures, never sooner than the server asked. Pure functions.
 */

export const MINUTE = 60_000;

export interface IntervalLimits {
  /** Shortest interval a user may choose (15 s; the benchmark lowers it). */
  minIntervalMs: number;
  /** Longest interval a user may choose, and the slowest we ever poll while away (30 min). */
  maxIntervalMs: number;
}

export const DEFAULT_LIMITS: IntervalLimits = { minIntervalMs: 15_000, maxIntervalMs: 30 * MINUTE };
export const DEFAULT_INTERVAL_MS = 60_000;
/** While idle, locked or offline we poll this many times more slowly (the web bell uses 10, its PWA 3). */
export const AWAY_FACTOR = 5;
/** Backoff never waits longer than this (or the interval, if that is longer). */
export const BACKOFF_CAP_MS = 10 * MINUTE;
/** Jitter shortens each wait by up to this fraction: spreads load, never delays a poll. */
export const JITTER = 0.1;

export function clampInterval(ms: number, limits: IntervalLimits = DEFAULT_LIMITS): number {
  if (!Number.isFinite(ms)) return DEFAULT_INTERVAL_MS;
  return Math.min(limits.maxIntervalMs, Math.max(limits.minIntervalMs, Math.round(ms)));
}

/** The regular wait between polls, given whether the user is away (idle, locked) or offline. */
export function cadenceMs(intervalMs: number, away: boolean, limits: IntervalLimits): number {
  if (!away) return intervalMs;
  return Math.max(intervalMs, Math.min(intervalMs * AWAY_FACTOR, limits.maxIntervalMs));
}

/**
 * The wait after `failures` consecutive failures: the cadence, then doubling, capped at
 * max(cadence, 10 min). The client already retried the request twice, so the first failure
 * keeps the regular pace.
 */
export function backoffMs(failures: number, cadence: number): number {
  if (failures <= 1) return cadence;
  const cap = Math.max(cadence, BACKOFF_CAP_MS);
  return Math.min(cap, cadence * 2 ** Math.min(failures - 1, 20));
}

/** A factor in (1 - JITTER, 1]: applied to a wait, it only ever makes the poll earlier. */
export function jitterFactor(random: () => number): number {
  const r = Math.min(Math.max(random(), 0), 1);
  return 1 - r * JITTER;
}
