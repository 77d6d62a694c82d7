import { mkdtempSync, readFileSync, rmSync, existsSync, writeFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  autostartDir,
  autostartEntry,
  LoginItem,
  quoteExecArg,
  startedHidden,
} from '../../main/shell/login-item';

let dir: string;
beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'autostart-'))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const fakeApp = () => {
  let openAtLogin = false;
  return {
    setLoginItemSettings: vi.fn(
      (s: { openAtLogin?: boolean }) => void (openAtLogin = !!s.openAtLogin),
    ),
    getLoginItemSettings: vi.fn(() => ({ openAtLogin }) as never),
  };
};

describe('start at login on Linux', () => {
  it('writes an XDG autostart entry that starts the app hidden, and removes it again', async () => {
    const env = { XDG_CONFIG_HOME: join(dir, 'config') };
    const item = new LoginItem({
      platform: 'linux',
      app: fakeApp(),
      env,
      execPath: '/opt/OpenProject Tray/openproject-tray',
    });
    expect(await item.isEnabled()).toBe(false);
    await item.setEnabled(true);
    const file = join(dir, 'config', 'autostart', 'openproject-tray.desktop');
    expect(item.desktopFile).toBe(file);
    const content = readFileSync(file, 'utf8');
    expect(content).toContain('[Desktop Entry]\nType=Application\nName=OpenProject Tray\n');
    expect(content).toContain('Exec="/opt/OpenProject Tray/openproject-tray" --hidden\n');
    expect(statSync(file).mode & 0o777).toBe(0o644);
    expect(await item.isEnabled()).toBe(true);
    await item.setEnabled(false);
    expect(existsSync(file)).toBe(false);
    expect(await item.isEnabled()).toBe(false);
    await item.setEnabled(false); // nothing to remove: no error
  });

  it('starts an AppImage by its own path, not the temporary mount', async () => {
    const env = { XDG_CONFIG_HOME: dir, APPIMAGE: '/home/me/Apps/OpenProject-Tray.AppImage' };
    const item = new LoginItem({
      platform: 'linux',
      app: fakeApp(),
      env,
      execPath: '/tmp/.mount_abc/openproject-tray',
    });
    await item.setEnabled(true);
    expect(readFileSync(item.desktopFile, 'utf8')).toContain(
      'Exec=/home/me/Apps/OpenProject-Tray.AppImage --hidden\n',
    );
  });

  it('counts an entry the user switched off in the desktop settings as off', async () => {
    const item = new LoginItem({
      platform: 'linux',
      app: fakeApp(),
      env: { XDG_CONFIG_HOME: dir },
      execPath: '/usr/bin/x',
    });
    await item.setEnabled(true);
    writeFileSync(item.desktopFile, readFileSync(item.desktopFile, 'utf8') + 'Hidden=true\n');
    expect(await item.isEnabled()).toBe(false);
  });

  it('uses ~/.config when XDG_CONFIG_HOME is unset or relative', () => {
    expect(autostartDir({}, '/home/me')).toBe('/home/me/.config/autostart');
    expect(autostartDir({ XDG_CONFIG_HOME: 'relative' }, '/home/me')).toBe(
      '/home/me/.config/autostart',
    );
    expect(autostartDir({ XDG_CONFIG_HOME: '/cfg' }, '/home/me')).toBe('/cfg/autostart');
  });

  it('quotes Exec arguments as the Desktop Entry spec says', () => {
    expect(quoteExecArg('/usr/bin/openproject-tray')).toBe('/usr/bin/openproject-tray');
    expect(quoteExecArg('/opt/My App/x')).toBe('"/opt/My App/x"');
    expect(quoteExecArg('a"b')).toBe('"a\\\\"b"');
    expect(quoteExecArg('C:\\x y')).toBe('"C:\\\\\\\\x y"');
    expect(quoteExecArg('$HOME')).toBe('"\\\\$HOME"');
    expect(quoteExecArg('100%')).toBe('"100%%"');
    expect(() => quoteExecArg('a\nb')).toThrow(/line breaks/);
    expect(autostartEntry(['/x', '--hidden'])).toContain('Exec=/x --hidden\n');
  });
});

describe('start at login on macOS and Windows', () => {
  it('uses the login item settings, with --hidden on Windows', async () => {
    const app = fakeApp();
    const win = new LoginItem({
      platform: 'win32',
      app,
      execPath: 'C:\\App\\OpenProject Tray.exe',
    });
    await win.setEnabled(true);
    expect(app.setLoginItemSettings).toHaveBeenCalledWith({
      openAtLogin: true,
      path: 'C:\\App\\OpenProject Tray.exe',
      args: ['--hidden'],
    });
    expect(await win.isEnabled()).toBe(true);
    const mac = new LoginItem({ platform: 'darwin', app, execPath: '/Applications/x' });
    await mac.setEnabled(false);
    expect(app.setLoginItemSettings).toHaveBeenLastCalledWith({ openAtLogin: false });
    expect(await mac.isEnabled()).toBe(false);
  });

  it('recognises the --hidden start', () => {
    expect(startedHidden(['/usr/bin/openproject-tray', '--hidden'])).toBe(true);
    expect(startedHidden(['/usr/bin/openproject-tray'])).toBe(false);
  });
});
