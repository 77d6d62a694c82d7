import { badgeText, type TrayIconRequest, type TrayIconState } from './tray-icon/index';

/** One signed-in OpenProject instance as the tray sees it. */
export interface AccountStatus {
  /** What the user calls it ("ACME", or the host name). */
  label: string;
  /** Unread notifications at the last successful poll; null before the first one. */
  unread: number | null;
  state: 'ok' | 'offline' | 'error' | 'needs-sign-in';
  /** For 'error': one sentence saying what happened and what to do. */
  message?: string;
}

/** Everything the tray shows, as the composition root maps it from the sync engine. */
export interface TrayStatus {
  accounts: readonly AccountStatus[];
  /** Notifications paused until then; null when they are not paused. */
  pausedUntil: Date | null;
  /** Syncing paused until the user resumes it (the counts are as of the pause). */
  syncPaused?: boolean;
}

/** What the tray shows for a status, per platform. */
export interface TrayView {
  iconState: TrayIconState;
  icon: TrayIconRequest;
  tooltip: string;
  /** macOS menu-bar title next to the icon (the count); '' elsewhere and when there is nothing to count. */
  title: string;
  /** For app.setBadgeCount (Dock on macOS, LauncherEntry on Linux); 0 clears it. */
  badgeCount: number;
}

export const APP_NAME = 'OpenProject Tray';
/** Windows cuts tray tooltips at 127 characters. */
const TOOLTIP_LIMIT = 127;

/** Paused either way: notifications until a time, or syncing until resumed. */
export function isPaused(status: TrayStatus): boolean {
  return status.pausedUntil !== null || status.syncPaused === true;
}

export function totalUnread(status: TrayStatus): number {
  return status.accounts.reduce((sum, a) => sum + (a.state === 'ok' ? (a.unread ?? 0) : 0), 0);
}

/**
 * Which picture the tray shows, the most pressing first: nothing to show without a sign-in; offline when
 * no instance answers; a sign-in or error mark when one instance needs the user; paused; unread; normal.
 */
export function trayIconState(status: TrayStatus): TrayIconState {
  const { accounts } = status;
  if (accounts.length === 0 || accounts.every((a) => a.state === 'needs-sign-in'))
    return 'signed-out';
  if (accounts.every((a) => a.state === 'offline')) return 'offline';
  if (accounts.some((a) => a.state === 'needs-sign-in')) return 'signed-out';
  if (accounts.some((a) => a.state === 'error')) return 'error';
  if (isPaused(status)) return 'paused';
  return totalUnread(status) > 0 ? 'unread' : 'normal';
}

export function trayView(
  status: TrayStatus,
  platform: NodeJS.Platform,
  formatTime: (date: Date) => string,
): TrayView {
  const iconState = trayIconState(status);
  const unread = totalUnread(status);
  const mac = platform === 'darwin';
  return {
    iconState,
    icon: { state: iconState, count: unread, template: mac },
    tooltip: clip(tooltip(status, iconState, unread, formatTime)),
    title: mac && unread > 0 && !isPaused(status) ? badgeText(unread) : '',
    badgeCount: isPaused(status) ? 0 : unread,
  };
}

function tooltip(
  status: TrayStatus,
  state: TrayIconState,
  unread: number,
  formatTime: (date: Date) => string,
): string {
  const { accounts } = status;
  const perAccount =
    accounts.length > 1
      ? '\n' + accounts.map((a) => `${a.label}: ${accountSummary(a)}`).join(' · ')
      : '';
  // Signed in, but no account has synced yet: "no unread" would be a guess.
  const checking =
    unread === 0 &&
    accounts.some((a) => a.state === 'ok') &&
    accounts.every((a) => a.unread === null);
  const unreadText = checking
    ? 'checking for notifications…'
    : unread === 0
      ? 'no unread notifications'
      : `${unread} unread`;
  switch (state) {
    case 'signed-out': {
      if (accounts.length === 0) return `${APP_NAME} — sign in to see your notifications`;
      const names = accounts.filter((a) => a.state === 'needs-sign-in').map((a) => a.label);
      return `${APP_NAME} — sign in again to ${names.join(', ')}${perAccount}`;
    }
    case 'offline':
      return `${APP_NAME} — offline, retrying automatically`;
    case 'error': {
      if (accounts.length > 1) return `${APP_NAME} — ${unreadText}${perAccount}`;
      return `${APP_NAME} — ${accounts[0]?.message ?? 'something went wrong'}`;
    }
    case 'paused':
      if (status.pausedUntil === null) {
        return `${APP_NAME} — paused, resume in the menu · ${unreadText}${perAccount}`;
      }
      return `${APP_NAME} — notifications paused until ${formatTime(status.pausedUntil)} · ${unreadText}${perAccount}`;
    case 'unread':
    case 'normal':
      return `${APP_NAME} — ${unreadText}${perAccount}`;
  }
}

function accountSummary(account: AccountStatus): string {
  switch (account.state) {
    case 'ok':
      return account.unread === null ? '…' : String(account.unread);
    case 'offline':
      return 'offline';
    case 'needs-sign-in':
      return 'sign in again';
    case 'error':
      return account.message ?? 'error';
  }
}

function clip(text: string): string {
  return text.length <= TOOLTIP_LIMIT ? text : `${text.slice(0, TOOLTIP_LIMIT - 1)}…`;
}
