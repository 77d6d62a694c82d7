/**
 * What the client puts on the wire, checked with a tiny real HTTP server: paths under a
 * sub-path, headers, credentials, filters as URL-encoded JSON, the body of writes.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createClient } from '../../main/core/api/client';
import { ApiError } from '../../main/core/api/errors';
import { USER_AGENT } from '../../main/core/version';
import { opError, sendJson, startTinyServer, type TinyServer } from './support/tiny-server';

let server: TinyServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const collection = (total: number, elements: unknown[] = []) => ({
  _type: 'Collection',
  total,
  count: elements.length,
  _embedded: { elements },
});

describe('requests on the wire', () => {
  it('goes under the sub-path with HAL, gzip and our User-Agent, and reads the unread count', async () => {
    server = await startTinyServer((req, res) => sendJson(req, res, 200, collection(17)));
    const client = createClient({ baseUrl: `${server.url}/openproject/` });
    expect(client.baseUrl).toBe(`${server.url}/openproject`);

    await expect(client.unreadCount()).resolves.toBe(17);

    const [req] = server.requests;
    expect(req?.method).toBe('GET');
    expect(req?.path).toBe('/openproject/api/v3/notifications');
    expect(req?.query.get('pageSize')).toBe('0');
    expect(JSON.parse(req?.query.get('filters') ?? '')).toEqual([
      { readIAN: { operator: '=', values: ['f'] } },
    ]);
    expect(req?.url).toContain('filters=%5B%7B%22readIAN%22');
    expect(req?.headers.accept).toBe('application/hal+json');
    expect(req?.headers['user-agent']).toBe(USER_AGENT);
    expect(req?.headers['accept-encoding']).toContain('gzip');
    expect(req?.headers.authorization).toBeUndefined();
  });

  it('sends an opapi- token as Bearer and an older token as Basic apikey', async () => {
    server = await startTinyServer((req, res) => sendJson(req, res, 200, collection(0)));
    const modern = 'opapi-' + 'a'.repeat(64);
    const legacy = 'b'.repeat(40);
    await createClient({
      baseUrl: server.url,
      auth: { kind: 'apiKey', token: modern },
    }).unreadCount();
    await createClient({
      baseUrl: server.url,
      auth: { kind: 'apiKey', token: ` ${legacy}\n` },
    }).unreadCount();

    expect(server.requests[0]?.headers.authorization).toBe(`Bearer ${modern}`);
    expect(server.requests[1]?.headers.authorization).toBe(
      `Basic ${Buffer.from(`apikey:${legacy}`).toString('base64')}`,
    );
  });

  it('asks the Bearer getter for every request, so a refreshed token is used', async () => {
    server = await startTinyServer((req, res) => sendJson(req, res, 200, collection(0)));
    let token = 'first';
    const client = createClient({
      baseUrl: server.url,
      auth: { kind: 'bearer', getToken: () => Promise.resolve(token) },
    });
    await client.unreadCount();
    token = 'second';
    await client.unreadCount();
    expect(server.requests.map((r) => r.headers.authorization)).toEqual([
      'Bearer first',
      'Bearer second',
    ]);
  });

  it('on 401 lets the sign-in refresh once and repeats the request once', async () => {
    server = await startTinyServer((req, res) => {
      if (req.headers.authorization === 'Bearer fresh') sendJson(req, res, 200, collection(3));
      else
        sendJson(
          req,
          res,
          401,
          opError('Unauthenticated', 'You did not provide the correct credentials.'),
        );
    });
    let token = 'expired';
    let refreshes = 0;
    const client = createClient({
      baseUrl: server.url,
      auth: { kind: 'bearer', getToken: () => Promise.resolve(token) },
      onUnauthorized: () => {
        refreshes += 1;
        token = 'fresh';
        return Promise.resolve(true);
      },
    });
    await expect(client.unreadCount()).resolves.toBe(3);
    expect(refreshes).toBe(1);
    expect(server.requests.map((r) => r.headers.authorization)).toEqual([
      'Bearer expired',
      'Bearer fresh',
    ]);
  });

  it('gives up after one refresh when the server still says 401, or when the refresh declines', async () => {
    server = await startTinyServer((req, res) =>
      sendJson(
        req,
        res,
        401,
        opError('Unauthenticated', 'You did not provide the correct credentials.'),
      ),
    );
    let refreshes = 0;
    const retrying = createClient({
      baseUrl: server.url,
      auth: { kind: 'bearer', getToken: () => Promise.resolve('revoked') },
      onUnauthorized: () => Promise.resolve(++refreshes > 0),
    });
    await expect(retrying.unreadCount()).rejects.toMatchObject({
      kind: 'unauthenticated',
      status: 401,
    });
    expect(refreshes).toBe(1);
    expect(server.requests).toHaveLength(2);

    const declining = createClient({
      baseUrl: server.url,
      auth: { kind: 'bearer', getToken: () => Promise.resolve('revoked') },
      onUnauthorized: () => Promise.resolve(false),
    });
    await expect(declining.unreadCount()).rejects.toMatchObject({ kind: 'unauthenticated' });
    expect(server.requests).toHaveLength(3);
  });

  it('asks for the snapshot with one small request: pageSize 1, newest updatedAt first', async () => {
    server = await startTinyServer((req, res) =>
      sendJson(
        req,
        res,
        200,
        collection(500, [
          {
            _type: 'Notification',
            id: 77,
            readIAN: false,
            reason: 'assigned',
            createdAt: '2026-06-01T09:00:00.000Z',
            updatedAt: '2026-06-01T10:00:00.000Z',
            _embedded: { details: [] },
            _links: { resource: { href: '/api/v3/work_packages/1', title: 'x' } },
          },
        ]),
      ),
    );
    const client = createClient({ baseUrl: server.url });
    await expect(client.unreadSnapshot()).resolves.toEqual({
      total: 500,
      newest: { id: 77, updatedAt: '2026-06-01T10:00:00.000Z' },
    });
    const [req] = server.requests;
    expect(server.requests).toHaveLength(1);
    expect(req?.query.get('pageSize')).toBe('1');
    expect(JSON.parse(req?.query.get('sortBy') ?? '')).toEqual([['updatedAt', 'desc']]);
    expect(JSON.parse(req?.query.get('filters') ?? '')).toEqual([
      { readIAN: { operator: '=', values: ['f'] } },
    ]);
  });

  it('searches text with the typeahead filter, server-side paging and a small select', async () => {
    server = await startTinyServer((req, res) => sendJson(req, res, 200, collection(0)));
    const client = createClient({ baseUrl: `${server.url}/openproject` });
    const text = 'login "bug" ]}';
    await expect(client.search(`  ${text} `, { offset: 3, pageSize: 5 })).resolves.toEqual({
      total: 0,
      results: [],
    });
    const [req] = server.requests;
    expect(req?.path).toBe('/openproject/api/v3/work_packages');
    expect(JSON.parse(req?.query.get('filters') ?? '')).toEqual([
      { typeahead: { operator: '**', values: [text] } },
    ]);
    expect(JSON.parse(req?.query.get('sortBy') ?? '')).toEqual([['updatedAt', 'desc']]);
    expect(req?.query.get('offset')).toBe('3');
    expect(req?.query.get('pageSize')).toBe('5');
    expect(req?.query.get('select')?.split(',')).toEqual([
      'total',
      'count',
      'elements/id',
      'elements/displayId',
      'elements/subject',
      'elements/self',
      'elements/project',
      'elements/status',
      'elements/type',
      'elements/assignee',
    ]);
  });

  it('does not ask the server for an empty search', async () => {
    server = await startTinyServer((req, res) => sendJson(req, res, 200, collection(0)));
    await expect(createClient({ baseUrl: server.url }).search('   ')).resolves.toEqual({
      total: 0,
      results: [],
    });
    expect(server.requests).toHaveLength(0);
  });

  it('goes straight to the work package for #123, and finds nothing (no error) when it does not exist', async () => {
    server = await startTinyServer((req, res) => {
      if (req.path.endsWith('/work_packages/123')) {
        sendJson(req, res, 200, {
          _type: 'WorkPackage',
          id: 123,
          subject: 'Found',
          updatedAt: '2026-06-01T10:00:00.000Z',
          _links: {},
        });
      } else {
        sendJson(req, res, 404, opError('NotFound', 'The requested resource could not be found.'));
      }
    });
    const client = createClient({ baseUrl: server.url });
    const page = await client.search('#123');
    expect(page.total).toBe(1);
    expect(page.results[0]).toMatchObject({
      id: 123,
      subject: 'Found',
      url: `${server.url}/work_packages/123`,
    });
    await expect(client.search('124')).resolves.toEqual({ total: 0, results: [] });
    expect(server.requests.map((r) => r.path)).toEqual([
      '/api/v3/work_packages/123',
      '/api/v3/work_packages/124',
    ]);
    await expect(client.workPackage(124)).rejects.toMatchObject({ kind: 'not-found' });
  });

  it('never puts the token into an error, its message or its printed form', async () => {
    server = await startTinyServer((req, res) =>
      sendJson(
        req,
        res,
        401,
        opError('Unauthenticated', 'You did not provide the correct credentials.'),
      ),
    );
    const token = 'opapi-' + 'c'.repeat(64);
    const legacy = 'd'.repeat(40);
    for (const t of [token, legacy]) {
      const client = createClient({ baseUrl: server.url, auth: { kind: 'apiKey', token: t } });
      const error = await client.me().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ApiError);
      const { inspect } = await import('node:util');
      const printed = `${String(error)} ${JSON.stringify(error)} ${inspect(error, { depth: 10 })}`;
      expect(printed).not.toContain(t);
      expect(printed).not.toContain(Buffer.from(`apikey:${t}`).toString('base64'));
    }
  });
});
