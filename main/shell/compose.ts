/**
 * The composition root's wiring, kept out of main/index.ts so it runs (and is tested) in plain Node
 * with a faked `electron` module: the Electron adapters behind the application service's ports, the
 * service's commands on the guarded IPC channels, its events sent to our windows, the tray drawn
 * from its state, the tray menu's actions mapped onto its commands, the first-run wizard, the second
 * launch, and a clean stop on quit.
 */
import type { App, BrowserWindow, Event, Shell as ElectronShell } from 'electron';
import { isAbsolute, join } from 'node:path';
import {
  EVENT_CHANNELS,
  type CommandHandlers,
  type Result,
  type SettingsUpdate,
} from '../../preload/contract';
import {
  createAppService,
  type AppService,
  type AppServiceDeps,
  type ExternalOpener,
} from '../app';
import { normalizeBaseUrl } from '../core/api/url';
import type { SecretBackend } from '../core/secrets/secret-store';
import { FileSecretStore } from '../core/secrets/file-secret-store';
import {
  openSettingsStore,
  type ConfLike,
  type SettingsConfOptions,
} from '../core/settings/settings-store';
import { createElectronNotifier, type NotificationClass } from './adapters/electron-notifier';
import { createExternalOpener } from './adapters/external-opener';
import { powerEventsFromElectron, type PowerEventsAdapterOptions } from './adapters/power-events';
import { reEncrypting, safeStorageCipher } from './adapters/safe-storage-cipher';
import { electronStoreConf } from './adapters/settings-conf';
import { startShell, type Shell } from './app-shell';
import { CallerScope, registerCommands } from './ipc-commands';
import { LoginItem, startedHidden } from './login-item';
import { ServiceMirror } from './service-mirror';
import { widgetPositionFile } from './widget-position';

/** The parts of Electron the root uses itself (the shell's modules import the rest). */
export interface ElectronSurface {
  app: Pick<
    App,
    | 'on'
    | 'quit'
    | 'getName'
    | 'getVersion'
    | 'getAppPath'
    | 'isPackaged'
    | 'setLoginItemSettings'
    | 'getLoginItemSettings'
  >;
  safeStorage: Parameters<typeof safeStorageCipher>[0];
  powerMonitor: PowerEventsAdapterOptions['powerMonitor'];
  net: PowerEventsAdapterOptions['net'];
  Notification: NotificationClass;
  shell: Pick<ElectronShell, 'openExternal'>;
}

export interface ComposeOptions {
  electron: ElectronSurface;
  /** out/renderer and out/preload/index.cjs. */
  rendererRoot: string;
  preload: string;
  devServerUrl?: string;
  /** Settings, secrets and the app's own files (Electron's userData). */
  home: string;
  platform?: NodeJS.Platform;
  env?: NodeJS.ProcessEnv;
  argv?: readonly string[];
  /** The program the OS starts at login (process.execPath). */
  execPath?: string;
  /** electron-store by default. */
  createConf?: (options: SettingsConfOptions) => ConfLike;
  /** Problems that fail no command (a refused link, a taken hotkey, a failed refresh). */
  log?: (message: string) => void;
  /** How long quitting waits for the service to stop (polls in flight); default 5 s. */
  stopTimeoutMs?: number;
  /** Service options tests shorten (poll limits, request timeout, OAuth port…). */
  service?: Partial<
    Pick<AppServiceDeps, 'clock' | 'limits' | 'oauth' | 'requestTimeoutMs' | 'createFetch'>
  >;
}

export interface ComposedApp {
  shell: Shell;
  service: AppService;
  mirror: ServiceMirror;
  /**
   * Where tokens end up: `os-keychain`, or `basic_text` on a Linux desktop without a keyring (then
   * safeStorage encrypts with a hard-coded password; the service sees it as `secrets.backend`).
   */
  secretBackend: SecretBackend;
  /** The account signed in from OPENPROJECT_URL / OPENPROJECT_API_KEY (unpackaged runs only). */
  envAccountId: string | null;
  /** Shows the widget, or the wizard while there is no account (the second launch, the dock). */
  showMain(): void;
  /** Stops the service (waiting up to stopTimeoutMs), the power events and the event forwarding. */
  stop(): Promise<void>;
}

const SUPPORTED_LOGIN_ITEM: readonly NodeJS.Platform[] = ['linux', 'darwin', 'win32'];
export const BASIC_TEXT_WARNING =
  'No system keyring was found (safeStorage uses its basic_text backend): your sign-in is stored ' +
  'with a fixed password that other programs can undo. Install and unlock GNOME Keyring or KWallet.';

/**
 * OPENPROJECT_TRAY_HOME moves userData (settings, secrets, the single-instance lock) to a folder of
 * its own, for the demo and tests; a packaged app ignores it.
 */
export function userDataOverride(env: NodeJS.ProcessEnv, packaged: boolean): string | null {
  const home = env.OPENPROJECT_TRAY_HOME;
  return !packaged && home && isAbsolute(home) ? home : null;
}

/** Wires the app together once Electron is ready, starts the service, shows the first window. */
export async function composeApp(options: ComposeOptions): Promise<ComposedApp> {
  const { electron } = options;
  const { app } = electron;
  const platform = options.platform ?? process.platform;
  const env = options.env ?? process.env;
  const log = options.log ?? ((message: string) => console.warn(message));

  const settings = openSettingsStore({
    cwd: options.home,
    createConf: options.createConf ?? electronStoreConf,
  });
  for (const notice of settings.notices) log(notice.message);
  const cipher = safeStorageCipher(electron.safeStorage, platform);
  const secrets = reEncrypting(FileSecretStore.inFolder(options.home, cipher), cipher);
  if (secrets.backend === 'basic_text') log(BASIC_TEXT_WARNING);

  // Built below; the shell reads them lazily (no tray click or link can come before).
  const late: { mirror?: ServiceMirror; service?: AppService } = {};
  const signedIn = () => late.mirror?.instanceBaseUrls() ?? [];
  const setupInstances = new Set<string>();
  const callers = new CallerScope();

  const shell = startShell({
    rendererRoot: options.rendererRoot,
    preload: options.preload,
    ...(options.devServerUrl ? { devServerUrl: options.devServerUrl } : {}),
    actions: {
      refresh: () => report('Refreshing', late.service?.handlers.refreshNow({})),
      pause: (until) => updateSettings({ pause: { kind: 'snoozed', until: until.toISOString() } }),
      resume: () => updateSettings({ pause: { kind: 'active' } }),
    },
    instanceBaseUrls: signedIn,
    // The service registers the saved shortcut (through `hotkeys` below) when it starts.
    hotkey: null,
    widgetPosition: widgetPositionFile(join(options.home, 'widget-position.json'), log),
    platform,
    onProblem: log,
    onShownAgain: (win, shown) => send(win, EVENT_CHANNELS.windowShown, shown),
  });

  // Links the service opens: signed-in instances, and those being set up in this session (the
  // wizard's access-token page, the OAuth consent page). The service checks them first as well.
  const openForService = createExternalOpener(
    electron.shell,
    () => [...signedIn(), ...setupInstances],
    (url) => log(`A link to ${url} was not opened: it is not on an OpenProject you added.`),
  );
  const opener: ExternalOpener = {
    async openExternal(url) {
      if (!(await openForService(url))) {
        throw new Error('This page is not on an OpenProject you added, so it was not opened.');
      }
    },
  };
  const power = powerEventsFromElectron({
    powerMonitor: electron.powerMonitor,
    net: electron.net,
  });
  const loginItem = new LoginItem({
    platform,
    app,
    env,
    execPath: options.execPath ?? process.execPath,
    args: app.isPackaged ? [] : [app.getAppPath()],
  });

  const service = createAppService({
    settings,
    secrets,
    dataDir: options.home,
    notifier: createElectronNotifier({
      Notification: electron.Notification,
      // A toast's link goes through the shell's allow-list: signed-in instances only.
      openExternal: (url) => shell.openExternal(url),
      onError: (error) => log(error instanceof Error ? error.message : String(error)),
    }),
    opener,
    hotkeys: {
      register(accelerator) {
        const result = shell.setHotkey(accelerator);
        return result.ok ? 'ok' : result.kind;
      },
    },
    loginItem: {
      supported: SUPPORTED_LOGIN_ITEM.includes(platform),
      setEnabled: (enabled) => loginItem.setEnabled(enabled),
    },
    views: {
      openView: (request) => shell.windows.show(request),
      windowAction(action) {
        const caller = callers.current();
        const win = caller ? shell.windows.windowFor(caller) : undefined;
        if (!win) return;
        if (action === 'close') win.close();
        else win.hide();
      },
    },
    power,
    appInfo: { name: app.getName(), version: app.getVersion() },
    log,
    ...options.service,
  });
  late.service = service;

  const mirror = new ServiceMirror(service.events, (status) => shell.tray.update(status));
  late.mirror = mirror;
  const unsubscribe = service.events.onAny((event, payload) => {
    for (const win of shell.windows.all()) send(win, EVENT_CHANNELS[event], payload);
  });
  registerCommands(
    shell.ipc,
    trackSetupInstances(service.handlers, setupInstances, mirror),
    callers,
  );

  function send(win: BrowserWindow, channel: string, payload: unknown): void {
    if (win.isDestroyed() || win.webContents.isDestroyed()) return;
    win.webContents.send(channel, payload);
  }

  function report(what: string, pending: Promise<Result<unknown>> | undefined): void {
    void pending?.then(
      (result) => {
        if (!result.ok) log(`${what} failed: ${result.error.message}`);
      },
      (error: unknown) => log(`${what} failed: ${String(error)}`),
    );
  }

  function updateSettings(update: SettingsUpdate): void {
    report('Changing the pause', late.service?.handlers.updateSettings(update));
  }

  const showMain = (): void => {
    if (mirror.accounts.length) shell.windows.showWidget();
    else shell.windows.show({ view: 'wizard' });
  };
  app.on('second-instance', showMain);

  let stopping: Promise<void> | null = null;
  const stop = (): Promise<void> => {
    stopping ??= (async () => {
      unsubscribe();
      power.dispose();
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<void>((resolve) => {
        timer = setTimeout(() => {
          log('Quitting without waiting any longer for syncing to stop.');
          resolve();
        }, options.stopTimeoutMs ?? 5_000);
      });
      await Promise.race([service.stop().catch((error: unknown) => log(String(error))), timeout]);
      clearTimeout(timer);
    })();
    return stopping;
  };
  // Quit waits for the service to stop (polls in flight, the seen records), then quits for real.
  let stopped = false;
  app.on('before-quit', (event: Event) => {
    if (stopped) return;
    event.preventDefault();
    void stop().then(() => {
      stopped = true;
      app.quit();
    });
  });

  await service.start();

  let envAccountId: string | null = null;
  if (!app.isPackaged && env.OPENPROJECT_URL && env.OPENPROJECT_API_KEY) {
    envAccountId = await signInFromEnv(service, {
      url: env.OPENPROJECT_URL,
      token: env.OPENPROJECT_API_KEY,
      ownHome: userDataOverride(env, app.isPackaged) !== null,
      log,
    });
  }

  const accounts = await service.handlers.listAccounts();
  const firstRun = accounts.ok && accounts.value.length === 0;
  if (firstRun && !startedHidden(options.argv ?? process.argv)) {
    shell.windows.show({ view: 'wizard' });
  }

  return {
    shell,
    service,
    mirror,
    secretBackend: secrets.backend,
    envAccountId,
    showMain,
    stop,
  };
}

/**
 * For the demo and end-to-end tests: the account of OPENPROJECT_URL signed in with
 * OPENPROJECT_API_KEY, unless an account for that URL exists already. Without a keyring (weak
 * secret storage) the sign-in is stored only in a folder of its own (OPENPROJECT_TRAY_HOME), and
 * then said so; otherwise the user decides in the wizard, as for any sign-in.
 */
async function signInFromEnv(
  service: AppService,
  options: { url: string; token: string; ownHome: boolean; log: (message: string) => void },
): Promise<string | null> {
  const { log } = options;
  let baseUrl: string;
  try {
    baseUrl = normalizeBaseUrl(options.url);
  } catch (error) {
    log(`OPENPROJECT_URL is not usable: ${String(error)}`);
    return null;
  }
  const listed = await service.handlers.listAccounts();
  const existing = listed.ok ? listed.value.find((a) => a.baseUrl === baseUrl) : undefined;
  if (existing) return existing.id;
  const storage = await service.handlers.getSecretStorage();
  if (storage.ok && !storage.value.canStoreSignIns) {
    if (!options.ownHome || storage.value.decision === 'declined') {
      log(
        `The sign-in to ${baseUrl} from OPENPROJECT_API_KEY waits: there is no keyring, so decide in the wizard whether sign-ins may be stored with weak protection.`,
      );
      return null;
    }
    await service.handlers.decideWeakSecretStorage({ decision: 'accepted' });
    log(
      `There is no keyring: the sign-in to ${baseUrl} from OPENPROJECT_API_KEY is stored with weak protection in OPENPROJECT_TRAY_HOME, a folder of this run's own.`,
    );
  }
  const connected = await service.handlers.connectWithToken({ url: baseUrl, token: options.token });
  if (!connected.ok) {
    log(`Signing in to ${baseUrl} from OPENPROJECT_API_KEY failed: ${connected.error.message}`);
    return null;
  }
  return connected.value.id;
}

/**
 * The handlers as registered on IPC, noting which instances the user is setting up: a probed
 * instance and the instance of an OAuth sign-in may open pages in the browser before an account
 * exists (the service's own allow-list is the same).
 */
function trackSetupInstances(
  handlers: CommandHandlers,
  instances: Set<string>,
  mirror: ServiceMirror,
): CommandHandlers {
  const note = (url: string) => {
    try {
      instances.add(normalizeBaseUrl(url));
    } catch {
      // Not a URL: the service answers invalid-url.
    }
  };
  return {
    ...handlers,
    async probe(request) {
      const result = await handlers.probe(request);
      if (result.ok) instances.add(result.value.instance.baseUrl);
      return result;
    },
    startOAuth(request) {
      if (typeof request?.url === 'string') note(request.url);
      const account = mirror.accounts.find((a) => a.id === request?.accountId);
      if (account) instances.add(account.baseUrl);
      return handlers.startOAuth(request);
    },
  };
}
