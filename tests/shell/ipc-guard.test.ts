import { describe, expect, it, vi } from 'vitest';
import {
  IpcGuard,
  isTrustedSender,
  originOf,
  UntrustedSenderError,
} from '../../main/shell/ipc-guard';
import { FakeWebContents } from './support/fake-electron';

const ours = new FakeWebContents();
const stranger = new FakeWebContents();
const policy = { owns: (c: unknown) => c === ours };

const event = (url: string | null, sender = ours, parent: unknown = null) => ({
  sender: sender as never,
  senderFrame: url === null ? null : ({ url, parent } as never),
});

/** An ipcMain stand-in that keeps the registered handlers so the test can invoke them. */
function fakeIpcMain() {
  const handlers = new Map<string, (...args: unknown[]) => unknown>();
  return {
    handlers,
    handle: (channel: string, fn: (...args: unknown[]) => unknown) => handlers.set(channel, fn),
    on: (channel: string, fn: (...args: unknown[]) => unknown) => handlers.set(channel, fn),
    removeHandler: (channel: string) => handlers.delete(channel),
  };
}

describe('IPC sender checks', () => {
  it('trusts the top frame of our window showing our page', () => {
    expect(isTrustedSender(event('app://bundle/index.html#/widget'), policy)).toBe(true);
  });

  it.each([
    ['a remote page', event('https://evil.example/index.html')],
    ['a file:// page', event('file:///tmp/index.html')],
    ['another custom host', event('app://other/index.html')],
    ['a look-alike scheme', event('apps://bundle/index.html')],
    ['a destroyed frame', event(null)],
    ['a sub-frame', event('app://bundle/index.html', ours, {})],
    ['a web contents that is not our window', event('app://bundle/index.html', stranger)],
    ['the dev server when not allowed', event('http://localhost:5173/index.html')],
  ])('refuses %s', (_label, e) => {
    expect(isTrustedSender(e, policy)).toBe(false);
  });

  it('accepts the dev server only when it is named as an origin', () => {
    const dev = { ...policy, origins: ['app://bundle', 'http://localhost:5173'] };
    expect(isTrustedSender(event('http://localhost:5173/#/widget'), dev)).toBe(true);
    expect(originOf('http://localhost:5173/x')).toBe('http://localhost:5173');
    expect(originOf('nonsense')).toBeNull();
  });

  it('runs an invoke handler for trusted senders and rejects the others', async () => {
    const ipcMain = fakeIpcMain();
    const refused = vi.fn();
    const guard = new IpcGuard(ipcMain as never, policy, refused);
    guard.handle('app:info', (_e, who: string) => `hello ${who}`);
    const handler = ipcMain.handlers.get('app:info')!;
    expect(await handler(event('app://bundle/index.html'), 'me')).toBe('hello me');
    expect(() => handler(event('https://evil.example/'), 'me')).toThrow(UntrustedSenderError);
    expect(refused).toHaveBeenCalledWith('app:info', 'https://evil.example/');
  });

  it('drops one-way messages from untrusted senders', () => {
    const ipcMain = fakeIpcMain();
    const guard = new IpcGuard(ipcMain as never, policy);
    const listener = vi.fn();
    guard.on('widget:hide', listener);
    const handler = ipcMain.handlers.get('widget:hide')!;
    handler(event('app://bundle/index.html', stranger));
    expect(listener).not.toHaveBeenCalled();
    handler(event('app://bundle/index.html'), 1);
    expect(listener).toHaveBeenCalledWith(expect.anything(), 1);
  });
});
