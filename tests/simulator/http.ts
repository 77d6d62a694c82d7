/**
 * HTTP plumbing: the per-request exchange, and writing responses (HAL+JSON, plain text, empty)
 * with gzip when the client accepts it, as OpenProject behind its usual proxy does.
 */
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import { gzipSync } from 'node:zlib';
import type { ApiProblem } from './problems';

export const HAL_JSON = 'application/hal+json; charset=utf-8';
export const SERVICE_DESC_LINK = '</api/v3/openapi.json>; rel="service-desc"';
const MAX_BODY = 1024 * 1024;

export interface Exchange {
  readonly req: IncomingMessage;
  readonly res: ServerResponse;
  /** Upper-case; HEAD is routed as GET and answered without a body. */
  readonly method: string;
  readonly url: URL;
  /** The path below the installation's sub-path ('' when the request is outside it). */
  readonly path: string;
  readonly query: URLSearchParams;
  /** http://127.0.0.1:PORT */
  readonly origin: string;
  readonly basePath: string;
}

export function createExchange(
  req: IncomingMessage,
  res: ServerResponse,
  origin: string,
  basePath: string,
): Exchange {
  // Concatenated, not resolved: a request target such as `//x` stays a path, not a host.
  const target = req.url ?? '/';
  const url = new URL(`${origin}${target.startsWith('/') ? target : `/${target}`}`);
  const raw = url.pathname;
  let path = '';
  if (basePath === '') path = raw;
  else if (raw === basePath) path = '/';
  else if (raw.startsWith(`${basePath}/`)) path = raw.slice(basePath.length);
  const method = (req.method ?? 'GET').toUpperCase();
  return {
    req,
    res,
    method: method === 'HEAD' ? 'GET' : method,
    url,
    path,
    query: url.searchParams,
    origin,
    basePath,
  };
}

function acceptsGzip(req: IncomingMessage): boolean {
  const header = req.headers['accept-encoding'];
  if (typeof header !== 'string') return false;
  return header.split(',').some((part) => {
    const [coding, ...params] = part.trim().toLowerCase().split(';');
    if (coding !== 'gzip' && coding !== '*') return false;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    return !q || Number(q.slice(2)) > 0;
  });
}

/** Writes a complete response; compresses a non-empty body when the client accepts gzip. */
export function send(
  ex: Exchange,
  status: number,
  headers: OutgoingHttpHeaders,
  body?: string | Buffer,
): void {
  const { req, res } = ex;
  if (res.headersSent || res.destroyed) return;
  let payload = body === undefined ? undefined : Buffer.isBuffer(body) ? body : Buffer.from(body);
  const out: OutgoingHttpHeaders = { ...headers };
  if (payload && payload.length > 0 && acceptsGzip(req)) {
    payload = gzipSync(payload);
    out['Content-Encoding'] = 'gzip';
    out.Vary = 'Accept-Encoding';
  }
  if (payload) out['Content-Length'] = payload.length;
  res.writeHead(status, out);
  if (req.method === 'HEAD' || !payload) res.end();
  else res.end(payload);
}

export function sendHal(
  ex: Exchange,
  status: number,
  payload: unknown,
  headers: OutgoingHttpHeaders = {},
): void {
  send(ex, status, { 'Content-Type': HAL_JSON, ...headers }, JSON.stringify(payload));
}

export function sendJson(
  ex: Exchange,
  status: number,
  payload: unknown,
  headers: OutgoingHttpHeaders = {},
): void {
  send(
    ex,
    status,
    { 'Content-Type': 'application/json; charset=utf-8', ...headers },
    JSON.stringify(payload),
  );
}

export function sendText(
  ex: Exchange,
  status: number,
  text: string,
  contentType = 'text/plain; charset=utf-8',
  headers: OutgoingHttpHeaders = {},
): void {
  send(ex, status, { 'Content-Type': contentType, ...headers }, text);
}

export function sendNoContent(ex: Exchange): void {
  send(ex, 204, {});
}

export function sendProblem(ex: Exchange, problem: ApiProblem): void {
  sendHal(ex, problem.status, problem.body(), { ...problem.headers });
}

/** Reads the request body (at most 1 MiB). */
export async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY) throw new Error('request body too large');
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
