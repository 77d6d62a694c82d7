import {
  app,
  globalShortcut,
  ipcMain,
  protocol,
  session,
  shell,
  Tray,
  type Rectangle,
} from 'electron';
import { createExternalOpener } from './adapters/external-opener';
import {
  APP_ORIGIN,
  APP_SCHEME,
  APP_SCHEME_PRIVILEGES,
  appUrl,
  createAppProtocolHandler,
} from './app-protocol';
import { configureDesktopIdentity } from './desktop-identity';
import { defaultHotkey, Hotkey, type HotkeyResult } from './hotkey';
import { IpcGuard } from './ipc-guard';
import { installHardening } from './security';
import { TrayController, trayImage } from './tray';
import type { TrayActions } from './tray-menu';
import { WindowRegistry, type Route, type WindowsOptions } from './windows';
import type { Point } from './popover-position';

/** What happens before `ready`: the app:// scheme's privileges and the app's identity. */
export function prepareShell(platform: NodeJS.Platform = process.platform): void {
  protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);
  configureDesktopIdentity(app, platform);
}

export interface ShellOptions {
  /** out/renderer and out/preload/index.cjs. */
  rendererRoot: string;
  preload: string;
  /** electron-vite's dev server (ELECTRON_RENDERER_URL), used only when the app is not packaged. */
  devServerUrl?: string;
  /** The core's side of the tray menu. */
  actions: Pick<TrayActions, 'refresh' | 'pause' | 'resume'>;
  /** Base URLs of the signed-in instances: the only places links may open in the browser. */
  instanceBaseUrls: () => readonly string[];
  /** The saved quick-search shortcut; undefined: the platform's default; null: none. */
  hotkey?: string | null;
  widgetPosition?: { load(): Point | null; save(point: Point): void };
  platform?: NodeJS.Platform;
  onProblem?: (message: string) => void;
  /** A loaded window was shown again: the composition root tells its page (`windowShown`). */
  onShownAgain?: WindowsOptions['onShownAgain'];
}

export interface Shell {
  tray: TrayController;
  windows: WindowRegistry;
  hotkey: Hotkey;
  /** Registers IPC handlers that answer only our own pages. */
  ipc: IpcGuard;
  /** Opens a link in the browser if it belongs to a signed-in instance. */
  openExternal: (url: string) => Promise<boolean>;
  /** Applies a new quick-search shortcut (from settings), updating the tray menu. */
  setHotkey(accelerator: string | null): HotkeyResult;
}

/**
 * Starts the shell once the app is ready: hardening, the app:// protocol, windows, tray, hotkey and
 * the guarded IPC. The core (accounts, sync engine) is wired by the composition root on top of this.
 */
export function startShell(options: ShellOptions): Shell {
  const platform = options.platform ?? process.platform;
  const onProblem = options.onProblem ?? ((message: string) => console.warn(message));
  const dev = !app.isPackaged && devOrigin(options.devServerUrl);
  const origins = dev ? [APP_ORIGIN, dev] : [APP_ORIGIN];

  const openExternal = createExternalOpener(shell, options.instanceBaseUrls, (url) =>
    onProblem(`A link to ${url} was not opened: it is not on a signed-in OpenProject.`),
  );
  installHardening(app, session.defaultSession, {
    devOrigins: dev ? [dev] : [],
    onBlockedWindowOpen: (url) => void openExternal(url),
  });
  protocol.handle(APP_SCHEME, createAppProtocolHandler(options.rendererRoot));
  if (platform === 'darwin') app.dock?.hide();

  let tray: Tray | null = null;
  const windows = new WindowRegistry({
    preload: options.preload,
    urlFor: (route: Route) => (dev ? `${dev}/index.html#/${route}` : appUrl(route)),
    platform,
    trayBounds: (): Rectangle | null => tray?.getBounds() ?? null,
    devTools: !app.isPackaged,
    ...(options.widgetPosition ? { widgetPosition: options.widgetPosition } : {}),
    ...(options.onShownAgain ? { onShownAgain: options.onShownAgain } : {}),
  });

  tray = new Tray(trayImage({ state: 'signed-out', template: platform === 'darwin' }));
  const trayController = new TrayController({
    tray,
    app,
    platform,
    actions: {
      ...options.actions,
      toggleWidget: () => windows.toggleWidget(),
      quickSearch: () => windows.showSearch(),
      openSettings: () => windows.showSettings('settings'),
      quit: () => app.quit(),
    },
  });

  const hotkey = new Hotkey(globalShortcut, () => windows.showSearch(), { platform });
  const setHotkey = (accelerator: string | null): HotkeyResult => {
    const result = hotkey.apply(accelerator);
    trayController.setHotkey(result.accelerator);
    if (!result.ok) onProblem(result.reason);
    return result;
  };
  setHotkey(options.hotkey === undefined ? defaultHotkey() : options.hotkey);

  const ipc = new IpcGuard(
    ipcMain,
    { owns: (contents) => windows.owns(contents), origins },
    (channel, url) => onProblem(`Refused IPC "${channel}" from ${url ?? 'a closed frame'}.`),
  );

  app.on('before-quit', () => {
    windows.prepareQuit();
    hotkey.release();
  });

  return { tray: trayController, windows, hotkey, ipc, openExternal, setHotkey };
}

/** The dev server's origin, accepted only on the loopback interface. */
function devOrigin(url: string | undefined): string | false {
  if (!url) return false;
  try {
    const parsed = new URL(url);
    const loopback = ['localhost', '127.0.0.1', '[::1]'].includes(parsed.hostname);
    return parsed.protocol === 'http:' && loopback ? parsed.origin : false;
  } catch {
    return false;
  }
}
