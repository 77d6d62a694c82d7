import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import type {
  Account,
  BridgeError,
  NotificationsSnapshot,
  Settings,
} from '../../../preload/contract';
import { useBridge, useBridgeEvent } from './BridgeContext';
import {
  peekTrayDataPrefetch,
  releaseTrayDataPrefetch,
  requestTrayData,
  withAnswers,
  type TrayDataState,
} from './trayDataPrefetch';

export interface TrayData {
  status: 'loading' | 'ready' | 'failed';
  error: BridgeError | null;
  accounts: Account[];
  snapshot: NotificationsSnapshot | null;
  settings: Settings | null;
  reload: () => void;
}

const NOTHING_PUSHED = { accounts: false, snapshot: false, settings: false };

const LOADING: TrayDataState = {
  status: 'loading',
  error: null,
  accounts: [],
  snapshot: null,
  settings: null,
  pushed: NOTHING_PUSHED,
};

/**
 * Accounts, notifications and settings: loaded once, then kept current by pushed events.
 * An event that arrives while the first load is under way wins over the (older) load result.
 * The first load may have been started before React (`prefetchTrayData`): then the first render
 * already has whatever it brought, and the hook takes it over once it listens to events itself.
 */
export function useTrayData(): TrayData {
  const bridge = useBridge();
  const [prefetch] = useState(() => peekTrayDataPrefetch(bridge));
  const [state, setState] = useState<TrayDataState>(() => prefetch?.state ?? LOADING);
  const [attempt, setAttempt] = useState(0);
  const latestAttempt = useRef(attempt);

  useBridgeEvent('accountsChanged', (accounts) => {
    setState((current) => ({
      ...current,
      accounts,
      pushed: { ...current.pushed, accounts: true },
    }));
  });
  useBridgeEvent('notificationsChanged', (snapshot) => {
    setState((current) => ({
      ...current,
      snapshot,
      pushed: { ...current.pushed, snapshot: true },
    }));
  });
  useBridgeEvent('unreadChanged', (unread) => {
    setState((current) =>
      current.snapshot ? { ...current, snapshot: { ...current.snapshot, unread } } : current,
    );
  });
  useBridgeEvent('settingsChanged', (settings) => {
    setState((current) => ({
      ...current,
      settings,
      pushed: { ...current.pushed, settings: true },
    }));
  });

  // A layout effect: the requests go out before the first paint, not after it (the list shows sooner).
  useLayoutEffect(() => {
    latestAttempt.current = attempt;
    if (attempt === 0 && prefetch) return; // under way since the page started
    let live = true;
    setState((current) =>
      current.status === 'loading' && !Object.values(current.pushed).some(Boolean)
        ? current // nothing to reset (the first render): no extra render
        : { ...current, status: 'loading', pushed: NOTHING_PUSHED },
    );
    void requestTrayData(bridge).then((answers) => {
      if (live) setState((current) => withAnswers(current, answers));
    });
    return () => {
      live = false;
    };
  }, [bridge, attempt, prefetch]);

  // After the event subscriptions above (effects run in order): take the prefetch over.
  useEffect(() => {
    if (!prefetch) return;
    let live = true;
    releaseTrayDataPrefetch(prefetch);
    // What happened between the first render and now (answers, events) is in the prefetch's state.
    setState((current) => (current === prefetch.state ? current : prefetch.state));
    if (prefetch.state.status === 'loading') {
      void prefetch.answered.then((answers) => {
        if (live && latestAttempt.current === 0)
          setState((current) => withAnswers(current, answers));
      });
    }
    return () => {
      live = false;
    };
  }, [prefetch]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  const { status, error, accounts, snapshot, settings } = state;
  return { status, error, accounts, snapshot, settings, reload };
}
