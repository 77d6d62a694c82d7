/**
 * The contract's views of the core's state: accounts (settings + app state + the sync engine's
 * state), the notifications snapshot, the unread counts and the settings. Pure functions.
 */
import type {
  Account,
  AccountState,
  NotificationGroup,
  NotificationsSnapshot,
  PauseState,
  Settings,
  UnreadCounts,
} from '../../preload/contract';
import type { WorkPackageGroup } from '../core/domain';
import type { Account as CoreAccount, Settings as CoreSettings } from '../core/settings/schema';
import type { AccountView, EngineView } from '../core/sync';
import { STATE_MESSAGES } from '../core/sync/state';
import type { AccountMeta } from './app-state';

const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());

function syncState(core: CoreAccount, sync: AccountView | undefined): AccountState {
  if (core.state === 'signed-out') return { kind: 'signed-out', message: null };
  const kind = sync?.state.kind ?? 'checking';
  if (kind === 'checking' && core.state === 'needs-sign-in') {
    return { kind: 'needs-sign-in', message: STATE_MESSAGES.needsSignIn };
  }
  const message = sync?.state.message ?? null;
  switch (kind) {
    case 'checking':
      return { kind: 'connecting', message: null };
    case 'ok':
      return { kind: 'connected', message: null };
    case 'paused':
      // Paused is a global choice shown by the settings, not a problem of the account.
      return { kind: sync?.state.lastSuccessAt ? 'connected' : 'connecting', message: null };
    case 'offline':
      return { kind: 'offline', message };
    case 'server-error':
    case 'rate-limited':
      return { kind: 'server-error', message };
    case 'needs-sign-in':
      return { kind: 'needs-sign-in', message };
  }
}

export function accountView(
  core: CoreAccount,
  meta: AccountMeta | null,
  sync: AccountView | undefined,
  signedOutMessage: string | null = null,
): Account {
  const signedOut = core.state === 'signed-out';
  const state = syncState(core, sync);
  return {
    id: core.id,
    baseUrl: core.baseUrl,
    instanceName: meta?.instanceName ?? core.name,
    user: signedOut ? null : (meta?.user ?? null),
    authMethod: core.auth.method,
    state: signedOut ? { kind: 'signed-out', message: signedOutMessage } : state,
    options: { label: meta?.label ?? null, notify: !core.options.muted },
    lastSyncAt: iso(sync?.state.lastSuccessAt ?? null),
  };
}

export function notificationGroup(group: WorkPackageGroup): NotificationGroup {
  // Type and avatar are not side-loaded (yet): the widget shows the reason and initials.
  return { ...group, type: null, actorAvatarUrl: null };
}

export function unreadCounts(engine: EngineView, accountIds: readonly string[]): UnreadCounts {
  const known = new Set(accountIds);
  const perAccount: Record<string, number> = {};
  for (const view of engine.accounts) {
    if (known.has(view.id)) perAccount[view.id] = view.count ?? 0;
  }
  const total = Object.values(perAccount).reduce((sum, count) => sum + count, 0);
  return { total, perAccount };
}

/** Every syncing account in the settings' order, with its groups newest first. */
export function notificationsSnapshot(
  accounts: readonly CoreAccount[],
  engine: EngineView,
): NotificationsSnapshot {
  const byId = new Map(engine.accounts.map((view) => [view.id, view]));
  const syncing = accounts.filter((account) => byId.has(account.id));
  return {
    accounts: syncing.map((account) => {
      const view = byId.get(account.id);
      return {
        accountId: account.id,
        groups: (view?.groups ?? []).map(notificationGroup),
        syncedAt: iso(view?.state.lastSuccessAt ?? null),
      };
    }),
    unread: unreadCounts(
      engine,
      syncing.map((account) => account.id),
    ),
  };
}

export function pauseState(global: CoreSettings['global'], now: number): PauseState {
  if (global.paused) return { kind: 'paused' };
  const until = global.snoozeUntil === null ? Number.NaN : Date.parse(global.snoozeUntil);
  if (Number.isFinite(until) && until > now) {
    return { kind: 'snoozed', until: new Date(until).toISOString() };
  }
  return { kind: 'active' };
}

export function settingsView(
  settings: CoreSettings,
  startAtLoginSupported: boolean,
  now: number,
): Settings {
  return {
    pollIntervalSeconds: settings.global.pollIntervalSeconds,
    notifyReasons: [...settings.global.toastReasons],
    hotkey: settings.global.hotkey,
    startAtLogin: startAtLoginSupported && settings.global.startAtLogin,
    startAtLoginSupported,
    pause: pauseState(settings.global, now),
  };
}
