import type {
  Account,
  BridgeError,
  NotificationsSnapshot,
  Result,
  Settings,
  TrayBridge,
  Unsubscribe,
} from '../../../preload/contract';

export type TrayAnswers = [Result<Account[]>, Result<NotificationsSnapshot>, Result<Settings>];

/** Which parts a pushed event has set (an event wins over the older answer to a request). */
export interface Pushed {
  accounts: boolean;
  snapshot: boolean;
  settings: boolean;
}

/** What `useTrayData` holds, as it would be had it run from the start. */
export interface TrayDataState {
  status: 'loading' | 'ready' | 'failed';
  error: BridgeError | null;
  accounts: Account[];
  snapshot: NotificationsSnapshot | null;
  settings: Settings | null;
  pushed: Pushed;
}

export function requestTrayData(bridge: TrayBridge): Promise<TrayAnswers> {
  return Promise.all([bridge.listAccounts(), bridge.getNotifications(), bridge.getSettings()]);
}

/**
 * The widget's first load, started while the page's code is still starting (before React renders):
 * the requests travel while React starts, and when the answers are in by the first render, that
 * render already shows the list (no "Loading…" frame, no second render). Until `useTrayData`
 * takes over, pushed events are applied here exactly as the hook applies them.
 */
export interface TrayDataPrefetch {
  bridge: TrayBridge;
  /** The three answers (by then applied to `state`). */
  answered: Promise<TrayAnswers>;
  state: TrayDataState;
  /** Stops listening to events (the hook listens itself by then). */
  stop: Unsubscribe;
}

let prefetched: TrayDataPrefetch | null = null;

export function prefetchTrayData(bridge: TrayBridge): void {
  if (prefetched) return;
  const load: TrayDataPrefetch = {
    bridge,
    answered: new Promise<TrayAnswers>(() => undefined),
    state: {
      status: 'loading',
      error: null,
      accounts: [],
      snapshot: null,
      settings: null,
      pushed: { accounts: false, snapshot: false, settings: false },
    },
    stop: () => undefined,
  };
  const update = (change: Partial<TrayDataState>) => {
    load.state = { ...load.state, ...change };
  };
  const pushed = (part: keyof Pushed) => ({ ...load.state.pushed, [part]: true });
  const listening = [
    bridge.on('accountsChanged', (accounts) => update({ accounts, pushed: pushed('accounts') })),
    bridge.on('notificationsChanged', (snapshot) =>
      update({ snapshot, pushed: pushed('snapshot') }),
    ),
    bridge.on('unreadChanged', (unread) => {
      const current = load.state.snapshot;
      if (current) update({ snapshot: { ...current, unread } });
    }),
    bridge.on('settingsChanged', (settings) => update({ settings, pushed: pushed('settings') })),
  ];
  load.stop = () => listening.forEach((unsubscribe) => unsubscribe());
  load.answered = requestTrayData(bridge).then((answers) => {
    load.state = withAnswers(load.state, answers);
    return answers;
  });
  prefetched = load;
}

/** The prefetched first load for this bridge, if one is under way or done and not yet taken. */
export function peekTrayDataPrefetch(bridge: TrayBridge): TrayDataPrefetch | null {
  return prefetched?.bridge === bridge ? prefetched : null;
}

/** The hook took the prefetch over: a later widget (remounted) loads afresh. */
export function releaseTrayDataPrefetch(load: TrayDataPrefetch): void {
  load.stop();
  if (prefetched === load) prefetched = null;
}

/** The answers applied the way `useTrayData` applies them: pushed parts stay. */
export function withAnswers(state: TrayDataState, answers: TrayAnswers): TrayDataState {
  const [accountsResult, snapshotResult, settingsResult] = answers;
  const failed = answers.find((result) => !result.ok);
  if (failed && !failed.ok) return { ...state, error: failed.error, status: 'failed' };
  return {
    ...state,
    accounts: accountsResult.ok && !state.pushed.accounts ? accountsResult.value : state.accounts,
    snapshot: snapshotResult.ok && !state.pushed.snapshot ? snapshotResult.value : state.snapshot,
    settings: settingsResult.ok && !state.pushed.settings ? settingsResult.value : state.settings,
    error: null,
    status: 'ready',
  };
}

/**
 * Whether the prefetched answers are in before the next task: true when the bridge answers at once,
 * false without a prefetch or when the answers take longer (the widget then shows "Loading…").
 */
export function trayDataPrefetchAnswered(): Promise<boolean> {
  if (!prefetched) return Promise.resolve(false);
  const answered = prefetched.answered.then(() => true);
  // The next task, by a message: a hidden window's timers may wait a second.
  const nextTask = new Promise<false>((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve(false);
    };
    channel.port2.postMessage(null);
  });
  return Promise.race([answered, nextTask]);
}
