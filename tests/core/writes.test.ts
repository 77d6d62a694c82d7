/**
 * Marking read on the wire: the bulk read_ian call, its fallback, batching, and pagination of
 * the unread list — against a tiny real HTTP server.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createClient, MARK_READ_BATCH } from '../../main/core/api/client';
import {
  opError,
  sendJson,
  startTinyServer,
  type SeenRequest,
  type TinyServer,
} from './support/tiny-server';

let server: TinyServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const idsOf = (req: SeenRequest | undefined): string[] => {
  const filters = JSON.parse(req?.query.get('filters') ?? '[]') as {
    id?: { values: string[] };
  }[];
  return filters.find((f) => f.id)?.id?.values ?? [];
};

function notification(id: number, wp = 1) {
  return {
    _type: 'Notification',
    id,
    readIAN: false,
    reason: 'mentioned',
    createdAt: '2026-06-01T09:00:00.000Z',
    updatedAt: new Date(Date.UTC(2026, 5, 1) + id * 1000).toISOString(),
    _embedded: { details: [] },
    _links: {
      actor: { href: '/api/v3/users/5', title: 'Jane' },
      project: { href: '/api/v3/projects/3', title: 'Demo' },
      resource: { href: `/api/v3/work_packages/${wp}`, title: `WP ${wp}` },
    },
  };
}

describe('marking read', () => {
  it('marks a list with one bulk POST read_ian: id filter, JSON content type, empty body (the spec has none)', async () => {
    server = await startTinyServer((_req, res) => {
      res.writeHead(204).end();
    });
    await createClient({ baseUrl: `${server.url}/openproject` }).markRead([3, 1, 3, 2]);
    const [req] = server.requests;
    expect(server.requests).toHaveLength(1);
    expect(req?.method).toBe('POST');
    expect(req?.path).toBe('/openproject/api/v3/notifications/read_ian');
    expect(req?.headers['content-type']).toMatch(/^application\/json/);
    expect(req?.body).toBe('');
    expect(JSON.parse(req?.query.get('filters') ?? '')).toEqual([
      { id: { operator: '=', values: ['3', '1', '2'] } },
    ]);
  });

  it('sends nothing for an empty list (an empty filter would mark everything read)', async () => {
    server = await startTinyServer((_req, res) => {
      res.writeHead(204).end();
    });
    await createClient({ baseUrl: server.url }).markRead([]);
    await createClient({ baseUrl: server.url }).markRead([0, -1, 1.5]);
    expect(server.requests).toHaveLength(0);
  });

  it(`splits long lists into batches of ${MARK_READ_BATCH}`, async () => {
    server = await startTinyServer((_req, res) => {
      res.writeHead(204).end();
    });
    const ids = Array.from({ length: MARK_READ_BATCH + 5 }, (_, i) => i + 1);
    await createClient({ baseUrl: server.url }).markRead(ids);
    expect(server.requests.map((r) => idsOf(r).length)).toEqual([MARK_READ_BATCH, 5]);
  });

  it('falls back to one by one when the bulk call fails because one was deleted, ignoring its 404', async () => {
    const existing = new Set([1, 3]);
    server = await startTinyServer((req, res) => {
      if (req.path.endsWith('/notifications/read_ian')) {
        const ok = idsOf(req).every((id) => existing.has(Number(id)));
        if (ok) res.writeHead(204).end();
        else
          sendJson(req, res, 400, opError('InvalidQuery', 'Filters ID filter has invalid values.'));
        return;
      }
      const id = Number(/notifications\/(\d+)\/read_ian$/.exec(req.path)?.[1]);
      if (existing.has(id)) res.writeHead(204).end();
      else
        sendJson(req, res, 404, opError('NotFound', 'The requested resource could not be found.'));
    });
    await createClient({ baseUrl: server.url }).markRead([1, 2, 3]);
    expect(server.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      'POST /api/v3/notifications/read_ian',
      'POST /api/v3/notifications/1/read_ian',
      'POST /api/v3/notifications/2/read_ian',
      'POST /api/v3/notifications/3/read_ian',
    ]);
    expect(server.requests.every((r) => r.body === '')).toBe(true);
  });

  it('marks one work package (resource + unread filters) and everything (unread filter)', async () => {
    server = await startTinyServer((_req, res) => {
      res.writeHead(204).end();
    });
    const client = createClient({ baseUrl: server.url });
    await client.markWorkPackageRead(42);
    await client.markAllRead();
    const [one, all] = server.requests.map(
      (r) => JSON.parse(r.query.get('filters') ?? '') as unknown,
    );
    expect(one).toEqual([
      { readIAN: { operator: '=', values: ['f'] } },
      { resourceId: { operator: '=', values: ['42'] } },
      { resourceType: { operator: '=', values: ['WorkPackage'] } },
    ]);
    expect(all).toEqual([{ readIAN: { operator: '=', values: ['f'] } }]);
  });

  it('does not retry a POST that failed with 503 (it may have been applied)', async () => {
    server = await startTinyServer((req, res) =>
      sendJson(req, res, 503, opError('InternalServerError', 'down'), { 'retry-after': '0' }),
    );
    await expect(createClient({ baseUrl: server.url }).markAllRead()).rejects.toMatchObject({
      kind: 'server',
      status: 503,
    });
    expect(server.requests).toHaveLength(1);
  });
});

describe('the full unread list', () => {
  it('fetches every page (pageSize 1000, or less when the server caps it) and stops on total', async () => {
    const all = Array.from({ length: 250 }, (_, i) => notification(i + 1, (i % 7) + 1));
    server = await startTinyServer((req, res) => {
      const pageSize = Math.min(100, Number(req.query.get('pageSize')));
      const offset = Number(req.query.get('offset') ?? '1');
      const sorted = [...all].sort((a, b) => b.id - a.id);
      const elements = sorted.slice((offset - 1) * pageSize, offset * pageSize);
      sendJson(req, res, 200, {
        _type: 'Collection',
        total: all.length,
        count: elements.length,
        pageSize,
        offset,
        _embedded: { elements },
      });
    });
    const client = createClient({ baseUrl: server.url });
    const items = await client.unreadNotifications();
    expect(items).toHaveLength(250);
    expect(new Set(items.map((i) => i.id)).size).toBe(250);
    expect(items[0]?.id).toBe(250);
    expect(server.requests.map((r) => r.query.get('offset'))).toEqual(['1', '2', '3']);
    expect(server.requests[0]?.query.get('pageSize')).toBe('1000');

    const groups = await client.unreadGroups();
    expect(groups).toHaveLength(7);
    expect(groups.reduce((sum, g) => sum + g.count, 0)).toBe(250);
  });
});
