/**
 * Composition root of the Electron shell. The wiring lives in main/shell/compose.ts, where it is
 * tested without Electron; here are only what must happen before `ready` and the process's signals.
 */
import { app, net, Notification, powerMonitor, safeStorage, shell } from 'electron';
import { join } from 'node:path';
import { prepareShell } from './shell/app-shell';
import { composeApp, userDataOverride } from './shell/compose';
import { exposeE2eHook } from './shell/e2e-hook';

prepareShell();
const home = userDataOverride(process.env, app.isPackaged);
if (home) app.setPath('userData', home);

if (!app.requestSingleInstanceLock()) {
  // Another instance runs: it gets `second-instance` and shows its widget.
  app.quit();
} else {
  // A tray app keeps running with no window open; it quits from the tray menu (or a signal).
  app.on('window-all-closed', () => {});
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => app.quit());
  void app
    .whenReady()
    .then(() =>
      composeApp({
        electron: { app, safeStorage, powerMonitor, net, Notification, shell },
        rendererRoot: join(import.meta.dirname, '../renderer'),
        preload: join(import.meta.dirname, '../preload/index.cjs'),
        ...(process.env.ELECTRON_RENDERER_URL
          ? { devServerUrl: process.env.ELECTRON_RENDERER_URL }
          : {}),
        home: app.getPath('userData'),
      }),
    )
    .then((root) => exposeE2eHook(root.shell))
    .catch((error: unknown) => {
      console.error(`OpenProject Tray could not start: ${String(error)}`);
      app.exit(1);
    });
}
