import {
  BrowserWindow,
  screen,
  type BrowserWindowConstructorOptions,
  type Rectangle,
  type WebContents,
} from 'electron';
import { popoverPosition, type Point } from './popover-position';

/** The three windows, all from one renderer build, told apart by the route in the URL's hash. */
export type WindowKind = 'widget' | 'settings' | 'search';
export type Route = 'widget' | 'settings' | 'wizard' | 'search';

export const WINDOW_SIZES = {
  widget: { width: 400, height: 560 },
  settings: { width: 760, height: 600 },
  search: { width: 640, height: 420 },
} as const satisfies Record<WindowKind, { width: number; height: number }>;

export interface WindowsOptions {
  /** Absolute path of out/preload/index.cjs. */
  preload: string;
  /** The URL of the renderer for a route, e.g. app://bundle/index.html#/widget. */
  urlFor: (route: Route) => string;
  platform: NodeJS.Platform;
  /** The tray icon's bounds, or null where the OS gives none (Linux). */
  trayBounds: () => Rectangle | null;
  /** Where the user last moved the widget (only used when there are no tray bounds). */
  widgetPosition?: { load(): Point | null; save(point: Point): void };
  devTools?: boolean;
  now?: () => number;
}

/** A click on the tray right after the widget hid on blur is the same click: don't reopen. */
const BLUR_CLICK_WINDOW_MS = 300;

/**
 * Creates each window once and reuses it; a window that was destroyed is created again on demand.
 * The widget is a frameless popover next to the tray icon, hidden on blur and Esc; quick search is
 * centred and always on top, hidden on blur and Esc; settings is an ordinary window.
 */
export class WindowRegistry {
  private readonly windows = new Map<WindowKind, BrowserWindow>();
  private quitting = false;
  private widgetHiddenOnBlurAt = Number.NEGATIVE_INFINITY;
  private widgetPlacedAt: Point | null = null;
  private settingsRoute: Route = 'settings';
  private readonly now: () => number;

  constructor(private readonly options: WindowsOptions) {
    this.now = options.now ?? Date.now;
  }

  /** The window if it exists now (for sender checks), without creating it. */
  peek(kind: WindowKind): BrowserWindow | undefined {
    const win = this.windows.get(kind);
    return win && !win.isDestroyed() ? win : undefined;
  }

  /** Is this one of our windows' web contents (the IPC sender check)? */
  owns(contents: WebContents): boolean {
    return [...this.windows.values()].some((w) => !w.isDestroyed() && w.webContents === contents);
  }

  get(kind: WindowKind): BrowserWindow {
    const existing = this.peek(kind);
    if (existing) return existing;
    const win = this.create(kind);
    this.windows.set(kind, win);
    win.on('closed', () => {
      if (this.windows.get(kind) === win) this.windows.delete(kind);
    });
    return win;
  }

  toggleWidget(): void {
    const win = this.peek('widget');
    if (win?.isVisible()) {
      win.hide();
      return;
    }
    if (this.now() - this.widgetHiddenOnBlurAt < BLUR_CLICK_WINDOW_MS) return;
    this.showWidget();
  }

  showWidget(): void {
    const win = this.get('widget');
    const trayBounds = this.trayBounds();
    const display = trayBounds ? screen.getDisplayMatching(trayBounds) : screen.getPrimaryDisplay();
    const position = popoverPosition({
      trayBounds,
      screenBounds: display.bounds,
      workArea: display.workArea,
      windowSize: WINDOW_SIZES.widget,
      remembered: trayBounds ? null : (this.options.widgetPosition?.load() ?? null),
    });
    win.setPosition(position.x, position.y);
    this.widgetPlacedAt = position;
    win.show();
    win.focus();
  }

  showSettings(route: 'settings' | 'wizard' = 'settings'): void {
    const existing = this.peek('settings');
    if (existing && this.settingsRoute !== route) void existing.loadURL(this.options.urlFor(route));
    this.settingsRoute = route;
    const win = this.get('settings');
    if (win.isMinimized()) win.restore();
    win.show();
    win.focus();
  }

  showSearch(): void {
    const win = this.get('search');
    const display = screen.getDisplayNearestPoint(screen.getCursorScreenPoint());
    const { workArea } = display;
    const { width, height } = WINDOW_SIZES.search;
    win.setPosition(
      Math.round(workArea.x + (workArea.width - width) / 2),
      Math.round(workArea.y + (workArea.height - height) / 2),
    );
    win.show();
    win.focus();
  }

  /** Lets the popovers really close (they only hide otherwise); call on `before-quit`. */
  prepareQuit(): void {
    this.quitting = true;
  }

  private create(kind: WindowKind): BrowserWindow {
    const win = createLockedDownWindow(
      windowOptions(kind),
      this.options.preload,
      this.options.devTools ?? false,
    );
    if (kind === 'widget') this.hideOnBlurAndEscape(win, () => this.rememberWidgetMove(win));
    if (kind === 'search') this.hideOnBlurAndEscape(win);
    const route: Route = kind === 'settings' ? this.settingsRoute : kind;
    void win.loadURL(this.options.urlFor(route));
    return win;
  }

  private hideOnBlurAndEscape(win: BrowserWindow, beforeHide?: () => void): void {
    const hide = (): void => {
      if (!win.isVisible()) return;
      beforeHide?.();
      win.hide();
    };
    win.on('blur', () => {
      if (win.webContents.isDevToolsOpened()) return;
      hide();
      if (win === this.windows.get('widget')) this.widgetHiddenOnBlurAt = this.now();
    });
    win.webContents.on('before-input-event', (event, input) => {
      if (input.type === 'keyDown' && input.key === 'Escape') {
        event.preventDefault();
        hide();
      }
    });
    win.on('close', (event) => {
      if (this.quitting) return;
      event.preventDefault();
      hide();
    });
  }

  /** The tray's bounds, or null where the OS reports none (Linux returns an empty rectangle). */
  private trayBounds(): Rectangle | null {
    const bounds = this.options.trayBounds();
    return bounds && bounds.width > 0 && bounds.height > 0 ? bounds : null;
  }

  /** Without tray bounds the widget stays where the user dragged it, next time too. */
  private rememberWidgetMove(win: BrowserWindow): void {
    if (this.trayBounds() || !this.widgetPlacedAt || !this.options.widgetPosition) return;
    const [x = 0, y = 0] = win.getPosition();
    if (x !== this.widgetPlacedAt.x || y !== this.widgetPlacedAt.y) {
      this.options.widgetPosition.save({ x, y });
    }
  }
}

/** Size and chrome of each window; the popovers are frameless, on top and not in the taskbar. */
export function windowOptions(kind: WindowKind): BrowserWindowConstructorOptions {
  const { width, height } = WINDOW_SIZES[kind];
  if (kind === 'settings') {
    return {
      width,
      height,
      minWidth: 560,
      minHeight: 480,
      show: false,
      title: 'OpenProject Tray — Accounts & settings',
      autoHideMenuBar: true,
    };
  }
  return {
    width,
    height,
    show: false,
    frame: false,
    resizable: false,
    minimizable: false,
    maximizable: false,
    fullscreenable: false,
    skipTaskbar: true,
    alwaysOnTop: true,
    title: kind === 'widget' ? 'OpenProject notifications' : 'OpenProject quick search',
  };
}

/**
 * The one place a BrowserWindow is made, with the same locked-down preferences for every window:
 * isolated, sandboxed, no Node, web security on, no insecure content, no experimental features, no
 * <webview>, middle-click (auxclick) off, only our bundled preload. Written out literally so that
 * reviewers and Electronegativity see them here.
 */
export function createLockedDownWindow(
  options: BrowserWindowConstructorOptions,
  preload: string,
  devTools: boolean,
): BrowserWindow {
  return new BrowserWindow({
    ...options,
    webPreferences: {
      preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      disableBlinkFeatures: 'Auxclick',
      safeDialogs: true,
      spellcheck: false,
      devTools,
    },
  });
}
