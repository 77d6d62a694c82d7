import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createElectronNotifier } from '../../main/shell/adapters/electron-notifier';
import { createExternalOpener } from '../../main/shell/adapters/external-opener';
import { powerEventsFromElectron } from '../../main/shell/adapters/power-events';
import { reEncrypting, safeStorageCipher } from '../../main/shell/adapters/safe-storage-cipher';
import { FileSecretStore } from '../../main/core/secrets/file-secret-store';
import { SecretStoreError } from '../../main/core/secrets/secret-store';
import { FakeEmitter } from './support/fake-electron';

/** safeStorage stand-in: "encrypts" reversibly with a key version, like a keychain that rotates. */
function fakeSafeStorage(backend: 'basic_text' | 'gnome_libsecret' = 'gnome_libsecret') {
  const state = { available: true, version: 1 };
  return {
    state,
    getSelectedStorageBackend: () => backend,
    isAsyncEncryptionAvailable: () => Promise.resolve(state.available),
    encryptStringAsync: (text: string) =>
      Promise.resolve(Buffer.from(`v${state.version}:${Buffer.from(text).toString('hex')}`)),
    decryptStringAsync: (data: Buffer) => {
      const [version, hex] = data.toString().split(':') as [string, string];
      return Promise.resolve({
        result: Buffer.from(hex, 'hex').toString(),
        shouldReEncrypt: version !== `v${state.version}`,
      });
    },
  };
}

let dir: string | undefined;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

describe('the safeStorage secret cipher', () => {
  it('stores secrets through safeStorage in the secrets file, and reads them back', async () => {
    dir = mkdtempSync(join(tmpdir(), 'secrets-'));
    const safe = fakeSafeStorage();
    const cipher = safeStorageCipher(safe, 'linux');
    const store = reEncrypting(FileSecretStore.inFolder(dir, cipher), cipher);
    expect(store.backend).toBe('os-keychain');
    await store.set('account:a:api-token', 'opapi-secret');
    expect(await store.get('account:a:api-token')).toBe('opapi-secret');
  });

  it('reports the basic_text fallback so the wizard can warn', () => {
    expect(safeStorageCipher(fakeSafeStorage('basic_text'), 'linux').backend).toBe('basic_text');
    expect(safeStorageCipher(fakeSafeStorage('basic_text'), 'darwin').backend).toBe('os-keychain');
  });

  it('refuses a ciphertext moved to another entry', async () => {
    const cipher = safeStorageCipher(fakeSafeStorage(), 'linux');
    const sealed = await cipher.encrypt('token', 'account:a:api-token');
    await expect(cipher.decrypt(sealed, 'account:b:api-token')).rejects.toThrow(SecretStoreError);
  });

  it('re-encrypts a secret when safeStorage rotated its key', async () => {
    dir = mkdtempSync(join(tmpdir(), 'secrets-'));
    const safe = fakeSafeStorage();
    const cipher = safeStorageCipher(safe, 'linux');
    const file = FileSecretStore.inFolder(dir, cipher);
    const store = reEncrypting(file, cipher);
    await store.set('k', 'value');
    safe.state.version = 2;
    expect(await store.get('k')).toBe('value');
    expect(cipher.staleKeys.size).toBe(0);
    const fresh = safeStorageCipher(safe, 'linux');
    expect(await FileSecretStore.inFolder(dir, fresh).get('k')).toBe('value');
    expect(fresh.staleKeys.size).toBe(0); // written back with the new key
  });

  it('says what to do when the keychain is unavailable', async () => {
    const safe = fakeSafeStorage();
    safe.state.available = false;
    await expect(safeStorageCipher(safe, 'linux').encrypt('x', 'k')).rejects.toThrow(/keyring/);
  });
});

class FakeNotification extends FakeEmitter {
  static supported = true;
  static shown: FakeNotification[] = [];
  static isSupported() {
    return FakeNotification.supported;
  }
  constructor(readonly options: { title: string; body: string }) {
    super();
  }
  show() {
    FakeNotification.shown.push(this);
  }
}

describe('the Electron notifier', () => {
  it('shows a toast and opens its link on click', async () => {
    const opened: string[] = [];
    const notifier = createElectronNotifier({
      Notification: FakeNotification as never,
      openExternal: (url) => Promise.resolve(void opened.push(url)),
    });
    const clicks = vi.fn();
    notifier.onClick(clicks);
    await notifier.notify({
      id: '1',
      title: 'Bug #42',
      body: 'Alice mentioned you',
      url: 'https://op/wp/42',
    });
    const shown = FakeNotification.shown.at(-1)!;
    expect(shown.options).toMatchObject({ title: 'Bug #42', body: 'Alice mentioned you' });
    shown.emit('click');
    expect(clicks).toHaveBeenCalledWith(expect.objectContaining({ id: '1' }));
    expect(opened).toEqual(['https://op/wp/42']);
  });

  it('rejects with a sentence when the desktop has no notifications, and reports failures', async () => {
    const errors: unknown[] = [];
    const notifier = createElectronNotifier({
      Notification: FakeNotification as never,
      openExternal: () => Promise.resolve(),
      onError: (e) => errors.push(e),
    });
    await notifier.notify({ id: '2', title: 't', body: 'b' });
    FakeNotification.shown.at(-1)!.emit('failed', {}, 'not signed');
    expect(String(errors[0])).toMatch(/could not be shown \(not signed\)/);
    FakeNotification.supported = false;
    await expect(notifier.notify({ id: '3', title: 't', body: 'b' })).rejects.toThrow(
      /notification settings/,
    );
    FakeNotification.supported = true;
  });
});

describe('power events from powerMonitor', () => {
  it('passes suspend/resume/lock/unlock and polls idle and online', () => {
    vi.useFakeTimers();
    try {
      const monitor = new FakeEmitter() as FakeEmitter & { getSystemIdleState: () => string };
      let idleState = 'active';
      monitor.getSystemIdleState = () => idleState;
      let online = true;
      const power = powerEventsFromElectron({
        powerMonitor: monitor as never,
        net: { isOnline: () => online },
        checkEveryMs: 1000,
      });
      const seen: string[] = [];
      power.onChange((e) => seen.push(e));
      monitor.emit('suspend');
      monitor.emit('lock-screen');
      monitor.emit('unlock-screen');
      online = false;
      monitor.emit('resume');
      idleState = 'idle';
      vi.advanceTimersByTime(1000);
      idleState = 'locked';
      online = true;
      vi.advanceTimersByTime(1000);
      idleState = 'active';
      vi.advanceTimersByTime(1000);
      expect(seen).toEqual([
        'suspend',
        'lock',
        'unlock',
        'resume',
        'offline',
        'idle',
        'online',
        'active',
      ]);
      power.dispose();
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('the external opener', () => {
  it('opens allowed links and reports refused ones', async () => {
    const shell = { openExternal: vi.fn(() => Promise.resolve()) };
    const refused = vi.fn();
    const open = createExternalOpener(shell, () => ['https://acme.example'], refused);
    expect(await open('https://acme.example/wp/1')).toBe(true);
    expect(shell.openExternal).toHaveBeenCalledWith('https://acme.example/wp/1', {
      activate: true,
    });
    expect(await open('file:///etc/passwd')).toBe(false);
    expect(refused).toHaveBeenCalledWith('file:///etc/passwd');
    expect(shell.openExternal).toHaveBeenCalledTimes(1);
  });
});
