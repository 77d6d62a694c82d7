import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeBrowserWindow, type FakeEmitter, type FakeTray } from './support/fake-electron';

/** The whole Electron surface the shell touches, faked; everything else is the real shell code. */
const electron = vi.hoisted(() => ({
  registered: [] as unknown[],
  handlers: new Map<string, (request: Request) => Promise<Response>>(),
  ipc: new Map<string, (...args: unknown[]) => unknown>(),
  shortcuts: new Map<string, () => void>(),
  taken: [] as string[],
  trays: [] as unknown[],
  opened: [] as string[],
  session: {
    permission: null as null | ((...args: unknown[]) => void),
    check: null as null | ((...args: unknown[]) => boolean),
  },
}));

vi.mock('electron', async () => {
  const { fakeElectronBase } = await import('./support/fake-electron');
  return {
    ...fakeElectronBase(electron),
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown[]) => electron.registered.push(...schemes),
      handle: (scheme: string, handler: (r: Request) => Promise<Response>) =>
        electron.handlers.set(scheme, handler),
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (h: never) => (electron.session.permission = h),
        setPermissionCheckHandler: (h: never) => (electron.session.check = h),
        webRequest: { onBeforeRequest: () => {} },
      },
    },
  };
});

const { app } = (await import('electron')) as unknown as {
  app: FakeEmitter & { setDesktopName: ReturnType<typeof vi.fn> };
};
const { prepareShell, startShell } = await import('../../main/shell/app-shell');
const { exposeE2eHook } = await import('../../main/shell/e2e-hook');
const { CONTENT_SECURITY_POLICY } = await import('../../main/shell/security');

const root = mkdtempSync(join(tmpdir(), 'shell-renderer-'));
writeFileSync(join(root, 'index.html'), '<!doctype html><title>x</title>');
afterAll(() => rmSync(root, { recursive: true, force: true }));

const problems: string[] = [];
function start(overrides: Partial<Parameters<typeof startShell>[0]> = {}) {
  return startShell({
    rendererRoot: root,
    preload: '/out/preload/index.cjs',
    actions: { refresh: vi.fn(), pause: vi.fn(), resume: vi.fn() },
    instanceBaseUrls: () => ['https://acme.example/openproject'],
    platform: 'linux',
    onProblem: (m) => problems.push(m),
    ...overrides,
  });
}

beforeEach(() => {
  electron.shortcuts.clear();
  electron.taken = [];
  electron.trays = [];
  problems.length = 0;
  FakeBrowserWindow.created = [];
});

describe('the shell, started', () => {
  it('registers the privileged app:// scheme and the Linux desktop name before ready', () => {
    prepareShell('linux');
    expect(electron.registered).toEqual([
      {
        scheme: 'app',
        privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
      },
    ]);
    expect(app.setDesktopName).toHaveBeenCalledWith('openproject-tray.desktop');
  });

  it('serves the renderer over app:// with the CSP and denies permissions', async () => {
    start();
    const response = await electron.handlers.get('app')!(new Request('app://bundle/index.html'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    const callback = vi.fn();
    electron.session.permission!({}, 'notifications', callback);
    expect(callback).toHaveBeenCalledWith(false);
  });

  it('shows a tray asking to sign in, with the hotkey in its menu, and opens the widget from it', () => {
    const shell = start();
    const tray = electron.trays[0] as FakeTray;
    expect(tray.tooltip).toBe('OpenProject Tray — sign in to see your notifications');
    expect(tray.contextMenu?.item('search')?.accelerator).toBe('CommandOrControl+Alt+O');
    tray.contextMenu!.click('open');
    const widget = FakeBrowserWindow.created[0]!;
    expect(widget.loaded).toEqual(['app://bundle/index.html#/widget']);
    expect(widget.visible).toBe(true);
    electron.shortcuts.get('CommandOrControl+Alt+O')!();
    expect(FakeBrowserWindow.created[1]!.loaded).toEqual(['app://bundle/index.html#/search']);
    expect(shell.windows.peek('search')?.isVisible()).toBe(true);
  });

  it('reports a taken hotkey and leaves it out of the menu', () => {
    electron.taken = ['CommandOrControl+Alt+O'];
    start();
    expect(problems).toContain(
      'Ctrl+Alt+O is used by another application. Choose another shortcut.',
    );
    expect(
      (electron.trays[0] as FakeTray).contextMenu?.item('search')?.accelerator,
    ).toBeUndefined();
  });

  it('answers IPC from our window only', async () => {
    const shell = start();
    shell.ipc.handle('app:info', () => 'OpenProject Tray');
    shell.windows.showWidget();
    const widget = FakeBrowserWindow.created[0]!;
    const handler = electron.ipc.get('app:info')!;
    const from = (url: string, sender: unknown = widget.webContents) => ({
      sender,
      senderFrame: { url, parent: null },
    });
    expect(await handler(from('app://bundle/index.html#/widget'))).toBe('OpenProject Tray');
    expect(() => handler(from('https://evil.example/'))).toThrow(/not part of OpenProject Tray/);
    expect(() => handler(from('app://bundle/index.html', {}))).toThrow();
  });

  it('opens only links into a signed-in instance', async () => {
    const shell = start();
    expect(await shell.openExternal('https://acme.example/openproject/wp/1')).toBe(true);
    expect(await shell.openExternal('https://acme.example/admin')).toBe(false);
    expect(electron.opened).toEqual(['https://acme.example/openproject/wp/1']);
  });

  it('releases the hotkey and lets the popovers close on quit', () => {
    start();
    expect(electron.shortcuts.size).toBe(1);
    app.emit('before-quit');
    expect(electron.shortcuts.size).toBe(0);
  });

  it('exposes the E2E hook only when asked', () => {
    const shell = start();
    globalThis.__openprojectTray = undefined;
    exposeE2eHook(shell, {});
    expect(globalThis.__openprojectTray).toBeUndefined();
    exposeE2eHook(shell, { OPENPROJECT_TRAY_E2E: '1' });
    globalThis.__openprojectTray!.setTrayStatus({
      accounts: [{ label: 'ACME', unread: 4, state: 'ok' }],
      pausedUntil: null,
    });
    expect(globalThis.__openprojectTray!.trayView().tooltip).toBe('OpenProject Tray — 4 unread');
    expect(globalThis.__openprojectTray!.hotkey()).toBe('CommandOrControl+Alt+O');
    globalThis.__openprojectTray = undefined;
  });
});
