import type { AccountStateKind } from '../core/sync/state';
import type { EngineView } from '../core/sync/sync-engine';
import type { AccountStatus, TrayStatus } from './tray-status';

const STATE: Record<AccountStateKind, AccountStatus['state']> = {
  checking: 'ok',
  ok: 'ok',
  // Still a valid count; the engine waits as long as the server asks, nothing for the user to do.
  'rate-limited': 'ok',
  paused: 'ok',
  offline: 'offline',
  'server-error': 'error',
  'needs-sign-in': 'needs-sign-in',
};

/**
 * The tray's status from the sync engine's view. The tray's "Pause notifications" is the engine's
 * snooze (toasts silenced until a time); polling goes on, so the count stays current.
 */
export function trayStatusFromEngine(view: EngineView): TrayStatus {
  return {
    accounts: view.accounts.map((account) => ({
      label: account.label,
      unread: account.count,
      state: STATE[account.state.kind],
      ...(STATE[account.state.kind] === 'error' ? { message: account.state.message } : {}),
    })),
    pausedUntil: view.snoozedUntil === null ? null : new Date(view.snoozedUntil),
  };
}
