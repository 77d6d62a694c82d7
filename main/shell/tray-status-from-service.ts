import type { Account, AccountStateKind, PauseState, UnreadCounts } from '../../preload/contract';
import type { AccountStatus, TrayStatus } from './tray-status';

const STATE: Record<Exclude<AccountStateKind, 'signed-out'>, AccountStatus['state']> = {
  connecting: 'ok',
  connected: 'ok',
  offline: 'offline',
  'server-error': 'error',
  'needs-sign-in': 'needs-sign-in',
};

/** What the tray shows, from the application service's latest events. */
export interface ServiceState {
  accounts: readonly Account[];
  unread: UnreadCounts;
  pause: PauseState;
}

/**
 * The tray's status from the service's view of things: one entry per account the user has not
 * disconnected (a signed-out account is the user's choice, not a problem to show), its unread count
 * once it synced, and the pause. The tray's "Pause notifications" is the service's snooze; a pause
 * of syncing (chosen in the widget) shows as paused until the user resumes.
 */
export function trayStatusFromService(state: ServiceState): TrayStatus {
  const accounts: AccountStatus[] = [];
  for (const account of state.accounts) {
    const { kind, message } = account.state;
    if (kind === 'signed-out') continue;
    const synced = kind !== 'connecting' || account.lastSyncAt !== null;
    accounts.push({
      label: account.options.label ?? account.instanceName,
      unread: synced ? (state.unread.perAccount[account.id] ?? null) : null,
      state: STATE[kind],
      ...(STATE[kind] === 'error' && message ? { message } : {}),
    });
  }
  return {
    accounts,
    pausedUntil: state.pause.kind === 'snoozed' ? new Date(state.pause.until) : null,
    ...(state.pause.kind === 'paused' ? { syncPaused: true } : {}),
  };
}
