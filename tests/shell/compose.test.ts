/**
 * The composition root (main/shell/compose.ts) with a faked `electron` module and everything else
 * real: the application service over the core, signed in to the simulator, the shell's tray,
 * windows, hotkey and IPC guard.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Conf from 'conf';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  COMMAND_CHANNELS,
  EVENT_CHANNELS,
  type Account,
  type Result,
} from '../../preload/contract';
import { startSimulator, type Simulator } from '../simulator/index';
import { FakeBrowserWindow, type FakeEmitter, type FakeTray } from './support/fake-electron';

const electron = vi.hoisted(() => ({
  ipc: new Map<string, (...args: unknown[]) => unknown>(),
  shortcuts: new Map<string, () => void>(),
  trays: [] as unknown[],
  opened: [] as string[],
  toasts: [] as { options: { title: string; body: string }; emit(e: string): void }[],
  backend: 'gnome_libsecret',
}));

// electron-store needs the Electron runtime; the tests give the root a conf in the temp folder.
vi.mock('electron-store', () => ({ default: class {} }));

vi.mock('electron', async () => {
  const { fakeElectronBase, FakeEmitter: Emitter } = await import('./support/fake-electron');
  class Notification extends Emitter {
    static isSupported = () => true;
    constructor(readonly options: { title: string; body: string }) {
      super();
    }
    show() {
      electron.toasts.push(this);
    }
  }
  return {
    ...fakeElectronBase(electron, {
      getName: () => 'OpenProject Tray',
      getVersion: () => '0.1.0',
      getAppPath: () => '/app',
      setLoginItemSettings: vi.fn(),
      getLoginItemSettings: () => ({ openAtLogin: false }),
    }),
    Notification,
    protocol: { registerSchemesAsPrivileged: () => {}, handle: () => {} },
    session: {
      defaultSession: {
        setPermissionRequestHandler: () => {},
        setPermissionCheckHandler: () => {},
        webRequest: { onBeforeRequest: () => {} },
      },
    },
    // Reversible "encryption", like a keychain.
    safeStorage: {
      getSelectedStorageBackend: () => electron.backend,
      isAsyncEncryptionAvailable: () => Promise.resolve(true),
      encryptStringAsync: (text: string) => Promise.resolve(Buffer.from(text).reverse()),
      decryptStringAsync: (data: Buffer) =>
        Promise.resolve({
          result: Buffer.from(data).reverse().toString(),
          shouldReEncrypt: false,
        }),
    },
    powerMonitor: Object.assign(new Emitter(), { getSystemIdleState: () => 'active' }),
    net: { isOnline: () => true },
  };
});

const electronModule = await import('electron');
const app = electronModule.app as unknown as FakeEmitter & {
  isPackaged: boolean;
  quit: ReturnType<typeof vi.fn>;
};
const { composeApp, userDataOverride, BASIC_TEXT_WARNING } =
  await import('../../main/shell/compose');
type Composed = Awaited<ReturnType<typeof composeApp>>;

const root = mkdtempSync(join(tmpdir(), 'compose-renderer-'));
writeFileSync(join(root, 'index.html'), '<!doctype html><title>x</title>');

let sim: Simulator;
beforeAll(async () => {
  sim = await startSimulator({ unread: 3 });
});
afterAll(async () => {
  await sim.stop();
  rmSync(root, { recursive: true, force: true });
});

let home: string;
let composed: Composed | undefined;
const problems: string[] = [];

beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), 'compose-home-'));
  app.removeAllListeners();
  app.isPackaged = true;
  app.quit.mockClear();
  electron.ipc.clear();
  electron.shortcuts.clear();
  electron.trays = [];
  electron.opened = [];
  electron.toasts = [];
  electron.backend = 'gnome_libsecret';
  problems.length = 0;
  FakeBrowserWindow.created = [];
  sim.control.reset({ unread: 3 });
});

afterEach(async () => {
  await composed?.stop();
  composed = undefined;
  rmSync(home, { recursive: true, force: true });
});

async function compose(overrides: { env?: NodeJS.ProcessEnv; argv?: string[] } = {}) {
  composed = await composeApp({
    electron: electronModule,
    rendererRoot: root,
    preload: '/out/preload/index.cjs',
    home,
    platform: 'linux',
    env: overrides.env ?? {},
    argv: overrides.argv ?? ['electron', '.'],
    execPath: '/usr/bin/electron',
    createConf: (options) => new Conf(options),
    log: (message) => problems.push(message),
  });
  return composed;
}

const tray = () => electron.trays[0] as FakeTray;
const windowWith = (route: string) =>
  FakeBrowserWindow.created.find((w) => w.loaded.at(-1)?.endsWith(`#/${route}`));

/** An IPC invoke as the preload sends it, from a window's page (or from a foreign page). */
function invoke(
  channel: string,
  request: unknown,
  from: FakeBrowserWindow,
  url = from.loaded.at(-1) ?? '',
): Promise<Result<unknown>> {
  const handler = electron.ipc.get(channel);
  if (!handler) throw new Error(`no handler on ${channel}`);
  return Promise.resolve(
    handler({ sender: from.webContents, senderFrame: { url, parent: null } }, request),
  ) as Promise<Result<unknown>>;
}

async function signIn(from: FakeBrowserWindow): Promise<Account> {
  const result = await invoke(
    COMMAND_CHANNELS.connectWithToken,
    { url: sim.url, token: sim.tokens.apiKey },
    from,
  );
  if (!result.ok) throw new Error(result.error.message);
  return result.value as Account;
}

const signedInEnv = () => ({ OPENPROJECT_URL: sim.url, OPENPROJECT_API_KEY: sim.tokens.apiKey });

describe('the composition root', () => {
  it('opens the wizard on the first run, with the saved hotkey registered and in the tray menu', async () => {
    const app = await compose();
    const wizard = windowWith('wizard');
    expect(wizard?.loaded).toEqual(['app://bundle/index.html#/wizard']);
    expect(wizard?.visible).toBe(true);
    expect(FakeBrowserWindow.created).toHaveLength(1);
    expect(tray().tooltip).toBe('OpenProject Tray — sign in to see your notifications');
    expect([...electron.shortcuts.keys()]).toEqual(['CommandOrControl+Alt+O']);
    expect(tray().contextMenu?.item('search')?.accelerator).toBe('CommandOrControl+Alt+O');
    electron.shortcuts.get('CommandOrControl+Alt+O')!();
    expect(windowWith('search')?.visible).toBe(true);
    expect(app.secretBackend).toBe('os-keychain');
  });

  it('opens no window when accounts exist, nor on a start at login', async () => {
    await compose({ argv: ['electron', '.', '--hidden'] });
    expect(FakeBrowserWindow.created).toHaveLength(0);
    await composed!.stop();
    app.removeAllListeners();
    await compose({ env: signedInEnv() }); // packaged: the environment is ignored
    expect(composed!.envAccountId).toBeNull();
    expect(windowWith('wizard')).toBeDefined();
  });

  it('answers every command of the contract, for our windows only', async () => {
    await compose();
    expect([...electron.ipc.keys()].sort()).toEqual(Object.values(COMMAND_CHANNELS).sort());
    const wizard = windowWith('wizard')!;
    expect(await invoke(COMMAND_CHANNELS.appInfo, null, wizard)).toEqual({
      ok: true,
      value: { name: 'OpenProject Tray', version: '0.1.0' },
    });
    expect(() =>
      invoke(COMMAND_CHANNELS.listAccounts, null, wizard, 'https://evil.example/'),
    ).toThrow(/not part of OpenProject Tray/);
    const stranger = new FakeBrowserWindow({});
    expect(() =>
      invoke(COMMAND_CHANNELS.listAccounts, null, stranger, 'app://bundle/index.html#/widget'),
    ).toThrow(/not part of OpenProject Tray/);
  });

  it('signs in from the wizard: events reach the window, the tray shows the unread count', async () => {
    await compose();
    const wizard = windowWith('wizard')!;
    const account = await signIn(wizard);
    const channels = () => wizard.webContents.sent.map((m) => m.channel);
    expect(channels()).toContain(EVENT_CHANNELS.accountsChanged);
    await vi.waitFor(() => expect(tray().tooltip).toBe('OpenProject Tray — 3 unread'));
    expect(channels()).toContain(EVENT_CHANNELS.unreadChanged);
    const unread = wizard.webContents.sent.filter(
      (m) => m.channel === EVENT_CHANNELS.unreadChanged,
    );
    expect(unread.at(-1)?.payload).toEqual({ total: 3, perAccount: { [account.id]: 3 } });
    expect(composed!.mirror.instanceBaseUrls()).toEqual([sim.url]);
  });

  it('signs in from the environment when unpackaged, and redraws the tray when unread changes', async () => {
    app.isPackaged = false;
    await compose({ env: signedInEnv() });
    expect(composed!.envAccountId).not.toBeNull();
    expect(FakeBrowserWindow.created).toHaveLength(0);
    await vi.waitFor(() => expect(tray().tooltip).toBe('OpenProject Tray — 3 unread'));
    const [first] = sim.control.notifications({ unread: true });
    sim.control.markRead(first!.id);
    tray().contextMenu!.click('refresh');
    await vi.waitFor(() => expect(tray().tooltip).toBe('OpenProject Tray — 2 unread'));

    // A new notification: a desktop notification whose click opens the work package.
    const workPackageId = sim.control.workPackages()[0]!.id;
    sim.control.createNotification({ workPackageId, reason: 'mentioned' });
    tray().contextMenu!.click('refresh');
    await vi.waitFor(() => expect(tray().tooltip).toBe('OpenProject Tray — 3 unread'));
    await vi.waitFor(() => expect(electron.toasts).toHaveLength(1));
    electron.toasts[0]!.emit('click');
    await vi.waitFor(() => expect(electron.opened).toHaveLength(1));
    expect(electron.opened[0]!.startsWith(`${sim.url}/`)).toBe(true);
  });

  it('pauses and resumes notifications from the tray menu', async () => {
    app.isPackaged = false;
    await compose({ env: signedInEnv() });
    await vi.waitFor(() => expect(tray().tooltip).toBe('OpenProject Tray — 3 unread'));
    tray().contextMenu!.click('pause-hour');
    await vi.waitFor(() => expect(composed!.mirror.pause.kind).toBe('snoozed'));
    expect(tray().tooltip).toMatch(/notifications paused until/);
    const until = Date.parse((composed!.mirror.pause as { until: string }).until);
    expect(Math.abs(until - Date.now() - 3_600_000)).toBeLessThan(10_000);
    tray().contextMenu!.click('resume');
    await vi.waitFor(() => expect(composed!.mirror.pause.kind).toBe('active'));
    tray().contextMenu!.click('pause-tomorrow');
    await vi.waitFor(() => expect(composed!.mirror.pause.kind).toBe('snoozed'));
    expect(new Date((composed!.mirror.pause as { until: string }).until).getHours()).toBe(8);
  });

  it('shows the widget on a second launch (the wizard while there is no account)', async () => {
    await compose();
    windowWith('wizard')!.hide();
    app.emit('second-instance');
    expect(windowWith('wizard')?.visible).toBe(true);
    expect(windowWith('widget')).toBeUndefined();
    await signIn(windowWith('wizard')!);
    app.emit('second-instance');
    expect(windowWith('widget')?.visible).toBe(true);
  });

  it("opens views, hides or closes the caller's own window, and tells a page shown again", async () => {
    app.isPackaged = false;
    await compose({ env: signedInEnv() });
    composed!.showMain();
    const widget = windowWith('widget')!;
    expect(await invoke(COMMAND_CHANNELS.openView, { view: 'search' }, widget)).toEqual({
      ok: true,
      value: null,
    });
    const search = windowWith('search')!;
    expect(search.visible).toBe(true);
    await invoke(COMMAND_CHANNELS.windowAction, { action: 'hide' }, search);
    expect(search.visible).toBe(false);
    expect(widget.visible).toBe(true);
    await invoke(COMMAND_CHANNELS.openView, { view: 'search' }, widget);
    expect(search.webContents.sent.at(-1)).toEqual({
      channel: EVENT_CHANNELS.windowShown,
      payload: { view: 'search' },
    });
    await invoke(COMMAND_CHANNELS.openView, { view: 'settings' }, widget);
    const settings = windowWith('settings')!;
    await invoke(COMMAND_CHANNELS.windowAction, { action: 'close' }, settings);
    expect(settings.isDestroyed()).toBe(true);
    // Events go to the windows that exist, never to a destroyed one.
    tray().contextMenu!.click('pause-hour');
    await vi.waitFor(() =>
      expect(widget.webContents.sent.at(-1)?.channel).toBe(EVENT_CHANNELS.settingsChanged),
    );
  });

  it('opens in the browser only pages of instances the user added', async () => {
    app.isPackaged = false;
    await compose({ env: signedInEnv() });
    composed!.showMain();
    const widget = windowWith('widget')!;
    const accountId = composed!.envAccountId!;
    const opened = await invoke(
      COMMAND_CHANNELS.openInBrowser,
      { kind: 'notificationCenter', accountId },
      widget,
    );
    expect(opened.ok).toBe(true);
    expect(electron.opened).toEqual([`${sim.url}/notifications`]);
    const refused = await invoke(
      COMMAND_CHANNELS.openInBrowser,
      { kind: 'accessTokens', baseUrl: 'https://elsewhere.example' },
      widget,
    );
    expect(refused).toMatchObject({ ok: false, error: { kind: 'not-allowed' } });
    expect(await composed!.shell.openExternal('https://elsewhere.example/x')).toBe(false);
    expect(electron.opened).toHaveLength(1);
  });

  it('opens the access-token page of an instance probed in the wizard, before any sign-in', async () => {
    await compose();
    const wizard = windowWith('wizard')!;
    const target = { kind: 'accessTokens', baseUrl: sim.url };
    expect(await invoke(COMMAND_CHANNELS.openInBrowser, target, wizard)).toMatchObject({
      ok: false,
    });
    expect((await invoke(COMMAND_CHANNELS.probe, { url: sim.url }, wizard)).ok).toBe(true);
    expect(await invoke(COMMAND_CHANNELS.openInBrowser, target, wizard)).toEqual({
      ok: true,
      value: null,
    });
    expect(electron.opened).toEqual([`${sim.url}/my/access_tokens`]);
  });

  it('stops the service on quit, then quits for real', async () => {
    await compose();
    const stop = vi.spyOn(composed!.service, 'stop');
    const preventDefault = vi.fn();
    app.emit('before-quit', { preventDefault });
    expect(preventDefault).toHaveBeenCalledOnce();
    await vi.waitFor(() => expect(app.quit).toHaveBeenCalledOnce());
    expect(stop).toHaveBeenCalledOnce();
    expect(electron.shortcuts.size).toBe(0);
    const again = vi.fn();
    app.emit('before-quit', { preventDefault: again });
    expect(again).not.toHaveBeenCalled();
  });

  it('says so when tokens would be kept with safeStorage’s basic_text backend, and the service reports it', async () => {
    electron.backend = 'basic_text';
    const app = await compose();
    expect(app.secretBackend).toBe('basic_text');
    expect(problems).toContain(BASIC_TEXT_WARNING);
    const wizard = windowWith('wizard')!;
    expect(await invoke(COMMAND_CHANNELS.getSecretStorage, null, wizard)).toMatchObject({
      ok: true,
      value: { backend: 'basic_text', weak: true, canStoreSignIns: false },
    });
  });

  it('without a keyring, signs in from the environment only into a home of its own', async () => {
    electron.backend = 'basic_text';
    app.isPackaged = false;
    await compose({ env: signedInEnv() });
    expect(composed!.envAccountId).toBeNull();
    expect(problems.some((p) => p.includes('decide in the wizard'))).toBe(true);
    expect(windowWith('wizard')?.visible).toBe(true);
    await composed!.stop();
    app.removeAllListeners();
    FakeBrowserWindow.created = [];
    await compose({ env: { ...signedInEnv(), OPENPROJECT_TRAY_HOME: home } });
    expect(composed!.envAccountId).not.toBeNull();
    expect(problems.some((p) => p.includes('stored with weak protection'))).toBe(true);
    expect(FakeBrowserWindow.created).toHaveLength(0);
  });
});

describe('OPENPROJECT_TRAY_HOME', () => {
  it('moves userData for an unpackaged app only, and only to an absolute folder', () => {
    expect(userDataOverride({ OPENPROJECT_TRAY_HOME: '/tmp/demo' }, false)).toBe('/tmp/demo');
    expect(userDataOverride({ OPENPROJECT_TRAY_HOME: '/tmp/demo' }, true)).toBeNull();
    expect(userDataOverride({ OPENPROJECT_TRAY_HOME: 'demo' }, false)).toBeNull();
    expect(userDataOverride({}, false)).toBeNull();
  });
});
