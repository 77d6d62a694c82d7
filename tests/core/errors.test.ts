/**
 * Error mapping against real sockets: each failure becomes one ApiError kind with a sentence
 * that says what to do next.
 */
import type { ServerResponse } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { createClient, type ClientOptions } from '../../main/core/api/client';
import type { ApiErrorKind } from '../../main/core/api/errors';
import { probeInstance } from '../../main/core/api/probe';
import {
  opError,
  ROOT,
  sendJson,
  startTinyServer,
  type SeenRequest,
  type TinyServer,
} from './support/tiny-server';
import { apiFailure } from './support/api-failure';

let server: TinyServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function serve(handler: (req: SeenRequest, res: ServerResponse) => void): Promise<string> {
  server = await startTinyServer(handler);
  return server.url;
}

async function restart(handler: (req: SeenRequest, res: ServerResponse) => void): Promise<string> {
  await server?.close();
  return serve(handler);
}

function client(baseUrl: string, options: Partial<ClientOptions> = {}) {
  return createClient({ baseUrl, retries: 0, ...options });
}

const html = (res: ServerResponse, status = 200) => {
  res.writeHead(status, { 'content-type': 'text/html; charset=utf-8' });
  res.end('<!DOCTYPE html><html><body>Welcome to nginx!</body></html>');
};

describe('not an OpenProject', () => {
  it('a web page where the API should be', async () => {
    const url = await serve((_req, res) => html(res));
    const error = await apiFailure(probeInstance(url));
    expect(error.kind).toBe('not-openproject');
    expect(error.message).toContain('web page, not the OpenProject API');
    expect((await apiFailure(client(url).unreadCount())).kind).toBe('not-openproject');
  });

  it('404 on /api/v3 without an OpenProject error body', async () => {
    const url = await serve((_req, res) => html(res, 404));
    const error = await apiFailure(probeInstance(url));
    expect(error).toMatchObject({ kind: 'not-openproject', status: 404 });
    expect(error.message).toContain('Check the URL');
  });

  it('JSON that is not an API root', async () => {
    const url = await serve((req, res) => sendJson(req, res, 200, { status: 'ok', version: 3 }));
    const error = await apiFailure(probeInstance(url));
    expect(error.kind).toBe('not-openproject');
    expect(error.message).toContain(url);
  });
});

describe('unexpected answers', () => {
  it('malformed JSON', async () => {
    const url = await serve((req, res) => sendJson(req, res, 200, '{"total": 3,'));
    const error = await apiFailure(client(url).unreadCount());
    expect(error.kind).toBe('unexpected');
    expect(error.message).toContain('not valid JSON');
  });

  it('a wrong shape names the field', async () => {
    const url = await serve((req, res) =>
      sendJson(req, res, 200, {
        _type: 'Collection',
        total: 1,
        count: 1,
        _embedded: { elements: [{ _type: 'Notification', id: 'seven', readIAN: false }] },
      }),
    );
    const error = await apiFailure(client(url).unreadNotifications());
    expect(error.kind).toBe('unexpected');
    expect(error.message).toContain('field "_embedded.elements[0].id"');
    const count = await apiFailure(
      client(await restart((req, res) => sendJson(req, res, 200, { total: '3' }))).unreadCount(),
    );
    expect(count.message).toContain('field "total" expected number, received string');
  });

  it('an empty 200 where data was expected', async () => {
    const url = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/hal+json' }).end();
    });
    expect((await apiFailure(client(url).me())).kind).toBe('unexpected');
  });
});

describe('OpenProject errors', () => {
  it.each<[number, string, ApiErrorKind, string]>([
    [401, 'Unauthenticated', 'unauthenticated', 'Sign in again'],
    [403, 'MissingPermission', 'forbidden', 'Ask your OpenProject administrator'],
    [403, 'Unauthenticated', 'unauthenticated', 'scope api_v3'],
    [404, 'NotFound', 'not-found', 'deleted'],
    [400, 'InvalidQuery', 'invalid-query', 'Filters Id filter has invalid values'],
    [422, 'MultipleErrors', 'invalid-query', 'rejected the request'],
    [500, 'InternalServerError', 'server', 'Try again later'],
    [415, 'TypeNotSupported', 'unexpected', 'unexpected answer (HTTP 415)'],
  ])('%i %s → %s', async (status, identifier, kind, phrase) => {
    const url = await serve((req, res) =>
      sendJson(req, res, status, opError(identifier, 'Filters Id filter has invalid values.')),
    );
    const error = await apiFailure(
      client(url, { auth: { kind: 'apiKey', token: 'x'.repeat(40) } }).notification(9),
    );
    expect(error).toMatchObject({
      kind,
      status,
      errorIdentifier: `urn:openproject-org:api:v3:errors:${identifier}`,
    });
    expect(error.message).toContain(phrase);
  });

  it('401 without credentials asks to sign in and links the access tokens page', async () => {
    const url = await serve((req, res) =>
      sendJson(req, res, 401, opError('Unauthenticated', 'You need to be authenticated.')),
    );
    const error = await apiFailure(client(`${url}/openproject`).unreadCount());
    expect(error.kind).toBe('unauthenticated');
    expect(error.message).toContain(`${url}/openproject/my/access_tokens`);
  });

  it('a 200 anonymous user from /users/me counts as signed out', async () => {
    const url = await serve((req, res) =>
      sendJson(req, res, 200, { _type: 'User', id: 2, name: 'Anonymous', login: '' }),
    );
    expect((await apiFailure(client(url).me())).kind).toBe('unauthenticated');
  });

  it('429 carries the wait from Retry-After, or from RateLimit-Reset', async () => {
    let headers: Record<string, string> = { 'retry-after': '7' };
    const url = await serve((req, res) =>
      sendJson(req, res, 429, opError('Throttled', 'You have reached the request limit.'), headers),
    );
    const error = await apiFailure(client(url).unreadCount());
    expect(error).toMatchObject({ kind: 'rate-limited', status: 429, retryAfterMs: 7000 });
    expect(error.message).toContain('Try again in 7 seconds');
    headers = { 'ratelimit-limit': '6', 'ratelimit-remaining': '0', 'ratelimit-reset': '3' };
    expect(await apiFailure(client(url).unreadCount())).toMatchObject({ retryAfterMs: 3000 });
  });

  it('5xx is a server error, with the wait when the server gives one', async () => {
    let withWait = true;
    const url = await serve((_req, res) => {
      res.writeHead(503, withWait ? { 'retry-after': '60' } : {});
      res.end('Service Unavailable');
    });
    expect(await apiFailure(client(url).unreadCount())).toMatchObject({
      kind: 'server',
      status: 503,
      retryAfterMs: 60_000,
    });
    withWait = false;
    const error = await apiFailure(client(url).unreadCount());
    expect(error.kind).toBe('server');
    expect(error.retryAfterMs).toBeUndefined();
  });
});

describe('network failures', () => {
  it('a slow answer times out', async () => {
    const url = await serve((req, res) => {
      setTimeout(() => sendJson(req, res, 200, { total: 1 }), 1500);
    });
    const error = await apiFailure(client(url, { timeoutMs: 300 }).unreadCount());
    expect(error.kind).toBe('timeout');
    expect(error.message).toContain('did not answer within 1 second');
  });

  it('a closed port is refused', async () => {
    const url = await serve(() => undefined);
    await server?.close();
    server = undefined;
    const error = await apiFailure(client(url).unreadCount());
    expect(error).toMatchObject({ kind: 'unreachable', code: 'ECONNREFUSED' });
    expect(error.message).toBe(
      `OpenProject at ${url} could not be reached (connection refused). Check the URL and your network.`,
    );
  });

  it('an unknown host name is not found (and not retried for seconds)', async () => {
    const started = Date.now();
    const error = await apiFailure(
      createClient({ baseUrl: 'http://nonexistent.invalid' }).unreadCount(),
    );
    expect(error.kind).toBe('unreachable');
    expect(error.message).toContain('host name');
    expect(Date.now() - started).toBeLessThan(1000);
  });
});

describe('the instance probe', () => {
  it('reads the root: name, version when visible, no user without credentials', async () => {
    const url = await serve((req, res) => {
      if (req.path === '/openproject/api/v3') {
        sendJson(req, res, 200, { ...ROOT, coreVersion: '17.6.0' });
      } else html(res, 404);
    });
    await expect(probeInstance(`  ${url}/openproject/api/v3/ `)).resolves.toEqual({
      baseUrl: `${url}/openproject`,
      instanceName: 'Tiny OpenProject',
      coreVersion: '17.6.0',
      user: null,
    });
  });

  it('an OpenProject that requires sign-in is still an OpenProject', async () => {
    const url = await serve((req, res) =>
      sendJson(req, res, 401, opError('Unauthenticated', 'You need to be authenticated.')),
    );
    await expect(probeInstance(url)).resolves.toEqual({
      baseUrl: url,
      instanceName: 'OpenProject',
      coreVersion: null,
      user: null,
    });
    const error = await apiFailure(
      probeInstance(url, { auth: { kind: 'apiKey', token: 'wrong' } }),
    );
    expect(error.kind).toBe('unauthenticated');
  });

  it('with credentials, names the user from /users/me', async () => {
    const url = await serve((req, res) => {
      if (req.path.endsWith('/users/me')) {
        sendJson(req, res, 200, {
          _type: 'User',
          id: 5,
          name: 'Jane Doe',
          login: 'jane',
          admin: false,
        });
      } else sendJson(req, res, 200, ROOT);
    });
    const info = await probeInstance(url, { auth: { kind: 'apiKey', token: 'opapi-x' } });
    expect(info).toMatchObject({
      instanceName: 'Tiny OpenProject',
      coreVersion: null,
      user: { id: 5, name: 'Jane Doe' },
    });
  });
});
