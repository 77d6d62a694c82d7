/**
 * One configured got instance per account: base URL with sub-path, credentials, timeouts,
 * retries for idempotent requests (honouring Retry-After / RateLimit-Reset up to a cap), an
 * extra CA, and the "refresh once on 401" hook. Answers come back as parsed JSON or ApiErrors.
 */
import { rootCertificates, getCACertificates } from 'node:tls';
import got, { HTTPError, RequestError, type Got, type RetryObject } from 'got';
import { USER_AGENT } from '../version';
import { ApiError } from './errors';
import { decodeJson, mapHttpError, mapTransportError, type ErrorContext } from './error-mapping';
import { retryAfterMs } from './retry-after';

export type Auth =
  | { kind: 'apiKey'; token: string }
  | { kind: 'bearer'; getToken: () => Promise<string> }
  | { kind: 'none' };

export interface TransportOptions {
  baseUrl: string;
  auth: Auth;
  timeoutMs: number;
  retries: number;
  ca?: string;
  onUnauthorized?: () => Promise<boolean>;
}

export type SearchParams = Record<string, string | number>;

export interface Transport {
  /** GET `{base}/api/v3/{path}` (`''`: the root, `{base}/api/v3`) and parse the JSON answer. */
  get(path: string, searchParams?: SearchParams): Promise<unknown>;
  /** POST `{}` as JSON to `{base}/api/v3/{path}`; resolves on 2xx. */
  post(path: string, searchParams?: SearchParams): Promise<void>;
  /** GET the root `{base}/api/v3` without following a redirect: its answer, or where it moved. */
  root(): Promise<{ kind: 'answer'; data: unknown } | { kind: 'moved'; location: string }>;
  readonly errorContext: ErrorContext;
}

export const DEFAULT_TIMEOUT_MS = 15_000;
export const DEFAULT_RETRIES = 2;
/** A connection that is not up after this long will not come up. */
export const CONNECT_TIMEOUT_MS = 10_000;
/** Longest server-requested wait honoured inside a request; longer waits fail with retryAfterMs. */
export const MAX_RETRY_AFTER_MS = 30_000;
const BACKOFF_LIMIT_MS = 8_000;
const RETRY_STATUS_CODES = [408, 429, 500, 502, 503, 504];
/** Transient network failures (incl. an answer cut short); a host name that does not resolve is not retried. */
const RETRY_ERROR_CODES = [
  'ETIMEDOUT',
  'ECONNRESET',
  'ECONNREFUSED',
  'EPIPE',
  'EAI_AGAIN',
  'ERR_HTTP_CONTENT_LENGTH_MISMATCH',
];

/** `Bearer` for `opapi-` tokens (OpenProject 17.2+), else Basic `apikey:<token>`. */
export function apiKeyAuthorization(token: string): string {
  const trimmed = token.trim();
  if (trimmed.startsWith('opapi-')) return `Bearer ${trimmed}`;
  return `Basic ${Buffer.from(`apikey:${trimmed}`).toString('base64')}`;
}

async function authorization(auth: Auth): Promise<string | undefined> {
  switch (auth.kind) {
    case 'apiKey':
      return apiKeyAuthorization(auth.token);
    case 'bearer':
      return `Bearer ${(await auth.getToken()).trim()}`;
    case 'none':
      return undefined;
  }
}

function trustedCertificates(extraCa: string): string[] {
  const defaults =
    typeof getCACertificates === 'function' ? getCACertificates('default') : [...rootCertificates];
  return [...defaults, extraCa];
}

/** Honour RateLimit-Reset like Retry-After when the server sent only the former. */
function retryDelay({ computedValue, error, retryAfter }: RetryObject): number {
  if (computedValue <= 0 || retryAfter !== undefined || !error.response) return computedValue;
  const wait = retryAfterMs(error.response.headers);
  if (wait === undefined) return computedValue;
  return wait > MAX_RETRY_AFTER_MS ? 0 : Math.max(1, wait);
}

function createGot(options: TransportOptions): Got {
  return got.extend({
    prefixUrl: `${options.baseUrl}/api/v3/`,
    headers: { 'user-agent': USER_AGENT, accept: 'application/hal+json' },
    timeout: {
      request: options.timeoutMs,
      connect: Math.min(options.timeoutMs, CONNECT_TIMEOUT_MS),
    },
    retry: {
      limit: options.retries,
      methods: ['GET'],
      statusCodes: RETRY_STATUS_CODES,
      errorCodes: RETRY_ERROR_CODES,
      maxRetryAfter: MAX_RETRY_AFTER_MS,
      backoffLimit: BACKOFF_LIMIT_MS,
      calculateDelay: retryDelay,
    },
    ...(options.ca ? { https: { certificateAuthority: trustedCertificates(options.ca) } } : {}),
    decompress: true,
    responseType: 'text',
    throwHttpErrors: true,
  });
}

export function createTransport(options: TransportOptions): Transport {
  const client = createGot(options);
  const ctx: ErrorContext = {
    baseUrl: options.baseUrl,
    timeoutMs: options.timeoutMs,
    authenticated: options.auth.kind !== 'none',
  };

  async function once(
    method: 'GET' | 'POST',
    path: string,
    searchParams?: SearchParams,
    followRedirect = true,
  ) {
    // Asked per request, so that a token refreshed meanwhile is used; a getter that fails
    // (signed out) propagates its own error.
    const auth = await authorization(options.auth);
    // The root is `/api/v3` exactly (as the spec and the Root's self link have it); an absolute
    // URL bypasses the prefix, which would add a trailing slash.
    const target = path === '' ? `${options.baseUrl}/api/v3` : path;
    try {
      const response = await client(target, {
        method,
        headers: {
          ...(auth === undefined ? {} : { authorization: auth }),
          // OpenProject refuses a write without a JSON Content-Type (406/415), and the spec gives
          // read_ian no body: so the header, and an empty body.
          ...(method === 'POST' ? { 'content-type': 'application/json' } : {}),
        },
        ...(searchParams ? { searchParams } : {}),
        ...(method === 'POST' ? { body: '' } : {}),
        followRedirect,
      });
      return response;
    } catch (error) {
      if (error instanceof HTTPError) {
        const res = error.response;
        throw mapHttpError(res.statusCode, res.headers, String(res.body ?? ''), ctx);
      }
      if (error instanceof RequestError) throw mapTransportError(error, ctx);
      throw error;
    }
  }

  /** On 401, let the sign-in refresh once and repeat the request once. */
  async function send(
    method: 'GET' | 'POST',
    path: string,
    searchParams?: SearchParams,
    followRedirect = true,
  ) {
    try {
      return await once(method, path, searchParams, followRedirect);
    } catch (error) {
      const { onUnauthorized } = options;
      const refreshable = error instanceof ApiError && error.status === 401 && onUnauthorized;
      if (!refreshable || !(await onUnauthorized())) throw error;
      return once(method, path, searchParams, followRedirect);
    }
  }

  return {
    errorContext: ctx,
    async get(path, searchParams) {
      const response = await send('GET', path, searchParams);
      return decodeJson(response.headers, response.body, ctx, response.statusCode);
    },
    async post(path, searchParams) {
      await send('POST', path, searchParams);
    },
    async root() {
      const response = await send('GET', '', undefined, false);
      const location = response.headers.location;
      if (response.statusCode >= 300 && response.statusCode < 400 && location) {
        return { kind: 'moved', location: new URL(location, response.url).href };
      }
      return {
        kind: 'answer',
        data: decodeJson(response.headers, response.body, ctx, response.statusCode),
      };
    },
  };
}
