import { readFile, realpath, stat } from 'node:fs/promises';
import { extname, isAbsolute, relative, resolve, sep } from 'node:path';
import type { CustomScheme } from 'electron';
import { APP_HOST, APP_SCHEME } from './app-origin';
import { CONTENT_SECURITY_POLICY } from './security';

/**
 * The renderer is served from app://bundle/…, a privileged custom scheme (secure, standard), never
 * from file:// or a remote origin. The handler serves files of out/renderer only.
 */
export { APP_HOST, APP_ORIGIN, APP_SCHEME, appUrl } from './app-origin';

/**
 * Must be registered before `app` is ready: `protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES])`.
 * `codeCache` keeps V8's compiled code of the renderer between launches (Chromium does it for
 * http(s) only unless a standard custom scheme asks): the widget's JavaScript is not parsed and
 * compiled anew each time a window opens.
 */
export const APP_SCHEME_PRIVILEGES: CustomScheme = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
};

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};

/** Headers on every answer: the CSP, no MIME sniffing, no referrer. */
export function securityHeaders(csp = CONTENT_SECURITY_POLICY): Record<string, string> {
  return {
    'Content-Security-Policy': csp,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
  };
}

/**
 * The app:// protocol handler: GET/HEAD for files under `root`, with the CSP header. Anything that
 * resolves outside `root` (`..`, encoded slashes, symbolic links) is a 404, like a missing file.
 */
export function createAppProtocolHandler(
  root: string,
  csp = CONTENT_SECURITY_POLICY,
): (request: Request) => Promise<Response> {
  const headers = securityHeaders(csp);
  const answer = (status: number, text: string): Response =>
    new Response(text, {
      status,
      headers: { ...headers, 'Content-Type': 'text/plain; charset=utf-8' },
    });

  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD')
      return answer(405, 'Method not allowed');
    const file = await resolveFile(root, request.url);
    if (!file) return answer(404, 'Not found');
    const body = request.method === 'HEAD' ? null : await readFile(file);
    const contentType = CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
    return new Response(body, {
      status: 200,
      headers: { ...headers, 'Content-Type': contentType },
    });
  };
}

/** The file a URL names inside root, or null when it names nothing there. */
async function resolveFile(root: string, url: string): Promise<string | null> {
  let pathname: string;
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST) return null;
    pathname = decodeURIComponent(parsed.pathname);
  } catch {
    return null;
  }
  if (pathname.includes('\0')) return null;
  if (pathname === '/' || pathname === '') pathname = '/index.html';
  const rootPath = resolve(root);
  const candidate = resolve(rootPath, `.${pathname.replaceAll('\\', '/')}`);
  if (!isInside(rootPath, candidate)) return null;
  try {
    const [realRoot, realFile] = await Promise.all([realpath(rootPath), realpath(candidate)]);
    if (!isInside(realRoot, realFile)) return null;
    return (await stat(realFile)).isFile() ? realFile : null;
  } catch {
    return null;
  }
}

function isInside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel !== '' && !rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel);
}
