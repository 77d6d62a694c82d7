/**
 * The one typed IPC contract between the Electron main process and the renderer.
 * Channel names, request/response and event types live here; nothing else crosses.
 * It may import the core's domain types, type-only.
 *
 * Shape:
 * - `Commands`: every command's request and response. A command answers with a `Result`, never throws
 *   across the boundary (Electron mangles thrown errors; JSON over HTTP cannot carry them either).
 * - `Events`: what the main process pushes; `TrayBridge.on(event, listener)` returns an unsubscribe.
 * - `CHANNELS`: the channel name of every command and event.
 * - `createBridge(transport)`: builds a `TrayBridge` over any request/listen transport (ipcRenderer in
 *   the preload, HTTP/WebSocket in the browser harness, an in-memory fake in the component tests).
 *
 * Tokens travel one way only: `connectWithToken` carries the pasted token to main; no response or event
 * ever contains a token or a client secret.
 */
import type {
  InstanceInfo,
  NotificationReason,
  Person,
  WorkPackageGroup,
  WorkPackageSummary,
} from '../main/core/domain';

/** The domain types the renderer needs, re-exported so it never imports main/. */
export type {
  InstanceInfo,
  KnownReason,
  NotificationDetail,
  NotificationReason,
  Person,
  WorkPackageGroup,
  WorkPackageSummary,
} from '../main/core/domain';

// ---------------------------------------------------------------------------------------------
// Results and errors

/** The core's `ApiErrorKind` (docs/ARCHITECTURE.md), repeated here because the contract imports domain types only. */
export type ApiErrorKindName =
  | 'unreachable'
  | 'timeout'
  | 'tls'
  | 'not-openproject'
  | 'unauthenticated'
  | 'forbidden'
  | 'not-found'
  | 'invalid-query'
  | 'rate-limited'
  | 'server'
  | 'unexpected';

export type BridgeErrorKind =
  | ApiErrorKindName
  /** The URL is not a usable http(s) URL. */
  | 'invalid-url'
  /** A request field is out of range or malformed (the message names it). */
  | 'invalid-input'
  /** The global hotkey is registered by another application. */
  | 'hotkey-taken'
  /** The hotkey is not a valid accelerator. */
  | 'hotkey-invalid'
  /** The user denied the OAuth consent. */
  | 'oauth-denied'
  /** The OAuth flow failed (bad client id, code exchange refused, no answer in time…). */
  | 'oauth-failed'
  /** The request was cancelled (a stale search, a cancelled OAuth flow). */
  | 'cancelled'
  /** The account id is not known (removed meanwhile). */
  | 'unknown-account'
  /** Main refused (a URL that is not an account's or a probed instance's, for example). */
  | 'not-allowed'
  /** Reading or writing the local settings or the keychain failed. */
  | 'storage'
  /** Anything else; the message says what happened. */
  | 'internal';

/** An error as it crosses the boundary: a kind the renderer can translate, one sentence from main. */
export interface BridgeError {
  kind: BridgeErrorKind;
  message: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: BridgeError };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function fail<T = never>(kind: BridgeErrorKind, message: string): Result<T> {
  return { ok: false, error: { kind, message } };
}

// ---------------------------------------------------------------------------------------------
// Accounts

export type AccountId = string;
export type AuthMethod = 'apiToken' | 'oauth';

/**
 * - `connecting`: signed in, first sync not done yet;
 * - `connected`: the last sync worked;
 * - `offline`: the instance could not be reached (network, timeout); main retries by itself;
 * - `server-error`: the instance answered with an error (5xx, unexpected data, rate limit);
 * - `needs-sign-in`: the credentials were refused (revoked token, expired OAuth grant);
 * - `signed-out`: the user disconnected the account (tokens revoked and deleted; the account stays).
 */
export type AccountStateKind =
  'connecting' | 'connected' | 'offline' | 'server-error' | 'needs-sign-in' | 'signed-out';

export interface AccountState {
  kind: AccountStateKind;
  /** One sentence from main about the problem, null when all is well. */
  message: string | null;
}

export interface AccountOptions {
  /** A name the user gave the account; null shows the instance name. */
  label: string | null;
  /** Raise desktop notifications for this account. */
  notify: boolean;
}

export interface Account {
  id: AccountId;
  /** Normalised base URL (with sub-path, no trailing slash). */
  baseUrl: string;
  instanceName: string;
  /** The signed-in user; null once signed out. */
  user: Person | null;
  authMethod: AuthMethod;
  state: AccountState;
  options: AccountOptions;
  /** When the last successful sync finished; null before the first one. */
  lastSyncAt: string | null;
}

// ---------------------------------------------------------------------------------------------
// Setup: probe, token, OAuth

export interface ProbeRequest {
  url: string;
  /** Extra trusted CA certificate(s), PEM text the user picked (for a self-signed instance). */
  ca?: string;
}

/** `insecure-http`: plain http to a host that is not local. `already-connected`: an account exists. */
export type ProbeWarning = 'insecure-http' | 'already-connected';

export interface ProbeResult {
  instance: InstanceInfo;
  warnings: ProbeWarning[];
  /** The exact redirect URI the admin registers for the OAuth application. */
  oauthRedirectUri: string;
}

export interface ConnectWithTokenRequest {
  url: string;
  /** The pasted API token. Goes to main and into the keychain; never comes back. */
  token: string;
  ca?: string;
  /** Replace the credentials of this existing account (sign in again) instead of adding one. */
  accountId?: AccountId;
}

/** `loopback`: the browser redirects to main's local listener. `out-of-band`: the user pastes the code. */
export type OAuthMode = 'loopback' | 'out-of-band';

export interface StartOAuthRequest {
  url: string;
  clientId: string;
  /** Only for a confidential application. Stays in main. */
  clientSecret?: string;
  mode: OAuthMode;
  ca?: string;
  accountId?: AccountId;
}

/** Main has opened the authorization page in the browser; the outcome comes as `oauthFinished`. */
export interface OAuthFlow {
  flowId: string;
  mode: OAuthMode;
  redirectUri: string;
}

export interface OAuthOutcome {
  flowId: string;
  /** The connected account, or why not (`cancelled`, `oauth-denied`, `oauth-failed`, `timeout`…). */
  result: Result<Account>;
}

// ---------------------------------------------------------------------------------------------
// Notifications

/** A work-package group as the widget shows it (the core's group plus what main side-loads). */
export interface NotificationGroup extends WorkPackageGroup {
  /** The work package type ("Task", "Bug"), when main knows it. */
  type: string | null;
  /** The actor's avatar as a URL main vouches for (data: or https:); null shows initials. */
  actorAvatarUrl: string | null;
}

export interface AccountNotifications {
  accountId: AccountId;
  /** Newest first. */
  groups: NotificationGroup[];
  /** When these groups were fetched; null before the first sync. */
  syncedAt: string | null;
}

export interface UnreadCounts {
  total: number;
  perAccount: Record<AccountId, number>;
}

export interface NotificationsSnapshot {
  accounts: AccountNotifications[];
  unread: UnreadCounts;
}

export type MarkReadRequest =
  | { kind: 'notifications'; accountId: AccountId; notificationIds: number[] }
  | { kind: 'workPackage'; accountId: AccountId; workPackageId: number }
  | { kind: 'all'; accountId: AccountId };

// ---------------------------------------------------------------------------------------------
// Search

export interface SearchRequest {
  /** Chosen by the renderer; a later `cancelSearch` with the same id aborts it. */
  requestId: string;
  /** `#123` or `123` finds that work package; other text searches subject and id. */
  text: string;
}

export interface SearchHit {
  accountId: AccountId;
  workPackage: WorkPackageSummary;
}

export interface SearchResponse {
  requestId: string;
  /** Exact id matches first, then by relevance / last update, across every account. */
  hits: SearchHit[];
  /** Accounts whose search failed; the other accounts' hits are still there. */
  failures: { accountId: AccountId; error: BridgeError }[];
}

// ---------------------------------------------------------------------------------------------
// Browser, settings, windows

/** Main builds the URL itself and checks it belongs to an account or a probed instance. */
export type OpenTarget =
  | { kind: 'workPackage'; accountId: AccountId; workPackageId: number }
  | { kind: 'notificationCenter'; accountId: AccountId }
  | { kind: 'accessTokens'; baseUrl: string }
  | { kind: 'oauthApplications'; baseUrl: string };

/** `snoozed`: no desktop notifications until then (sync goes on). `paused`: no polling until resumed. */
export type PauseState =
  { kind: 'active' } | { kind: 'snoozed'; until: string } | { kind: 'paused' };

export interface Settings {
  pollIntervalSeconds: number;
  /** The reasons that raise a desktop notification. */
  notifyReasons: NotificationReason[];
  /** Electron accelerator ("CommandOrControl+Shift+Space"); null for none. */
  hotkey: string | null;
  startAtLogin: boolean;
  /** False where the OS gives the app no login item (then the option is shown disabled). */
  startAtLoginSupported: boolean;
  pause: PauseState;
}

export type SettingsUpdate = Partial<Omit<Settings, 'startAtLoginSupported'>>;

export const POLL_INTERVAL_LIMITS = { minSeconds: 15, maxSeconds: 30 * 60 } as const;

export type ViewName = 'widget' | 'settings' | 'search' | 'wizard';

export interface OpenViewRequest {
  view: ViewName;
  /** With `wizard`: sign in again to this account. With `settings`: show this account. */
  accountId?: AccountId;
}

export interface AppInfo {
  name: string;
  version: string;
}

// ---------------------------------------------------------------------------------------------
// Secret storage

/**
 * Where main keeps sign-ins (tokens, client secrets): `os-keychain` (safeStorage over the OS's
 * keychain), `basic_text` (safeStorage on Linux without a keyring: encrypted with a password every
 * copy of the app knows, so only weakly protected), `file` (an AES key file, the CLI and the browser
 * harness) or `memory`.
 */
export type SecretStorageBackend = 'os-keychain' | 'basic_text' | 'file' | 'memory';

/** The user's answer to weak storage: not asked yet, store sign-ins anyway, or not (fix the keyring). */
export type WeakSecretStorageDecision = 'undecided' | 'accepted' | 'declined';

export interface SecretStorageStatus {
  backend: SecretStorageBackend;
  /** True when sign-ins would be protected only weakly (`basic_text`): the user decides. */
  weak: boolean;
  /** Saved in the settings; `undecided` until the user chose (and after "reset everything"). */
  decision: WeakSecretStorageDecision;
  /** False while main refuses to save a new sign-in: weak storage the user has not accepted. */
  canStoreSignIns: boolean;
}

export interface DecideWeakSecretStorageRequest {
  decision: Exclude<WeakSecretStorageDecision, 'undecided'>;
}

// ---------------------------------------------------------------------------------------------
// Commands and events

export interface Commands {
  appInfo: { request: void; response: AppInfo };
  probe: { request: ProbeRequest; response: ProbeResult };
  connectWithToken: { request: ConnectWithTokenRequest; response: Account };
  startOAuth: { request: StartOAuthRequest; response: OAuthFlow };
  cancelOAuth: { request: { flowId: string }; response: null };
  submitOAuthCode: { request: { flowId: string; code: string }; response: Account };
  listAccounts: { request: void; response: Account[] };
  updateAccount: {
    request: { accountId: AccountId; options: Partial<AccountOptions> };
    response: Account;
  };
  /** Sync again with the stored credentials; `unauthenticated` means: sign in again. */
  reconnect: { request: { accountId: AccountId }; response: Account };
  /** Revoke the tokens on the server, delete them here; the account stays, signed out. */
  disconnect: { request: { accountId: AccountId }; response: Account };
  /** Revoke, then forget the account and its cached data. */
  removeAccount: { request: { accountId: AccountId }; response: null };
  /** Revoke every token, delete every account, setting and cache: back to the first run. */
  resetEverything: { request: void; response: null };
  getNotifications: { request: void; response: NotificationsSnapshot };
  markRead: { request: MarkReadRequest; response: null };
  /** Sync now: one account, or every account when `accountId` is absent. */
  refreshNow: { request: { accountId?: AccountId }; response: null };
  search: { request: SearchRequest; response: SearchResponse };
  cancelSearch: { request: { requestId: string }; response: null };
  /** Recently opened or updated work packages, shown before the user types. */
  recentWorkPackages: { request: void; response: SearchHit[] };
  openInBrowser: { request: OpenTarget; response: null };
  getSettings: { request: void; response: Settings };
  /** Errors: `hotkey-taken`, `hotkey-invalid`, `invalid-input`; nothing is changed then. */
  updateSettings: { request: SettingsUpdate; response: Settings };
  openView: { request: OpenViewRequest; response: null };
  windowAction: { request: { action: 'close' | 'hide' }; response: null };
  /** Where sign-ins are kept, and whether new ones may be saved. */
  getSecretStorage: { request: void; response: SecretStorageStatus };
  /**
   * The user's choice while storage is weak (`basic_text`): `accepted` lets new sign-ins be saved,
   * `declined` keeps refusing them. `not-allowed` when storage is not weak (nothing to decide).
   */
  decideWeakSecretStorage: {
    request: DecideWeakSecretStorageRequest;
    response: SecretStorageStatus;
  };
}

export interface Events {
  unreadChanged: UnreadCounts;
  notificationsChanged: NotificationsSnapshot;
  accountsChanged: Account[];
  settingsChanged: Settings;
  oauthFinished: OAuthOutcome;
  /** A window was shown (again): focus its first control; with `wizard`/`settings` maybe a target account. */
  windowShown: OpenViewRequest;
  /** The secret storage's status changed (a decision, or a reset back to `undecided`). */
  secretStorageChanged: SecretStorageStatus;
}

export type CommandName = keyof Commands;
export type EventName = keyof Events;
export type CommandRequest<K extends CommandName> = Commands[K]['request'];
export type CommandResponse<K extends CommandName> = Commands[K]['response'];

export const COMMAND_CHANNELS = {
  appInfo: 'app:info',
  probe: 'setup:probe',
  connectWithToken: 'setup:connect-with-token',
  startOAuth: 'setup:start-oauth',
  cancelOAuth: 'setup:cancel-oauth',
  submitOAuthCode: 'setup:submit-oauth-code',
  listAccounts: 'accounts:list',
  updateAccount: 'accounts:update',
  reconnect: 'accounts:reconnect',
  disconnect: 'accounts:disconnect',
  removeAccount: 'accounts:remove',
  resetEverything: 'accounts:reset-everything',
  getNotifications: 'notifications:get',
  markRead: 'notifications:mark-read',
  refreshNow: 'notifications:refresh-now',
  search: 'search:run',
  cancelSearch: 'search:cancel',
  recentWorkPackages: 'search:recent',
  openInBrowser: 'browser:open',
  getSettings: 'settings:get',
  updateSettings: 'settings:update',
  openView: 'window:open-view',
  windowAction: 'window:action',
  getSecretStorage: 'secrets:get-storage',
  decideWeakSecretStorage: 'secrets:decide-weak-storage',
} as const satisfies Record<CommandName, string>;

export const EVENT_CHANNELS = {
  unreadChanged: 'event:unread-changed',
  notificationsChanged: 'event:notifications-changed',
  accountsChanged: 'event:accounts-changed',
  settingsChanged: 'event:settings-changed',
  oauthFinished: 'event:oauth-finished',
  windowShown: 'event:window-shown',
  secretStorageChanged: 'event:secret-storage-changed',
} as const satisfies Record<EventName, string>;

/** Every channel by command or event name (the two sets of names do not overlap). */
export const CHANNELS = { ...COMMAND_CHANNELS, ...EVENT_CHANNELS } as const;

export const COMMAND_NAMES = Object.keys(COMMAND_CHANNELS) as CommandName[];
export const EVENT_NAMES = Object.keys(EVENT_CHANNELS) as EventName[];

// ---------------------------------------------------------------------------------------------
// The bridge

/** A command as the renderer calls it: no argument when the request is `void`. */
export type CommandFunction<K extends CommandName> = [CommandRequest<K>] extends [void]
  ? () => Promise<Result<CommandResponse<K>>>
  : (request: CommandRequest<K>) => Promise<Result<CommandResponse<K>>>;

export type Unsubscribe = () => void;

/** What the renderer sees on `window.openprojectTray`. */
export type TrayBridge = { readonly [K in CommandName]: CommandFunction<K> } & {
  on<E extends EventName>(event: E, listener: (payload: Events[E]) => void): Unsubscribe;
};

/** What main (or the harness server) implements for each command. */
export type CommandHandlers = {
  [K in CommandName]: (request: CommandRequest<K>) => Promise<Result<CommandResponse<K>>>;
};

/** The carrier under a bridge: send a request on a channel, listen to a channel. */
export interface BridgeTransport {
  invoke(channel: string, request: unknown): Promise<unknown>;
  listen(channel: string, listener: (payload: unknown) => void): Unsubscribe;
}

/** Builds the bridge over a transport; a transport failure becomes an `internal` error result. */
export function createBridge(transport: BridgeTransport): TrayBridge {
  const commands = Object.fromEntries(
    COMMAND_NAMES.map((name) => {
      const channel = COMMAND_CHANNELS[name];
      const call = async (request?: unknown): Promise<Result<unknown>> => {
        try {
          return (await transport.invoke(channel, request ?? null)) as Result<unknown>;
        } catch (error) {
          const message = error instanceof Error ? error.message : String(error);
          return fail('internal', message);
        }
      };
      return [name, call];
    }),
  );
  const on = (event: EventName, listener: (payload: never) => void): Unsubscribe =>
    transport.listen(EVENT_CHANNELS[event], listener as (payload: unknown) => void);
  return { ...commands, on } as unknown as TrayBridge;
}
