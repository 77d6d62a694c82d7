/**
 * The fetch oauth4webapi gets is got underneath: real HTTP on 127.0.0.1, form bodies, headers
 * both ways, no redirect followed, no status thrown, bodies decompressed, empty 204s.
 */
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGotFetch } from '../../../main/core/auth/got-fetch';

describe('createGotFetch', () => {
  let origin: string;
  let server: http.Server;
  const seen: { method?: string; headers: http.IncomingHttpHeaders; body: string }[] = [];

  beforeAll(async () => {
    server = http.createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        seen.push({ ...(req.method ? { method: req.method } : {}), headers: req.headers, body });
        if (req.url === '/redirect') {
          res.writeHead(302, { location: '/elsewhere' }).end();
        } else if (req.url === '/empty') {
          res.writeHead(204).end();
        } else if (req.url === '/gzip') {
          res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' });
          res.end(gzipSync(JSON.stringify({ zipped: true })));
        } else if (req.url === '/error') {
          res.writeHead(400, {
            'content-type': 'application/json',
            'www-authenticate': 'Bearer error="x"',
          });
          res.end('{"error":"invalid_grant"}');
        } else {
          res.writeHead(200, { 'content-type': 'application/json', 'set-cookie': ['a=1', 'b=2'] });
          res.end(JSON.stringify({ echo: body }));
        }
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('posts a form body with the given headers and our user agent', async () => {
    const fetch = createGotFetch();
    const response = await fetch(`${origin}/token`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded;charset=UTF-8',
        accept: 'application/json',
      },
      body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: 'r t' }),
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ echo: 'grant_type=refresh_token&refresh_token=r+t' });
    expect(response.headers.getSetCookie()).toEqual(['a=1', 'b=2']);
    const request = seen.at(-1);
    expect(request?.method).toBe('POST');
    expect(request?.headers['content-type']).toBe(
      'application/x-www-form-urlencoded;charset=UTF-8',
    );
    expect(request?.headers['user-agent']).toMatch(/^OpenProjectTray\//);
  });

  it('returns redirects and errors as they are', async () => {
    const fetch = createGotFetch();
    const redirect = await fetch(`${origin}/redirect`, { method: 'GET' });
    expect(redirect.status).toBe(302);
    expect(redirect.headers.get('location')).toBe('/elsewhere');
    const error = await fetch(`${origin}/error`, { method: 'POST', body: 'x' });
    expect(error.status).toBe(400);
    expect(error.headers.get('www-authenticate')).toBe('Bearer error="x"');
    expect(await error.json()).toEqual({ error: 'invalid_grant' });
  });

  it('decodes compressed bodies and handles empty ones', async () => {
    const fetch = createGotFetch();
    const zipped = await fetch(`${origin}/gzip`, { method: 'GET' });
    expect(zipped.headers.get('content-encoding')).toBeNull();
    expect(await zipped.json()).toEqual({ zipped: true });
    const empty = await fetch(`${origin}/empty`, { method: 'GET' });
    expect(empty.status).toBe(204);
    expect(empty.body).toBeNull();
  });

  it('can be aborted, and reports connection failures with their code', async () => {
    const fetch = createGotFetch();
    const abort = new AbortController();
    abort.abort();
    await expect(
      fetch(`${origin}/token`, { method: 'GET', signal: abort.signal }),
    ).rejects.toThrow();
    await expect(fetch('http://127.0.0.1:9/', { method: 'GET' })).rejects.toMatchObject({
      code: 'ECONNREFUSED',
    });
  });
});
