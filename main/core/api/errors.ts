/**
 * The errors the API client throws: one `kind` the app can branch on, and a message a person
 * can act on (what happened, what to do next). Messages never contain credentials.
 */

import type { ApiErrorKind } from '../domain';

export type { ApiErrorKind };

export interface ApiErrorDetails {
  status?: number;
  retryAfterMs?: number;
  errorIdentifier?: string;
  /** A short technical code (e.g. ECONNREFUSED, CERT_HAS_EXPIRED) for logs; never a secret. */
  code?: string;
}

export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly kind: ApiErrorKind;
  readonly status?: number;
  readonly retryAfterMs?: number;
  readonly errorIdentifier?: string;
  readonly code?: string;

  constructor(kind: ApiErrorKind, message: string, details: ApiErrorDetails = {}) {
    super(message);
    this.kind = kind;
    if (details.status !== undefined) this.status = details.status;
    if (details.retryAfterMs !== undefined) this.retryAfterMs = details.retryAfterMs;
    if (details.errorIdentifier !== undefined) this.errorIdentifier = details.errorIdentifier;
    if (details.code !== undefined) this.code = details.code;
  }
}

export function isApiError(error: unknown, kind?: ApiErrorKind): error is ApiError {
  return error instanceof ApiError && (kind === undefined || error.kind === kind);
}

/** `urn:openproject-org:api:v3:errors:InvalidQuery` → `InvalidQuery`. */
export function shortIdentifier(errorIdentifier: string | undefined): string | undefined {
  if (errorIdentifier === undefined) return undefined;
  const parts = errorIdentifier.split(':');
  return parts[parts.length - 1];
}
