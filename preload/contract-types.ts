/**
 * The data that crosses the IPC contract (preload/contract.ts): results and errors, accounts, setup,
 * notifications, search, settings, windows and secret storage. Re-exported by the contract, which
 * is what main, the preload and the renderer import.
 */
import type {
  ApiErrorKind,
  InstanceInfo,
  NotificationReason,
  Person,
  WorkPackageGroup,
  WorkPackageSummary,
} from '../main/core/domain';

// ---------------------------------------------------------------------------------------------
// Results and errors

/** The core's error kinds (talking to OpenProject), as they cross the boundary. */
export type ApiErrorKindName = ApiErrorKind;

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
