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
import {
  fail,
  type Account,
  type AccountId,
  type AccountOptions,
  type AppInfo,
  type ConnectWithTokenRequest,
  type DecideWeakSecretStorageRequest,
  type MarkReadRequest,
  type NotificationsSnapshot,
  type OAuthFlow,
  type OAuthOutcome,
  type OpenTarget,
  type OpenViewRequest,
  type ProbeRequest,
  type ProbeResult,
  type Result,
  type SearchHit,
  type SearchRequest,
  type SearchResponse,
  type SecretStorageStatus,
  type Settings,
  type SettingsUpdate,
  type StartOAuthRequest,
  type UnreadCounts,
} from './contract-types';

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

export * from './contract-types';

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
