import { describe, expect, it } from 'vitest';
import { parseRetryAfter, retryAfterMs } from '../../main/core/api/retry-after';

const now = Date.parse('2026-06-01T12:00:00.000Z');

describe('Retry-After', () => {
  it('reads seconds', () => {
    expect(parseRetryAfter('120', now)).toBe(120_000);
    expect(parseRetryAfter(' 0 ', now)).toBe(0);
  });

  it('reads an HTTP date, never negative', () => {
    expect(parseRetryAfter('Mon, 01 Jun 2026 12:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('Mon, 01 Jun 2026 11:00:00 GMT', now)).toBe(0);
  });

  it('ignores garbage', () => {
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter('-5', now)).toBeUndefined();
    expect(parseRetryAfter(undefined, now)).toBeUndefined();
  });

  it('falls back to RateLimit-Reset (seconds), preferring Retry-After', () => {
    expect(retryAfterMs({ 'ratelimit-reset': '3' }, now)).toBe(3000);
    expect(retryAfterMs({ 'retry-after': '1', 'ratelimit-reset': '3' }, now)).toBe(1000);
    expect(retryAfterMs({}, now)).toBeUndefined();
  });
});
