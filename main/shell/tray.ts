import {
  Menu,
  nativeImage,
  type App,
  type Menu as ElectronMenu,
  type NativeImage,
  type Tray,
} from 'electron';
import { trayIconImages, type TrayIconRequest } from './tray-icon/index';
import { trayMenuTemplate, type TrayActions, type TrayMenuModel } from './tray-menu';
import { trayView, type TrayStatus, type TrayView } from './tray-status';

export type TrayLike = Pick<
  Tray,
  'setImage' | 'setToolTip' | 'setTitle' | 'setContextMenu' | 'popUpContextMenu' | 'on'
>;

export interface TrayControllerOptions {
  tray: TrayLike;
  app: Pick<App, 'setBadgeCount'>;
  platform: NodeJS.Platform;
  actions: TrayActions;
  now?: () => Date;
  /** Formats the end of a pause for the tooltip and the menu ("14:00"). */
  formatTime?: (date: Date) => string;
}

const defaultFormatTime = (date: Date): string =>
  date.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });

/** The tray icon's image from our PNGs: 1x and 2x representations, a template image on macOS. */
export function trayImage(request: TrayIconRequest): NativeImage {
  const [one, two] = trayIconImages(request);
  const image = nativeImage.createFromBuffer(one!.png, { scaleFactor: 1 });
  image.addRepresentation({ scaleFactor: 2, buffer: two!.png });
  if (request.template) image.setTemplateImage(true);
  return image;
}

/**
 * Keeps the tray in step with the app's status: image, tooltip, macOS title, app badge and the
 * context menu. Only what changed is pushed to the OS.
 *
 * Clicks: a left click toggles the widget. macOS gets no `setContextMenu` (it would swallow the left
 * click) and pops the menu up on right click instead; Windows and Linux get `setContextMenu`, and
 * on Linux, where the click may not reach the app, the menu's first item opens the widget. Linux only
 * applies menu changes after `setContextMenu` is called again, so every change rebuilds and re-sets it.
 */
export class TrayController {
  private status: TrayStatus = { accounts: [], pausedUntil: null };
  private hotkey: string | null = null;
  private menu: ElectronMenu | null = null;
  private shown = { icon: '', tooltip: '', title: '', badge: -1, menu: '' };
  private readonly now: () => Date;
  private readonly formatTime: (date: Date) => string;

  constructor(private readonly options: TrayControllerOptions) {
    this.now = options.now ?? (() => new Date());
    this.formatTime = options.formatTime ?? defaultFormatTime;
    options.tray.on('click', () => options.actions.toggleWidget());
    if (options.platform === 'darwin') {
      options.tray.on('right-click', () => {
        if (this.menu) options.tray.popUpContextMenu(this.menu);
      });
    }
    this.render();
  }

  update(status: TrayStatus): void {
    this.status = status;
    this.render();
  }

  /** The quick-search shortcut to show in the menu (null: none registered). */
  setHotkey(accelerator: string | null): void {
    this.hotkey = accelerator;
    this.render();
  }

  /** What the tray shows now (for the E2E hook and diagnostics). */
  get view(): TrayView {
    return trayView(this.status, this.options.platform, this.formatTime);
  }

  private render(): void {
    const { tray, app, platform } = this.options;
    const view = this.view;

    const iconKey = JSON.stringify(view.icon);
    if (iconKey !== this.shown.icon) {
      tray.setImage(trayImage(view.icon));
      this.shown.icon = iconKey;
    }
    if (view.tooltip !== this.shown.tooltip) {
      tray.setToolTip(view.tooltip);
      this.shown.tooltip = view.tooltip;
    }
    if (platform === 'darwin' && view.title !== this.shown.title) {
      tray.setTitle(view.title, { fontType: 'monospacedDigit' });
      this.shown.title = view.title;
    }
    if ((platform === 'darwin' || platform === 'linux') && view.badgeCount !== this.shown.badge) {
      // Best effort: false on Linux desktops without LauncherEntry, and macOS needs notification rights.
      app.setBadgeCount(view.badgeCount);
      this.shown.badge = view.badgeCount;
    }
    this.renderMenu();
  }

  private renderMenu(): void {
    const model: TrayMenuModel = {
      hotkey: this.hotkey,
      pausedUntil: this.status.pausedUntil,
      syncPaused: this.status.syncPaused === true,
      signedIn: this.status.accounts.some((a) => a.state !== 'needs-sign-in'),
    };
    const key = JSON.stringify(model);
    if (key === this.shown.menu) return;
    this.shown.menu = key;
    const template = trayMenuTemplate(model, this.options.actions, {
      now: this.now,
      formatTime: this.formatTime,
    });
    this.menu = Menu.buildFromTemplate(template);
    if (this.options.platform !== 'darwin') this.options.tray.setContextMenu(this.menu);
  }
}
