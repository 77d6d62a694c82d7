/**
 * An in-memory `TrayBridge` for component tests. It is built with the contract's own `createBridge`
 * over a transport that dispatches by channel name and structured-clones every request and answer,
 * as IPC does, so the renderer is tested against the same surface the preload and the browser
 * harness provide. Its default handlers behave like a small main process; `handle()` overrides one.
 */
import {
  COMMAND_CHANNELS,
  EVENT_CHANNELS,
  createBridge,
  fail,
  ok,
  type Account,
  type AccountNotifications,
  type BridgeError,
  type CommandName,
  type CommandRequest,
  type CommandResponse,
  type EventName,
  type Events,
  type NotificationsSnapshot,
  type OAuthFlow,
  type Person,
  type ProbeResult,
  type Result,
  type SearchHit,
  type SecretStorageStatus,
  type Settings,
  type TrayBridge,
} from '../../preload/contract';

export interface FakeState {
  accounts: Account[];
  notifications: AccountNotifications[];
  settings: Settings;
  /** What `search` looks through. */
  workPackages: SearchHit[];
  recent: SearchHit[];
  /** Probe answers by URL (no trailing slash); an unknown URL is unreachable. */
  instances: Record<string, ProbeResult | BridgeError>;
  /** Tokens the fake "server" accepts, and whose they are. */
  tokens: Record<string, Person>;
  /** The out-of-band code `submitOAuthCode` accepts, and the user it signs in. */
  oauthCode: { code: string; user: Person } | null;
  takenHotkeys: string[];
  /** Where main keeps sign-ins; `secretStorage({ backend: 'basic_text' })` simulates no keyring. */
  secretStorage: SecretStorageStatus;
}

export const DEFAULT_SETTINGS: Settings = {
  pollIntervalSeconds: 300,
  notifyReasons: ['mentioned', 'assigned', 'responsible', 'dateAlert', 'reminder'],
  hotkey: 'CommandOrControl+Shift+Space',
  startAtLogin: false,
  startAtLoginSupported: true,
  pause: { kind: 'active' },
};

/** The fake's secret storage: the OS keychain, or weak storage with the user's decision. */
export function secretStorage(
  status: Partial<Pick<SecretStorageStatus, 'backend' | 'decision'>> = {},
): SecretStorageStatus {
  const backend = status.backend ?? 'os-keychain';
  const decision = status.decision ?? 'undecided';
  const weak = backend === 'basic_text';
  return { backend, weak, decision, canStoreSignIns: !weak || decision === 'accepted' };
}

type Listener = (payload: unknown) => void;

/** Like main's handlers, but a fake may answer synchronously. */
export type FakeHandlers = {
  [K in CommandName]: (
    request: CommandRequest<K>,
  ) => Result<CommandResponse<K>> | Promise<Result<CommandResponse<K>>>;
};

export class FakeBridge {
  readonly bridge: TrayBridge;
  readonly state: FakeState;
  readonly calls: { command: CommandName; request: unknown }[] = [];
  /** With `holdSearches`, searches wait here until `releaseSearch(id)` or a cancel. */
  holdSearches = false;
  readonly pendingSearches = new Map<string, () => void>();
  private readonly pendingCancels = new Map<string, () => void>();
  private readonly listeners = new Map<string, Set<Listener>>();
  private readonly overrides: Partial<FakeHandlers> = {};
  private readonly handlers: FakeHandlers;
  private flowCount = 0;
  private readonly flows = new Map<string, { flow: OAuthFlow; accountId?: string }>();

  constructor(init: Partial<FakeState> = {}) {
    this.state = {
      accounts: [],
      notifications: [],
      settings: DEFAULT_SETTINGS,
      workPackages: [],
      recent: [],
      instances: {},
      tokens: {},
      oauthCode: null,
      takenHotkeys: [],
      secretStorage: secretStorage(),
      ...init,
    };
    this.handlers = this.defaultHandlers();
    const byChannel = new Map<string, CommandName>(
      Object.entries(COMMAND_CHANNELS).map(
        ([name, channel]) => [channel, name as CommandName] as const,
      ),
    );
    this.bridge = createBridge({
      invoke: async (channel, request) => {
        const name = byChannel.get(channel);
        if (!name) throw new Error(`No command on channel ${channel}`);
        const copy: unknown = structuredClone(request);
        this.calls.push({ command: name, request: copy });
        const handler = (this.overrides[name] ?? this.handlers[name]) as (
          request: unknown,
        ) => Result<unknown> | Promise<Result<unknown>>;
        return structuredClone(await handler(copy));
      },
      listen: (channel, listener) => {
        const set = this.listeners.get(channel) ?? new Set<Listener>();
        set.add(listener);
        this.listeners.set(channel, set);
        return () => set.delete(listener);
      },
    });
  }

  /** Replaces one command's behaviour. */
  handle<K extends CommandName>(name: K, handler: FakeHandlers[K]): void {
    (this.overrides as Record<K, FakeHandlers[K]>)[name] = handler;
  }

  emit<E extends EventName>(event: E, payload: Events[E]): void {
    const copy = structuredClone(payload);
    this.listeners.get(EVENT_CHANNELS[event])?.forEach((listener) => listener(copy));
  }

  listenerCount(event: EventName): number {
    return this.listeners.get(EVENT_CHANNELS[event])?.size ?? 0;
  }

  /** The requests a command received, in order. */
  requests<K extends CommandName>(name: K): CommandRequest<K>[] {
    return this.calls
      .filter((call) => call.command === name)
      .map((c) => c.request as CommandRequest<K>);
  }

  releaseSearch(requestId: string): void {
    this.pendingSearches.get(requestId)?.();
  }

  /** Main's answer to an OAuth flow: what the loopback listener would report. */
  finishOAuth(flowId: string, result: Result<Account>): void {
    this.emit('oauthFinished', { flowId, result });
  }

  snapshot(): NotificationsSnapshot {
    const perAccount = Object.fromEntries(
      this.state.notifications.map((a) => [
        a.accountId,
        a.groups.reduce((sum, group) => sum + group.count, 0),
      ]),
    );
    const total = Object.values(perAccount).reduce((sum, n) => sum + n, 0);
    return { accounts: this.state.notifications, unread: { total, perAccount } };
  }

  private publishNotifications(): void {
    const snapshot = this.snapshot();
    this.emit('notificationsChanged', snapshot);
    this.emit('unreadChanged', snapshot.unread);
  }

  private publishAccounts(): void {
    this.emit('accountsChanged', this.state.accounts);
  }

  private upsertAccount(account: Account): Account {
    const others = this.state.accounts.filter((a) => a.id !== account.id);
    this.state.accounts = [...others, account];
    this.publishAccounts();
    return account;
  }

  private account(accountId: string): Account | undefined {
    return this.state.accounts.find((a) => a.id === accountId);
  }

  private newAccount(
    url: string,
    user: Person,
    method: Account['authMethod'],
    id?: string,
  ): Account {
    const probe = this.state.instances[url.replace(/\/+$/, '')];
    const instanceName = probe && 'instance' in probe ? probe.instance.instanceName : url;
    return {
      id: id ?? `account-${this.state.accounts.length + 1}`,
      baseUrl: url.replace(/\/+$/, ''),
      instanceName,
      user,
      authMethod: method,
      state: { kind: 'connecting', message: null },
      options: { label: null, notify: true },
      lastSyncAt: null,
    };
  }

  private defaultHandlers(): FakeHandlers {
    const unknown = (accountId: string) =>
      fail<never>('unknown-account', `No account ${accountId}.`);
    const weakStorageRefused = () =>
      fail<never>('storage', 'Your sign-in was not saved: there is no keyring.');
    return {
      appInfo: () => ok({ name: 'OpenProject Tray', version: '0.1.0' }),
      probe: ({ url }) => {
        const answer = this.state.instances[url.replace(/\/+$/, '')];
        if (!answer) return fail('unreachable', `OpenProject at ${url} could not be reached.`);
        return 'instance' in answer ? ok(answer) : { ok: false, error: answer };
      },
      connectWithToken: ({ url, token, accountId }) => {
        if (!this.state.secretStorage.canStoreSignIns) return weakStorageRefused();
        const user = this.state.tokens[token];
        if (!user) return fail('unauthenticated', 'The token was not accepted.');
        return ok(this.upsertAccount(this.newAccount(url, user, 'apiToken', accountId)));
      },
      startOAuth: ({ url, mode, accountId }) => {
        if (!this.state.secretStorage.canStoreSignIns) return weakStorageRefused();
        this.flowCount += 1;
        const probe = this.state.instances[url.replace(/\/+$/, '')];
        const redirectUri =
          mode === 'out-of-band'
            ? 'urn:ietf:wg:oauth:2.0:oob'
            : probe && 'instance' in probe
              ? probe.oauthRedirectUri
              : 'http://127.0.0.1:47651/oauth-callback';
        const flow: OAuthFlow = { flowId: `flow-${this.flowCount}`, mode, redirectUri };
        this.flows.set(flow.flowId, accountId ? { flow, accountId } : { flow });
        return ok(flow);
      },
      cancelOAuth: ({ flowId }) => {
        if (this.flows.delete(flowId)) this.finishOAuth(flowId, fail('cancelled', 'Cancelled.'));
        return ok(null);
      },
      submitOAuthCode: ({ flowId, code }) => {
        const known = this.flows.get(flowId);
        if (!known || !this.state.oauthCode || code !== this.state.oauthCode.code) {
          return fail('oauth-failed', 'OpenProject did not accept this code.');
        }
        this.flows.delete(flowId);
        const url = Object.keys(this.state.instances)[0] ?? 'https://op.example.com';
        const user = this.state.oauthCode.user;
        return ok(this.upsertAccount(this.newAccount(url, user, 'oauth', known.accountId)));
      },
      listAccounts: () => ok(this.state.accounts),
      updateAccount: ({ accountId, options }) => {
        const account = this.account(accountId);
        if (!account) return unknown(accountId);
        return ok(this.upsertAccount({ ...account, options: { ...account.options, ...options } }));
      },
      reconnect: ({ accountId }) => {
        const account = this.account(accountId);
        if (!account) return unknown(accountId);
        return ok(this.upsertAccount({ ...account, state: { kind: 'connected', message: null } }));
      },
      disconnect: ({ accountId }) => {
        const account = this.account(accountId);
        if (!account) return unknown(accountId);
        return ok(
          this.upsertAccount({
            ...account,
            user: null,
            state: { kind: 'signed-out', message: null },
          }),
        );
      },
      removeAccount: ({ accountId }) => {
        this.state.accounts = this.state.accounts.filter((a) => a.id !== accountId);
        this.state.notifications = this.state.notifications.filter(
          (a) => a.accountId !== accountId,
        );
        this.publishAccounts();
        this.publishNotifications();
        return ok(null);
      },
      resetEverything: () => {
        this.state.accounts = [];
        this.state.notifications = [];
        this.state.settings = DEFAULT_SETTINGS;
        this.state.secretStorage = secretStorage({ backend: this.state.secretStorage.backend });
        this.publishAccounts();
        this.publishNotifications();
        this.emit('secretStorageChanged', this.state.secretStorage);
        return ok(null);
      },
      getNotifications: () => ok(this.snapshot()),
      markRead: (request) => {
        this.state.notifications = this.state.notifications.map((account) => {
          if (account.accountId !== request.accountId) return account;
          const groups = account.groups.flatMap((group) => {
            if (request.kind === 'all') return [];
            if (request.kind === 'workPackage') {
              return group.workPackageId === request.workPackageId ? [] : [group];
            }
            const ids = group.notificationIds.filter((id) => !request.notificationIds.includes(id));
            return ids.length === 0 ? [] : [{ ...group, notificationIds: ids, count: ids.length }];
          });
          return { ...account, groups };
        });
        this.publishNotifications();
        return ok(null);
      },
      refreshNow: () => ok(null),
      search: async ({ requestId, text }) => {
        if (this.holdSearches) {
          const cancelled = await new Promise<boolean>((resolve) => {
            this.pendingSearches.set(requestId, () => resolve(false));
            this.pendingCancels.set(requestId, () => resolve(true));
          });
          this.pendingSearches.delete(requestId);
          this.pendingCancels.delete(requestId);
          if (cancelled) return fail('cancelled', 'The search was cancelled.');
        }
        return ok({ requestId, hits: this.findHits(text), failures: [] });
      },
      cancelSearch: ({ requestId }) => {
        this.pendingCancels.get(requestId)?.();
        return ok(null);
      },
      recentWorkPackages: () => ok(this.state.recent),
      openInBrowser: () => ok(null),
      getSettings: () => ok(this.state.settings),
      updateSettings: (update) => {
        if (update.hotkey && this.state.takenHotkeys.includes(update.hotkey)) {
          return fail('hotkey-taken', `${update.hotkey} is registered by another application.`);
        }
        this.state.settings = { ...this.state.settings, ...update };
        this.emit('settingsChanged', this.state.settings);
        return ok(this.state.settings);
      },
      openView: () => ok(null),
      windowAction: () => ok(null),
      getSecretStorage: () => ok(this.state.secretStorage),
      decideWeakSecretStorage: ({ decision }) => {
        if (!this.state.secretStorage.weak) {
          return fail('not-allowed', 'There is nothing to decide about weak protection.');
        }
        this.state.secretStorage = secretStorage({ backend: 'basic_text', decision });
        this.emit('secretStorageChanged', this.state.secretStorage);
        return ok(this.state.secretStorage);
      },
    };
  }

  /** `#123`/`123`: that work package first; otherwise subject or id contains the text. */
  private findHits(text: string): SearchHit[] {
    const query = text.trim().toLowerCase();
    const exact = /^#?(\d+)$/.exec(query);
    const matches = this.state.workPackages.filter(
      (hit) =>
        hit.workPackage.subject.toLowerCase().includes(query) ||
        String(hit.workPackage.id).includes(query.replace(/^#/, '')),
    );
    if (!exact) return matches;
    const id = Number(exact[1]);
    return [
      ...matches.filter((hit) => hit.workPackage.id === id),
      ...matches.filter((hit) => hit.workPackage.id !== id),
    ];
  }
}
