import {
  BrowserWindow,
  screen,
  type BrowserWindowConstructorOptions,
  type Rectangle,
  type WebContents,
} from 'electron';
import type { OpenViewRequest } from '../../preload/contract';
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
  /** The renderer's URL for a route (and account), e.g. app://bundle/index.html#/wizard?account=a1. */
  urlFor: (route: Route, accountId?: string) => string;
  platform: NodeJS.Platform;
  /** The tray icon's bounds, or null where the OS gives none (Linux). */
  trayBounds: () => Rectangle | null;
  /** Where the user last moved the widget (only used when there are no tray bounds). */
  widgetPosition?: { load(): Point | null; save(point: Point): void };
  devTools?: boolean;
  now?: () => number;
  /**
   * A window that was already loaded was shown again (not created, not reloaded): the page is told
   * with the contract's `windowShown`, so it can focus its first control.
   */
  onShownAgain?: (win: BrowserWindow, shown: OpenViewRequest) => void;
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
  private settingsAccount: string | undefined;
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
    return this.windowFor(contents) !== undefined;
  }

  /** Our window showing these web contents, if any. */
  windowFor(contents: WebContents): BrowserWindow | undefined {
    return this.all().find((w) => w.webContents === contents);
  }

  /** Every window of ours that exists now (the only ones events are sent to). */
  all(): BrowserWindow[] {
    return [...this.windows.values()].filter((w) => !w.isDestroyed());
  }

  /** Shows the window of a view: the widget, quick search, or the settings window on a route. */
  show(request: OpenViewRequest): void {
    switch (request.view) {
      case 'widget':
        this.showWidget();
        return;
      case 'search':
        this.showSearch();
        return;
      case 'settings':
      case 'wizard':
        this.showSettings(request.view, request.accountId);
    }
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
    const again = this.peek('widget') !== undefined;
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
    if (again) this.options.onShownAgain?.(win, { view: 'widget' });
  }

  /** The settings window on the settings or the wizard route (for one account: sign in again). */
  showSettings(route: 'settings' | 'wizard' = 'settings', accountId?: string): void {
    const existing = this.peek('settings');
    const moved = route !== this.settingsRoute || accountId !== this.settingsAccount;
    if (existing && moved) void existing.loadURL(this.options.urlFor(route, accountId));
    this.settingsRoute = route;
    this.settingsAccount = accountId;
    const win = this.get('settings');
    if (win.isMinimized()) win.restore();
    win.show();
    win.focus();
    if (existing && !moved) {
      this.options.onShownAgain?.(win, {
        view: route,
        ...(accountId !== undefined ? { accountId } : {}),
      });
    }
  }

  showSearch(): void {
    const again = this.peek('search') !== undefined;
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
    if (again) this.options.onShownAgain?.(win, { view: 'search' });
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
    if (kind === 'settings') {
      void win.loadURL(this.options.urlFor(this.settingsRoute, this.settingsAccount));
    } else {
      void win.loadURL(this.options.urlFor(kind));
    }
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
