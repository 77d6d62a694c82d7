import { useCallback, useLayoutEffect, useRef, useState } from 'react';
import type {
  Account,
  BridgeError,
  NotificationsSnapshot,
  Settings,
} from '../../../preload/contract';
import { useBridge, useBridgeEvent } from './BridgeContext';

export interface TrayData {
  status: 'loading' | 'ready' | 'failed';
  error: BridgeError | null;
  accounts: Account[];
  snapshot: NotificationsSnapshot | null;
  settings: Settings | null;
  reload: () => void;
}

/**
 * Accounts, notifications and settings: loaded once, then kept current by pushed events.
 * An event that arrives while the first load is under way wins over the (older) load result.
 */
export function useTrayData(): TrayData {
  const bridge = useBridge();
  const [status, setStatus] = useState<TrayData['status']>('loading');
  const [error, setError] = useState<BridgeError | null>(null);
  const [accounts, setAccounts] = useState<Account[]>([]);
  const [snapshot, setSnapshot] = useState<NotificationsSnapshot | null>(null);
  const [settings, setSettings] = useState<Settings | null>(null);
  const [attempt, setAttempt] = useState(0);
  const pushed = useRef({ accounts: false, snapshot: false, settings: false });

  useBridgeEvent('accountsChanged', (next) => {
    pushed.current.accounts = true;
    setAccounts(next);
  });
  useBridgeEvent('notificationsChanged', (next) => {
    pushed.current.snapshot = true;
    setSnapshot(next);
  });
  useBridgeEvent('unreadChanged', (unread) => {
    setSnapshot((current) => (current ? { ...current, unread } : current));
  });
  useBridgeEvent('settingsChanged', (next) => {
    pushed.current.settings = true;
    setSettings(next);
  });

  // A layout effect: the requests go out before the first paint, not after it (the list shows sooner).
  useLayoutEffect(() => {
    let live = true;
    pushed.current = { accounts: false, snapshot: false, settings: false };
    setStatus('loading');
    void Promise.all([bridge.listAccounts(), bridge.getNotifications(), bridge.getSettings()]).then(
      ([accountsResult, snapshotResult, settingsResult]) => {
        if (!live) return;
        const failed = [accountsResult, snapshotResult, settingsResult].find((r) => !r.ok);
        if (failed && !failed.ok) {
          setError(failed.error);
          setStatus('failed');
          return;
        }
        if (accountsResult.ok && !pushed.current.accounts) setAccounts(accountsResult.value);
        if (snapshotResult.ok && !pushed.current.snapshot) setSnapshot(snapshotResult.value);
        if (settingsResult.ok && !pushed.current.settings) setSettings(settingsResult.value);
        setError(null);
        setStatus('ready');
      },
    );
    return () => {
      live = false;
    };
  }, [bridge, attempt]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return { status, error, accounts, snapshot, settings, reload };
}
