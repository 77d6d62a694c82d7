/**
 * Turns transport failures and non-2xx answers into ApiErrors with a sentence a person can act
 * on. Nothing from the request (headers, credentials) goes into a message; only the base URL,
 * the status and OpenProject's own (localised) error message.
 */
import { ApiError, shortIdentifier } from './errors';
import { retryAfterMs } from './retry-after';
import { ErrorBodySchema, type ErrorBody } from './schemas';

export interface ErrorContext {
  baseUrl: string;
  timeoutMs: number;
  /** Whether the request carried credentials (changes what a 401 means to the person). */
  authenticated: boolean;
}

type Headers = Record<string, string | string[] | undefined>;

const TLS_UNTRUSTED = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_UNTRUSTED',
  'CERT_SIGNATURE_FAILURE',
]);
const TLS_EXPIRED = new Set(['CERT_HAS_EXPIRED', 'CERT_NOT_YET_VALID']);
const TLS_HOSTNAME = new Set(['ERR_TLS_CERT_ALTNAME_INVALID', 'HOSTNAME_MISMATCH']);
const UNREACHABLE: Record<string, string> = {
  ENOTFOUND: 'host name not found',
  EAI_AGAIN: 'host name could not be looked up',
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'connection closed by the server',
  EPIPE: 'connection closed by the server',
  ERR_HTTP_CONTENT_LENGTH_MISMATCH: 'the connection broke off in the middle of the answer',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  EADDRNOTAVAIL: 'address not available',
};

const seconds = (ms: number): string => {
  const s = Math.max(1, Math.round(ms / 1000));
  return s === 1 ? '1 second' : `${s} seconds`;
};

function errorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' ? code : undefined;
}

/** A failure before any HTTP answer: DNS, TCP, TLS, timeout. */
export function mapTransportError(error: unknown, ctx: ErrorContext): ApiError {
  const code = errorCode(error) ?? 'UNKNOWN';
  const at = `OpenProject at ${ctx.baseUrl}`;
  const name = error instanceof Error ? error.name : '';
  if (name === 'TimeoutError' || code === 'ETIMEDOUT') {
    return new ApiError(
      'timeout',
      `${at} did not answer within ${seconds(ctx.timeoutMs)}. Check your network or VPN, or try again later.`,
      { code },
    );
  }
  if (TLS_UNTRUSTED.has(code)) {
    return new ApiError(
      'tls',
      `The certificate of ${ctx.baseUrl} is not trusted (self-signed or issued by an unknown authority). If your organisation uses its own certificate authority, add its CA file (PEM) in the account settings.`,
      { code },
    );
  }
  if (TLS_EXPIRED.has(code)) {
    return new ApiError(
      'tls',
      `The certificate of ${ctx.baseUrl} has expired or is not yet valid. Check your computer's clock, or ask the administrator to renew the certificate.`,
      { code },
    );
  }
  if (TLS_HOSTNAME.has(code)) {
    return new ApiError(
      'tls',
      `The certificate of ${ctx.baseUrl} was issued for a different host name. Check the URL, or ask the administrator to fix the certificate.`,
      { code },
    );
  }
  if (code.startsWith('ERR_SSL_') || code === 'EPROTO' || code.startsWith('ERR_TLS_')) {
    return new ApiError(
      'tls',
      `No secure connection to ${ctx.baseUrl} could be established (${code}). Check whether the address starts with the right http:// or https://, or add your organisation's CA file (PEM) in the account settings.`,
      { code },
    );
  }
  const reason = UNREACHABLE[code];
  if (reason !== undefined) {
    return new ApiError(
      'unreachable',
      `${at} could not be reached (${reason}). Check the URL and your network.`,
      { code },
    );
  }
  if (name === 'MaxRedirectsError') {
    return new ApiError(
      'not-openproject',
      `${ctx.baseUrl} redirects in a loop instead of answering as OpenProject. Check the URL.`,
      { code },
    );
  }
  return new ApiError(
    'unreachable',
    `${at} could not be reached (${code}). Check the URL and your network.`,
    { code },
  );
}

/** OpenProject's error body, when the answer carries one. */
export function parseErrorBody(body: string): ErrorBody | undefined {
  try {
    const parsed = ErrorBodySchema.safeParse(JSON.parse(body));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

function quote(message: string): string {
  const oneLine = message.replace(/\s+/g, ' ').trim();
  return oneLine.length > 200 ? `${oneLine.slice(0, 197)}…` : oneLine;
}

/** A non-2xx HTTP answer. */
export function mapHttpError(
  status: number,
  headers: Headers,
  body: string,
  ctx: ErrorContext,
): ApiError {
  const at = `OpenProject at ${ctx.baseUrl}`;
  const opError = parseErrorBody(body);
  const id = shortIdentifier(opError?.errorIdentifier);
  const details = {
    status,
    ...(opError ? { errorIdentifier: opError.errorIdentifier } : {}),
  };
  const says = opError ? ` (the server says: "${quote(opError.message)}")` : '';
  const tokens = `${ctx.baseUrl}/my/access_tokens`;

  if (status === 401 || (status === 403 && id === 'Unauthenticated')) {
    const message =
      status === 403
        ? `The sign-in to ${ctx.baseUrl} does not allow using the API (scope api_v3 missing). Sign in again.`
        : ctx.authenticated
          ? `${at} did not accept your sign-in: the API token or session is wrong, expired or revoked. Sign in again, or create a new API token at ${tokens}.`
          : `${at} requires you to sign in. Sign in, or create an API token at ${tokens}.`;
    return new ApiError('unauthenticated', message, details);
  }
  if (status === 403) {
    return new ApiError(
      'forbidden',
      `You are not allowed to do this on ${at}${says}. Ask your OpenProject administrator for the permission.`,
      details,
    );
  }
  if (status === 404) {
    if (opError) {
      return new ApiError(
        'not-found',
        `This was not found on ${at}: it may have been deleted, or you may not be allowed to see it.`,
        details,
      );
    }
    return new ApiError(
      'not-openproject',
      `There is no OpenProject API at ${ctx.baseUrl} (the server answered 404 Not Found for /api/v3). Check the URL: it is the address you open OpenProject with in the browser.`,
      details,
    );
  }
  if ((status === 400 || status === 422) && opError) {
    return new ApiError(
      'invalid-query',
      `${at} rejected the request${says}. Try again; if it keeps happening, please report it.`,
      details,
    );
  }
  if (status === 429) {
    const wait = retryAfterMs(headers);
    const when = wait === undefined ? 'in a moment' : `in ${seconds(wait)}`;
    return new ApiError(
      'rate-limited',
      `${at} asks to slow down (too many requests). Try again ${when}.`,
      { ...details, ...(wait === undefined ? {} : { retryAfterMs: wait }) },
    );
  }
  if (status >= 500) {
    const wait = retryAfterMs(headers);
    return new ApiError(
      'server',
      `${at} had a problem answering (HTTP ${status})${says}. Try again later; if it persists, tell your OpenProject administrator.`,
      { ...details, ...(wait === undefined ? {} : { retryAfterMs: wait }) },
    );
  }
  if (!opError && looksLikeHtml(headers, body)) {
    return notOpenProject(ctx, status);
  }
  return new ApiError(
    'unexpected',
    `${at} gave an unexpected answer (HTTP ${status})${says}. Check the URL; if it is right, please report this.`,
    details,
  );
}

export function looksLikeHtml(headers: Headers, body: string): boolean {
  const type = headers['content-type'];
  const contentType = (Array.isArray(type) ? type[0] : type) ?? '';
  return /text\/html|application\/xhtml/i.test(contentType) || /^\s*</.test(body);
}

export function notOpenProject(ctx: ErrorContext, status?: number): ApiError {
  return new ApiError(
    'not-openproject',
    `${ctx.baseUrl} answered with a web page, not the OpenProject API. Check the URL: it is the address you open OpenProject with in the browser (a sign-in portal or proxy may be in the way).`,
    status === undefined ? {} : { status },
  );
}

/** A 2xx answer whose body is not JSON. */
export function decodeJson(
  headers: Headers,
  body: string,
  ctx: ErrorContext,
  status: number,
): unknown {
  if (looksLikeHtml(headers, body)) throw notOpenProject(ctx, status);
  if (body.trim() === '') {
    throw new ApiError(
      'unexpected',
      `OpenProject at ${ctx.baseUrl} sent an empty answer where data was expected. Try again; if it persists, tell your OpenProject administrator.`,
      { status },
    );
  }
  try {
    return JSON.parse(body);
  } catch {
    throw new ApiError(
      'unexpected',
      `OpenProject at ${ctx.baseUrl} sent an answer that is not valid JSON. Check the URL and any proxy in between; if it persists, tell your OpenProject administrator.`,
      { status },
    );
  }
}
