/**
 * How long the server asks us to wait: `Retry-After` (seconds or an HTTP date), else
 * `RateLimit-Reset` (seconds until the window resets, as rack-attack sends it).
 */

type Headers = Record<string, string | string[] | undefined>;

function header(headers: Headers, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function parseSeconds(value: string): number | undefined {
  const trimmed = value.trim();
  if (!/^\d+(\.\d+)?$/.test(trimmed)) return undefined;
  return Math.round(Number(trimmed) * 1000);
}

export function parseRetryAfter(value: string | undefined, now = Date.now()): number | undefined {
  if (value === undefined) return undefined;
  const seconds = parseSeconds(value);
  if (seconds !== undefined) return seconds;
  // An HTTP date names its day and month ("Wed, 21 Oct 2026 07:28:00 GMT").
  if (!/[a-z]/i.test(value)) return undefined;
  const date = Date.parse(value);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now);
}

/** Milliseconds to wait, or undefined when the answer does not say. */
export function retryAfterMs(headers: Headers, now = Date.now()): number | undefined {
  const retryAfter = parseRetryAfter(header(headers, 'retry-after'), now);
  if (retryAfter !== undefined) return retryAfter;
  const reset = header(headers, 'ratelimit-reset');
  return reset === undefined ? undefined : parseSeconds(reset);
}
