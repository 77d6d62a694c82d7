/**
 * Composition root of the Electron shell. The shell issue wires the tray, windows and adapters here;
 * all logic lives in main/core (plain Node) so it can be tested without Electron.
 */
import { app, BrowserWindow, ipcMain } from 'electron';
import { join } from 'node:path';
import { CHANNELS, type AppInfo } from '../preload/contract';

function createWindow(): BrowserWindow {
  const win = new BrowserWindow({
    width: 420,
    height: 560,
    show: false,
    webPreferences: {
      preload: join(import.meta.dirname, '../preload/index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
    },
  });
  win.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
  win.webContents.on('will-navigate', (event) => event.preventDefault());
  void win.loadFile(join(import.meta.dirname, '../renderer/index.html'));
  win.once('ready-to-show', () => win.show());
  return win;
}

void app.whenReady().then(() => {
  ipcMain.handle(CHANNELS.appInfo, (): AppInfo => ({
    name: app.getName(),
    version: app.getVersion(),
  }));
  createWindow();
});

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});
