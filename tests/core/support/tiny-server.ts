/**
 * A tiny HTTP(S) server on 127.0.0.1 (random port) answering what a test tells it to, and
 * remembering each request: for the client's wire behaviour and error mapping.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';

export interface SeenRequest {
  method: string;
  /** Path and query as sent, e.g. /openproject/api/v3/notifications?pageSize=0&filters=… */
  url: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingMessage['headers'];
  body: string;
}

export type Handler = (request: SeenRequest, response: ServerResponse) => void | Promise<void>;

export interface TinyServer {
  url: string;
  port: number;
  requests: SeenRequest[];
  close(): Promise<void>;
}

export async function startTinyServer(
  handler: Handler,
  tls?: { key: string; cert: string },
): Promise<TinyServer> {
  const requests: SeenRequest[] = [];
  const listener = (req: IncomingMessage, res: ServerResponse): void => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const parsed = new URL(req.url ?? '/', 'http://127.0.0.1');
      const seen: SeenRequest = {
        method: req.method ?? 'GET',
        url: req.url ?? '/',
        path: parsed.pathname,
        query: parsed.searchParams,
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      requests.push(seen);
      Promise.resolve(handler(seen, res)).catch((error: unknown) => {
        res.statusCode = 599;
        res.end(String(error));
      });
    });
  };
  const server = tls ? createHttpsServer(tls, listener) : createServer(listener);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `${tls ? 'https' : 'http'}://127.0.0.1:${port}`,
    port,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Answers JSON (HAL), gzip-compressed when the client accepts it. */
export function sendJson(
  req: SeenRequest,
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  const gzip = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
  res.writeHead(status, {
    'content-type': 'application/hal+json; charset=utf-8',
    ...(gzip ? { 'content-encoding': 'gzip' } : {}),
    ...headers,
  });
  res.end(gzip ? gzipSync(text) : text);
}

export function opError(identifier: string, message: string): Record<string, string> {
  return {
    _type: 'Error',
    errorIdentifier: `urn:openproject-org:api:v3:errors:${identifier}`,
    message,
  };
}

export const ROOT = {
  _type: 'Root',
  instanceName: 'Tiny OpenProject',
  _links: { self: { href: '/api/v3' } },
};
