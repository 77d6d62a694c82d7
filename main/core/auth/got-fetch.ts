/**
 * A fetch-compatible function over got, handed to oauth4webapi as its `[customFetch]`: sign-in
 * and token refresh then go through the same HTTP stack as the API client (its CA, proxy agents,
 * user agent and timeouts). No redirects are followed, no HTTP status is thrown, nothing is
 * retried (token requests are not idempotent).
 */
import { getCACertificates, rootCertificates } from 'node:tls';
import got, { type Got } from 'got';
import { USER_AGENT } from '../version';

/** The subset of fetch oauth4webapi uses. */
export type FetchLike = (
  url: string,
  init: {
    method?: string;
    headers?: Record<string, string>;
    body?: unknown;
    signal?: AbortSignal;
    redirect?: string;
  },
) => Promise<Response>;

export interface GotFetchOptions {
  /** The app's configured got instance (proxy agents, hooks); plain got by default. */
  got?: Got;
  /** Whole-request timeout; default 15 s. */
  timeoutMs?: number;
  /** Extra trusted CA certificates (PEM), added to the system's. */
  ca?: string;
}

export const DEFAULT_AUTH_TIMEOUT_MS = 15_000;

/** Statuses whose Response must not have a body (the Response constructor refuses one). */
const NULL_BODY_STATUSES = new Set([101, 103, 204, 205, 304]);
/** got has already decoded the body, so these no longer describe it. */
const DROPPED_HEADERS = new Set(['content-encoding', 'content-length', 'transfer-encoding']);

function requestBody(body: unknown): string | Buffer | undefined {
  if (body === undefined || body === null) return undefined;
  if (typeof body === 'string') return body;
  if (body instanceof URLSearchParams) return body.toString();
  if (body instanceof Uint8Array) return Buffer.from(body);
  if (body instanceof ArrayBuffer) return Buffer.from(body);
  throw new TypeError('got-fetch: unsupported request body type');
}

function trustedCertificates(extraCa: string): string[] {
  const defaults =
    typeof getCACertificates === 'function' ? getCACertificates('default') : [...rootCertificates];
  return [...defaults, extraCa];
}

export function createGotFetch(options: GotFetchOptions = {}): FetchLike {
  const client = (options.got ?? got).extend({
    headers: { 'user-agent': USER_AGENT },
    timeout: { request: options.timeoutMs ?? DEFAULT_AUTH_TIMEOUT_MS },
    retry: { limit: 0 },
    followRedirect: false,
    throwHttpErrors: false,
    decompress: true,
    ...(options.ca ? { https: { certificateAuthority: trustedCertificates(options.ca) } } : {}),
  });

  return async (url, init) => {
    const method = (init.method ?? 'GET').toUpperCase();
    const body = requestBody(init.body);
    const response = await client(url, {
      method: method as 'GET',
      headers: init.headers ?? {},
      ...(body === undefined ? {} : { body }),
      ...(init.signal ? { signal: init.signal } : {}),
      responseType: 'buffer',
    });
    const headers = new Headers();
    for (const [name, value] of Object.entries(response.headers)) {
      if (value === undefined || DROPPED_HEADERS.has(name)) continue;
      for (const item of Array.isArray(value) ? value : [value]) headers.append(name, item);
    }
    const status = response.statusCode;
    const hasBody = !NULL_BODY_STATUSES.has(status) && method !== 'HEAD';
    return new Response(hasBody ? new Uint8Array(response.rawBody) : null, {
      status,
      statusText: response.statusMessage ?? '',
      headers,
    });
  };
}
