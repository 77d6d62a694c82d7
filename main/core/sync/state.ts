/**
 * An account's sync state as the user sees it: what happened and what to do next.
 */
import type { SyncFailure } from './source';

export type AccountStateKind =
  'checking' | 'ok' | 'offline' | 'server-error' | 'rate-limited' | 'needs-sign-in' | 'paused';

export interface AccountState {
  kind: AccountStateKind;
  /** What happened and what to do, in one or two sentences. */
  message: string;
  /** The failure's kind (an ApiError kind, or 'internal'), when the state comes from one. */
  errorKind: SyncFailure['kind'] | null;
  /** Last successful poll (ms since the epoch), if any. */
  lastSuccessAt: number | null;
  /** When the next poll is planned, if one is. */
  nextPollAt: number | null;
  /** Consecutive failed polls. */
  failures: number;
}

export const STATE_MESSAGES = {
  checking: 'Checking OpenProject for notifications…',
  ok: 'Up to date.',
  paused:
    'Notifications are paused: OpenProject is not being checked. Resume them from the tray menu.',
  needsSignIn:
    'Your sign-in to OpenProject is no longer accepted. Sign in again to get notifications.',
  offlineSignal:
    'Your computer is offline. Notifications resume by themselves when the network is back.',
} as const;

const RETRYING = 'The app keeps trying by itself; use "Refresh now" to try at once.';

function ensureSentence(text: string): string {
  const trimmed = text.trim();
  return /[.!?…]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

/** The state a failed poll leads to. */
export function stateKindFor(failure: SyncFailure): AccountStateKind {
  switch (failure.kind) {
    case 'unauthenticated':
      return 'needs-sign-in';
    case 'rate-limited':
      return 'rate-limited';
    case 'unreachable':
    case 'timeout':
      return 'offline';
    default:
      return 'server-error';
  }
}

export function messageFor(kind: AccountStateKind, failure: SyncFailure): string {
  const what = ensureSentence(failure.message);
  switch (kind) {
    case 'needs-sign-in':
      return STATE_MESSAGES.needsSignIn;
    case 'rate-limited':
      return `${what} The app waits as long as OpenProject asks before it checks again.`;
    default:
      return `${what} ${RETRYING}`;
  }
}
