/**
 * What the sync engine needs from OpenProject: a narrow slice of the API client
 * (`OpenProjectClient` satisfies it), so tests can drive the engine with an in-memory model.
 */
import { isApiError, type ApiErrorKind } from '../api/errors';
import type { OpenProjectClient, UnreadSnapshot } from '../api/client';
import type { BrowserLinks } from '../api/url';

export type { UnreadSnapshot };

export type SyncSource = Pick<OpenProjectClient, 'unreadSnapshot' | 'unreadNotifications'> & {
  links: Pick<BrowserLinks, 'workPackage' | 'notificationCenter'>;
};

export interface SyncFailure {
  /** The ApiError's kind; 'internal' for anything that is not an ApiError (a bug). */
  kind: ApiErrorKind | 'internal';
  /** One sentence for the user (the ApiError's message), or a generic one. */
  message: string;
  /** How long the server asked us to wait (Retry-After / RateLimit-Reset), if it did. */
  retryAfterMs?: number;
}

export function toSyncFailure(error: unknown): SyncFailure {
  if (isApiError(error)) {
    const failure: SyncFailure = { kind: error.kind, message: error.message };
    const wait = error.retryAfterMs;
    if (typeof wait === 'number' && Number.isFinite(wait) && wait > 0) failure.retryAfterMs = wait;
    return failure;
  }
  const detail = error instanceof Error ? error.message : String(error);
  return {
    kind: 'internal',
    message: `Checking for notifications failed unexpectedly (${detail}). If this keeps happening, restart the app.`,
  };
}
