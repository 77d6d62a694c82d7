import type { App } from 'electron';

/** electron-builder's appId: the Windows AppUserModelID (notifications, taskbar grouping). */
export const APP_ID = 'org.openproject.tray';

/**
 * The Linux .desktop file the packages install (electron-builder names it after
 * `linux.executableName`). Electron's desktopName must match it: LauncherEntry badges and the
 * Wayland GlobalShortcuts portal identify the app by it.
 */
export const DESKTOP_ENTRY_NAME = 'openproject-tray.desktop';

/** Who the app is to the OS; call before `ready`. */
export function configureDesktopIdentity(
  app: Pick<App, 'setDesktopName' | 'setAppUserModelId'>,
  platform: NodeJS.Platform,
): void {
  if (platform === 'linux') app.setDesktopName(DESKTOP_ENTRY_NAME);
  if (platform === 'win32') app.setAppUserModelId(APP_ID);
}
