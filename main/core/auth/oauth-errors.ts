/**
 * Every way a sign-in or a token refresh can fail, as one SignInError with a `kind` the app can
 * branch on and one sentence a person can act on. Server-provided text (error_description) is
 * never shown: it is untrusted, and may be long or unescaped. No message ever holds a token.
 */
import {
  AuthorizationResponseError,
  OperationProcessingError,
  ResponseBodyError,
  WWWAuthenticateChallengeError,
} from 'oauth4webapi';

export type SignInErrorKind =
  | 'access-denied'
  | 'invalid-client'
  | 'invalid-grant'
  | 'invalid-request'
  | 'unauthorized-client'
  | 'invalid-scope'
  | 'unsupported'
  | 'server-error'
  | 'server-refused'
  | 'issuer-mismatch'
  | 'state-mismatch'
  | 'bad-response'
  | 'discovery-failed'
  | 'port-in-use'
  | 'port-unavailable'
  | 'timeout'
  | 'cancelled'
  | 'unreachable'
  | 'tls'
  | 'storage'
  | 'unexpected';

/** Kinds that say "try again later", not "sign in again". */
const TRANSIENT: ReadonlySet<SignInErrorKind> = new Set([
  'server-error',
  'unreachable',
  'tls',
  'storage',
  'timeout',
]);

export class SignInError extends Error {
  override readonly name = 'SignInError';
  readonly kind: SignInErrorKind;
  /** The OAuth error code the server sent, when it sent one (e.g. `invalid_grant`). */
  readonly oauthError?: string;
  /** A temporary failure (network, server down): retry later rather than ask for sign-in. */
  readonly transient: boolean;

  constructor(kind: SignInErrorKind, message: string, oauthError?: string) {
    super(message);
    this.kind = kind;
    this.transient = TRANSIENT.has(kind);
    if (oauthError !== undefined) this.oauthError = oauthError;
  }
}

/** OAuth error codes are `[\x20-\x21\x23-\x5B\x5D-\x7E]+` (RFC 6749); show only sane ones. */
function safeCode(code: string): string {
  return /^[a-z0-9_.-]{1,64}$/i.test(code) ? code : 'unknown error';
}

/** One sentence for an OAuth error code from `server` (a host name, for the user). */
export function signInErrorFor(code: string, server: string): SignInError {
  const make = (kind: SignInErrorKind, message: string) => new SignInError(kind, message, code);
  switch (code) {
    case 'access_denied':
      return make(
        'access-denied',
        'Sign-in was cancelled in the browser: start it again and choose "Authorize" to let OpenProject Tray use your account.',
      );
    case 'invalid_client':
      return make(
        'invalid-client',
        `${server} does not accept this OAuth client: check the client id (and secret) with your administrator.`,
      );
    case 'invalid_grant':
      return make(
        'invalid-grant',
        `${server} no longer accepts this sign-in (it expired, was already used or was revoked): sign in again.`,
      );
    case 'invalid_request':
      return make(
        'invalid-request',
        `${server} rejected the sign-in request: check that the redirect URI shown in the sign-in options is registered for the OAuth application, then try again.`,
      );
    case 'unauthorized_client':
      return make(
        'unauthorized-client',
        `${server} does not allow this OAuth application to sign in (it may be disabled): ask your administrator to enable it.`,
      );
    case 'invalid_scope':
      return make(
        'invalid-scope',
        `${server} does not grant the requested access (scope api_v3): ask your administrator to allow it for the OAuth application.`,
      );
    case 'unsupported_grant_type':
    case 'unsupported_response_type':
      return make(
        'unsupported',
        `${server} does not support this way of signing in: ask your administrator to allow the authorization code flow for the OAuth application.`,
      );
    case 'server_error':
    case 'temporarily_unavailable':
      return make(
        'server-error',
        `${server} could not complete the sign-in right now: try again in a few minutes.`,
      );
    default:
      return make(
        'server-refused',
        `${server} refused the sign-in (${safeCode(code)}): try again, or ask your administrator.`,
      );
  }
}

const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EPIPE',
]);

function errorCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

function isTlsCode(code: string): boolean {
  return /CERT|SSL|TLS|SELF_SIGNED|UNABLE_TO_VERIFY/i.test(code);
}

/** Maps anything the protocol steps threw to a SignInError about `server`. */
export function toSignInError(error: unknown, server: string): SignInError {
  if (error instanceof SignInError) return error;
  if (error instanceof AuthorizationResponseError) return signInErrorFor(error.error, server);
  if (error instanceof ResponseBodyError) {
    const mapped = signInErrorFor(error.error, server);
    if (error.status >= 500 && mapped.kind === 'server-refused') {
      return new SignInError(
        'server-error',
        `${server} had a problem (HTTP ${error.status}): try again in a few minutes.`,
        error.error,
      );
    }
    return mapped;
  }
  if (error instanceof WWWAuthenticateChallengeError) {
    const code = error.cause[0]?.parameters.error;
    return signInErrorFor(typeof code === 'string' ? code : 'invalid_client', server);
  }
  if (error instanceof OperationProcessingError) {
    if (error.message.includes('"iss"')) {
      return new SignInError(
        'issuer-mismatch',
        `The sign-in answer did not come from ${server} as expected, so it was rejected for your safety: start the sign-in again.`,
      );
    }
    if (error.message.includes('"state"')) {
      return new SignInError(
        'state-mismatch',
        'The sign-in answer does not belong to this sign-in, so it was rejected: start the sign-in again.',
      );
    }
    if (error.message.includes('HTTP status code') && error.cause instanceof Response) {
      const status = error.cause.status;
      if (status >= 500) {
        return new SignInError(
          'server-error',
          `${server} had a problem (HTTP ${status}): try again in a few minutes.`,
        );
      }
    }
    return new SignInError(
      'bad-response',
      `${server} sent an answer that is not a valid OAuth response, so nothing was saved: check the sign-in options (is this the right server?) or ask your administrator.`,
    );
  }
  const name = (error as { name?: unknown } | null)?.name;
  if (name === 'AbortError') {
    return new SignInError('cancelled', 'Sign-in was cancelled.');
  }
  const code = errorCode(error);
  if (code && NETWORK_CODES.has(code)) {
    return new SignInError(
      'unreachable',
      `${server} could not be reached (${code}): check your network connection and try again.`,
    );
  }
  if (code && isTlsCode(code)) {
    return new SignInError(
      'tls',
      `The secure connection to ${server} failed (${code}): check the certificate settings in the connection options.`,
    );
  }
  if (name === 'TimeoutError' || code === 'ETIMEDOUT') {
    return new SignInError('unreachable', `${server} did not answer in time: try again.`);
  }
  return new SignInError('unexpected', `Sign-in with ${server} failed unexpectedly: try again.`);
}
