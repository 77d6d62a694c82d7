import { describe, expect, it, vi } from 'vitest';
import {
  hardenWebContents,
  installHardening,
  isAllowedRendererRequest,
} from '../../main/shell/security';
import { FakeEmitter, FakeWebContents } from './support/fake-electron';

class HardenedContents extends FakeWebContents {
  openHandler: ((details: { url: string }) => { action: string }) | null = null;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.openHandler = handler;
  }
  /** Emits the event; tells whether the app prevented it. */
  attempt(eventName: string, ...args: unknown[]): boolean {
    let prevented = false;
    this.emit(eventName, { preventDefault: () => (prevented = true) }, ...args);
    return prevented;
  }
}

type RequestHandler = (c: unknown, p: string, cb: (ok: boolean) => void) => void;
type CheckHandler = (...args: unknown[]) => boolean;
type BeforeRequest = (
  details: { url: string; webContentsId?: number },
  callback: (response: { cancel: boolean }) => void,
) => void;

function fakeSession() {
  const handlers: {
    request?: RequestHandler;
    check?: CheckHandler;
    beforeRequest?: BeforeRequest;
  } = {};
  return {
    handlers,
    setPermissionRequestHandler: (h: RequestHandler) => (handlers.request = h),
    setPermissionCheckHandler: (h: CheckHandler) => (handlers.check = h),
    webRequest: { onBeforeRequest: (h: BeforeRequest) => (handlers.beforeRequest = h) },
  };
}

describe('hardening of web contents', () => {
  it('blocks navigation, redirects, <webview> and new windows', () => {
    const contents = new HardenedContents();
    const blocked = vi.fn();
    hardenWebContents(contents as never, { onBlockedWindowOpen: blocked });
    expect(contents.attempt('will-navigate', 'https://evil.example/')).toBe(true);
    expect(contents.attempt('will-redirect', 'https://evil.example/')).toBe(true);
    expect(contents.attempt('will-attach-webview', {}, {})).toBe(true);
    expect(contents.openHandler?.({ url: 'https://acme.example/wp/1' })).toEqual({
      action: 'deny',
    });
    expect(blocked).toHaveBeenCalledWith('https://acme.example/wp/1');
  });

  it('applies to every web contents the app creates, and denies every permission', () => {
    const app = new FakeEmitter();
    const session = fakeSession();
    installHardening(app as never, session as never);
    const contents = new HardenedContents();
    app.emit('web-contents-created', {}, contents);
    expect(contents.attempt('will-navigate', 'https://evil.example/')).toBe(true);
    expect(contents.openHandler?.({ url: 'https://x.example/' })).toEqual({ action: 'deny' });

    for (const permission of [
      'notifications',
      'media',
      'geolocation',
      'clipboard-read',
      'openExternal',
    ]) {
      const callback = vi.fn();
      session.handlers.request!(contents, permission, callback);
      expect(callback).toHaveBeenCalledWith(false);
    }
    expect(session.handlers.check!(contents, 'notifications', 'app://bundle')).toBe(false);
  });

  it('lets pages load only from our own scheme; requests of the main process pass', () => {
    const app = new FakeEmitter();
    const session = fakeSession();
    installHardening(app as never, session as never);
    const decide = (url: string, webContentsId?: number) => {
      let cancel: boolean | undefined;
      session.handlers.beforeRequest!(
        { url, ...(webContentsId ? { webContentsId } : {}) },
        (r: { cancel: boolean }) => (cancel = r.cancel),
      );
      return cancel;
    };
    expect(decide('app://bundle/assets/main.js', 1)).toBe(false);
    expect(decide('https://evil.example/x.js', 1)).toBe(true);
    expect(decide('http://localhost:5173/', 1)).toBe(true);
    expect(decide('https://acme.openproject.com/api/v3', undefined)).toBe(false);
  });

  it('allows the dev server only when named', () => {
    expect(isAllowedRendererRequest('http://localhost:5173/src/main.tsx')).toBe(false);
    expect(
      isAllowedRendererRequest('http://localhost:5173/src/main.tsx', ['http://localhost:5173']),
    ).toBe(true);
    expect(isAllowedRendererRequest('ws://localhost:5173/', ['http://localhost:5173'])).toBe(true);
    expect(isAllowedRendererRequest('ws://localhost:5174/', ['http://localhost:5173'])).toBe(false);
    expect(isAllowedRendererRequest('app://other/x')).toBe(false);
    expect(isAllowedRendererRequest('data:image/png;base64,AAAA')).toBe(true);
    expect(isAllowedRendererRequest('::')).toBe(false);
  });
});
