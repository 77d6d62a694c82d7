/**
 * What the application service needs from its host, as ports. The Electron composition root passes
 * Electron-backed adapters (shell.openExternal, globalShortcut, login items, BrowserWindows); the
 * browser harness and the tests pass recording fakes. Nothing here imports electron.
 */
import type { AppInfo, OpenViewRequest } from '../../preload/contract';
import type { FetchLike } from '../core/auth/got-fetch';
import type { Notifier } from '../core/notify/notifier';
import type { SecretStore } from '../core/secrets/secret-store';
import type { SettingsStore } from '../core/settings/settings-store';
import type { Clock, IntervalLimits, PowerEvents, SeenStore } from '../core/sync';

/** Opens a URL in the user's browser. The service only hands it URLs on a known instance. */
export interface ExternalOpener {
  openExternal(url: string): Promise<void>;
}

/** `ok`: registered; `taken`: another application owns it; `invalid`: not a usable accelerator. */
export type HotkeyOutcome = 'ok' | 'taken' | 'invalid';

/**
 * The global quick-search shortcut. `register(null)` releases it. After a refusal the service puts
 * the previous accelerator back with another `register` call.
 */
export interface HotkeyRegistrar {
  register(accelerator: string | null): HotkeyOutcome;
}

/** Start at login. `supported: false` where the OS gives the app no login item. */
export interface LoginItemPort {
  readonly supported: boolean;
  setEnabled(enabled: boolean): Promise<void>;
}

/** Windows: show a view (widget, settings, search, wizard), close or hide the caller's window. */
export interface ViewPort {
  openView(request: OpenViewRequest): void | Promise<void>;
  windowAction(action: 'close' | 'hide'): void | Promise<void>;
}

export interface OAuthOptions {
  /** The loopback port of new OAuth accounts (the port in the registered redirect URI); default 47651. */
  port?: number;
  /** How long a loopback sign-in waits for the browser; default 5 minutes. */
  timeoutMs?: number;
  /** How long the listener's result page stays reachable (tests shorten it). */
  lingerMs?: number;
}

export interface AppServiceDeps {
  settings: SettingsStore;
  /**
   * Where tokens and client secrets live. Its `backend` is what the service reports
   * (`getSecretStorage`): with `basic_text` (safeStorage on Linux without a keyring) new sign-ins
   * are refused until the user accepts weak protection. The Electron root passes the file store
   * over `safeStorageCipher(safeStorage, process.platform)`, whose backend says so.
   */
  secrets: SecretStore;
  /** The app's own files: `app-state.json` (labels, users, recents) and `seen/` (what was shown). */
  dataDir: string;
  /** Desktop notifications; null for none. */
  notifier: Notifier | null;
  opener: ExternalOpener;
  hotkeys: HotkeyRegistrar;
  loginItem: LoginItemPort;
  views: ViewPort;
  power?: PowerEvents;
  clock?: Clock;
  appInfo?: AppInfo;
  oauth?: OAuthOptions;
  /** The HTTP stack of sign-in and token refresh, with an account's extra CA; got by default. */
  createFetch?: (options: { ca?: string }) => FetchLike;
  /** Default: a file seen store in `<dataDir>/seen`. */
  seenStore?: SeenStore;
  /** Poll interval limits of the sync engine (tests may go below 15 s; the settings never do). */
  limits?: IntervalLimits;
  /** Per request to OpenProject; default the client's 15 s. */
  requestTimeoutMs?: number;
  /** Told about trouble that does not fail a command (a toast not shown, a record not saved). */
  log?: (message: string) => void;
}
