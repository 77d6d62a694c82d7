/**
 * Composition root of the Electron shell: the shell's pieces (main/shell) and the core (main/core)
 * wired together. All logic lives in those modules, where it is tested without Electron.
 */
import { app } from 'electron';
import { join } from 'node:path';
import { CHANNELS, ok, type AppInfo, type Result } from '../preload/contract';
import { prepareShell, startShell } from './shell/app-shell';
import { exposeE2eHook } from './shell/e2e-hook';
import { startedHidden } from './shell/login-item';

prepareShell();

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  void app.whenReady().then(() => {
    const shell = startShell({
      rendererRoot: join(import.meta.dirname, '../renderer'),
      preload: join(import.meta.dirname, '../preload/index.cjs'),
      devServerUrl: process.env.ELECTRON_RENDERER_URL,
      // TODO(lead): the sync engine's refresh/snooze, the accounts' base URLs, the saved hotkey and
      // widget position, and engine views → shell.tray.update(trayStatusFromEngine(view)).
      actions: { refresh: () => {}, pause: () => {}, resume: () => {} },
      instanceBaseUrls: () => [],
    });
    shell.ipc.handle(CHANNELS.appInfo, (): Result<AppInfo> =>
      ok({ name: app.getName(), version: app.getVersion() }),
    );
    app.on('second-instance', () => shell.windows.showWidget());
    exposeE2eHook(shell);
    if (!startedHidden(process.argv)) shell.windows.showWidget();
  });
}

// A tray app keeps running with no window open; it quits from the tray menu.
app.on('window-all-closed', () => {});
