/**
 * The harness's HTTP server on 127.0.0.1: the production renderer build with the app's CSP as a
 * header, the same-origin bridge script injected before the renderer's module script, the bridge's
 * commands (`POST /__bridge/<channel>`) and events (Server-Sent Events, `GET /__bridge/events`).
 * Every request needs the per-run secret: `?k=` on the page URL (which sets a same-site cookie for
 * the rest), the cookie, or the `x-harness-key` header. Anything else is refused with 403.
 */
import { timingSafeEqual } from 'node:crypto';
import { readFile, realpath, stat } from 'node:fs/promises';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { COMMAND_CHANNELS, type CommandHandlers, type CommandName } from '../../preload/contract';

export interface BridgeServerOptions {
  /** The renderer build (out/renderer). */
  root: string;
  handlers: CommandHandlers;
  /** The headers of every page and script answer (the app's CSP and friends). */
  securityHeaders: Record<string, string>;
  bridgeScript: () => Promise<string>;
  secret: string;
  port?: number;
}

export interface BridgeServer {
  /** `http://127.0.0.1:PORT` */
  origin: string;
  port: number;
  /** Sends an event to every page. */
  broadcast(channel: string, payload: unknown): void;
  /** Pages listening for events now. */
  listeners(): number;
  stop(): Promise<void>;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8',
};
const MAX_BODY = 1024 * 1024;
const HEARTBEAT_MS = 15_000;
const CHANNEL_TO_COMMAND = new Map<string, CommandName>(
  Object.entries(COMMAND_CHANNELS).map(([name, channel]) => [channel, name as CommandName]),
);

function sameSecret(given: string | undefined, secret: string): boolean {
  if (given === undefined) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(secret);
  return a.length === b.length && timingSafeEqual(a, b);
}

function cookie(req: http.IncomingMessage, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const index = part.indexOf('=');
    if (index > 0 && part.slice(0, index).trim() === name) return part.slice(index + 1).trim();
  }
  return undefined;
}

function readBody(req: http.IncomingMessage): Promise<string | null> {
  return new Promise((resolvePromise, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        resolvePromise(null);
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolvePromise(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** The file a URL path names inside root, or null (`..`, NUL, symbolic links out, folders). */
async function fileIn(root: string, pathname: string): Promise<string | null> {
  let path: string;
  try {
    path = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  if (path.includes('\0')) return null;
  if (path === '/' || path === '') path = '/index.html';
  const candidate = resolve(root, `.${path.replaceAll('\\', '/')}`);
  const inside = (base: string, file: string) => {
    const rel = relative(base, file);
    return rel !== '' && rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel);
  };
  if (!inside(root, candidate)) return null;
  try {
    const [realRoot, realFile] = await Promise.all([realpath(root), realpath(candidate)]);
    return inside(realRoot, realFile) && (await stat(realFile)).isFile() ? realFile : null;
  } catch {
    return null;
  }
}

/** index.html with the bridge script before the renderer's module script. */
export function injectBridge(html: string): string {
  const tag = '<script src="/__bridge.js"></script>';
  const at = html.search(/<script\b[^>]*type="module"/);
  return at === -1
    ? html.replace('</head>', `  ${tag}\n  </head>`)
    : `${html.slice(0, at)}${tag}\n    ${html.slice(at)}`;
}

export async function startBridgeServer(options: BridgeServerOptions): Promise<BridgeServer> {
  const server = http.createServer();
  const streams = new Set<http.ServerResponse>();
  let port = 0;
  const cookieName = () => `harness-k-${port}`;

  const plain = (res: http.ServerResponse, status: number, text: string) => {
    res.writeHead(status, {
      'content-type': 'text/plain; charset=utf-8',
      'cache-control': 'no-store',
      ...options.securityHeaders,
    });
    res.end(text);
  };

  const send = (
    res: http.ServerResponse,
    body: string | Buffer,
    type: string,
    extra: Record<string, string> = {},
  ) => {
    res.writeHead(200, {
      'content-type': type,
      'cache-control': 'no-store',
      ...options.securityHeaders,
      ...extra,
    });
    res.end(body);
  };

  async function command(req: http.IncomingMessage, res: http.ServerResponse, channel: string) {
    const origin = req.headers.origin;
    if (
      origin !== undefined &&
      origin !== `http://127.0.0.1:${port}` &&
      origin !== `http://localhost:${port}`
    ) {
      plain(res, 403, 'Requests from other origins are refused.');
      return;
    }
    const name = CHANNEL_TO_COMMAND.get(channel);
    if (!name) {
      plain(res, 404, `No command on channel ${channel}.`);
      return;
    }
    const body = await readBody(req);
    if (body === null) {
      plain(res, 413, 'The request is too large.');
      return;
    }
    let request: unknown;
    try {
      request = body === '' ? null : JSON.parse(body);
    } catch {
      // Not JSON: the handler answers invalid-input, as for any malformed request.
      request = { malformed: 'The request body is not JSON.' };
    }
    const handler = options.handlers[name] as (request: unknown) => Promise<unknown>;
    send(res, JSON.stringify(await handler(request)), 'application/json; charset=utf-8');
  }

  function events(res: http.ServerResponse) {
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'keep-alive',
    });
    res.write('retry: 1000\n\n');
    streams.add(res);
    res.on('close', () => streams.delete(res));
  }

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const host = req.headers.host;
    if (host !== `127.0.0.1:${port}` && host !== `localhost:${port}`) {
      plain(res, 403, 'Only requests to this harness on 127.0.0.1 are answered.');
      return;
    }
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    const fromQuery = url.searchParams.get('k') ?? undefined;
    const header = req.headers['x-harness-key'];
    const authorised =
      sameSecret(fromQuery, options.secret) ||
      sameSecret(cookie(req, cookieName()), options.secret) ||
      sameSecret(typeof header === 'string' ? header : undefined, options.secret);
    if (!authorised) {
      plain(res, 403, 'Forbidden: open the URL the harness printed (it carries ?k=…).');
      return;
    }
    const path = url.pathname;
    if (path.startsWith('/__bridge/')) {
      const channel = decodeURIComponent(path.slice('/__bridge/'.length));
      if (channel === 'events' && req.method === 'GET') return events(res);
      if (req.method !== 'POST') return plain(res, 405, 'Commands are POSTed.');
      return command(req, res, channel);
    }
    if (req.method !== 'GET' && req.method !== 'HEAD')
      return plain(res, 405, 'Method not allowed.');
    if (path === '/__bridge.js') {
      return send(res, await options.bridgeScript(), TYPES['.js'] ?? 'text/javascript');
    }
    const file = await fileIn(options.root, path);
    if (!file) return plain(res, 404, 'Not found.');
    const extra: Record<string, string> = {};
    if (fromQuery !== undefined) {
      extra['set-cookie'] = `${cookieName()}=${options.secret}; Path=/; HttpOnly; SameSite=Strict`;
    }
    if (file === join(await realpath(options.root), 'index.html')) {
      return send(res, injectBridge(await readFile(file, 'utf8')), TYPES['.html'] ?? '', extra);
    }
    return send(
      res,
      await readFile(file),
      TYPES[extname(file)] ?? 'application/octet-stream',
      extra,
    );
  }

  server.on('request', (req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) plain(res, 500, `The harness failed: ${String(error)}`);
      else res.destroy();
    });
  });
  await new Promise<void>((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolvePromise();
    });
  });
  port = (server.address() as AddressInfo).port;
  const heartbeat = setInterval(() => {
    for (const stream of streams) stream.write(': ping\n\n');
  }, HEARTBEAT_MS);
  heartbeat.unref();

  return {
    origin: `http://127.0.0.1:${port}`,
    port,
    broadcast(channel, payload) {
      const data = `data: ${JSON.stringify({ channel, payload })}\n\n`;
      for (const stream of streams) stream.write(data);
    },
    listeners: () => streams.size,
    stop() {
      clearInterval(heartbeat);
      for (const stream of streams) stream.end();
      streams.clear();
      return new Promise<void>((resolvePromise) => {
        server.close(() => resolvePromise());
        server.closeAllConnections();
      });
    },
  };
}
