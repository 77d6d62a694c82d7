import type { App, Session, WebContents } from 'electron';
import { APP_HOST, APP_SCHEME } from './app-origin';

/**
 * The renderer's Content Security Policy, sent as a header by the app:// protocol handler: only our
 * own bundled scripts and styles, no inline script, no eval, no remote anything, no plugins, no frames.
 * The renderer talks to OpenProject only through IPC, so connect-src stays 'self'.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-src 'none'",
  "frame-ancestors 'none'",
  "worker-src 'none'",
].join('; ');

export interface HardeningOptions {
  /** Called with the URL of a blocked window.open / target=_blank, e.g. to open it in the browser if allowed. */
  onBlockedWindowOpen?: (url: string) => void;
}

/** No navigation away, no new windows, no <webview>: for every web contents the app creates. */
export function hardenWebContents(contents: WebContents, options: HardeningOptions = {}): void {
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    options.onBlockedWindowOpen?.(url);
    return { action: 'deny' };
  });
}

/** May a page of ours load this URL? Only our own scheme, DevTools and inline data. */
export function isAllowedRendererRequest(
  url: string,
  extraOrigins: readonly string[] = [],
): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol === `${APP_SCHEME}:`) return parsed.host === APP_HOST;
  if (['devtools:', 'data:', 'blob:'].includes(parsed.protocol)) return true;
  // The dev server's hot-reload socket: ws://host:port belongs to http://host:port.
  const web = parsed.protocol === 'ws:' || parsed.protocol === 'wss:';
  const origin = web
    ? `${parsed.protocol === 'ws:' ? 'http:' : 'https:'}//${parsed.host}`
    : parsed.origin;
  return extraOrigins.includes(origin);
}

export interface InstallHardeningOptions extends HardeningOptions {
  /** Extra origins pages may load from: only the electron-vite dev server, in development. */
  devOrigins?: readonly string[];
}

/**
 * Applies the hardening app-wide: every web contents, now and later, and the session's permission
 * and network policy. Call once before the first window is created.
 */
export function installHardening(
  app: Pick<App, 'on'>,
  session: Pick<
    Session,
    'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'webRequest'
  >,
  options: InstallHardeningOptions = {},
): void {
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, options));
  // Notifications, camera, geolocation, clipboard, …: the renderer needs none; main does the OS work.
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  // Pages may load nothing from the network. Requests of the main process (no web contents) pass.
  session.webRequest.onBeforeRequest((details, callback) => {
    const fromPage = details.webContentsId !== undefined;
    callback({ cancel: fromPage && !isAllowedRendererRequest(details.url, options.devOrigins) });
  });
}
