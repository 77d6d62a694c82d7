import type { Shell } from './app-shell';
import type { TrayStatus, TrayView } from './tray-status';

/** What end-to-end tests reach through `app.evaluate(() => globalThis.__openprojectTray…)`. */
export interface E2eHook {
  trayView(): TrayView;
  /** The quick-search shortcut registered now, or null. */
  hotkey(): string | null;
  showWidget(): void;
  /** What pressing the global shortcut does. */
  pressHotkey(): void;
  /** Lets a test drive the tray directly (e.g. before the core is wired). */
  setTrayStatus(status: TrayStatus): void;
}

declare global {
  var __openprojectTray: E2eHook | undefined;
}

/** Exposes the hook when OPENPROJECT_TRAY_E2E=1; never otherwise. */
export function exposeE2eHook(shell: Shell, env: NodeJS.ProcessEnv = process.env): void {
  if (env.OPENPROJECT_TRAY_E2E !== '1') return;
  globalThis.__openprojectTray = {
    trayView: () => shell.tray.view,
    hotkey: () => shell.hotkey.active,
    showWidget: () => shell.windows.showWidget(),
    pressHotkey: () => shell.windows.showSearch(),
    setTrayStatus: (status) => shell.tray.update(status),
  };
}
