/**
 * GET /api/v3/notifications: paging, page sizes, order, filters (and bad ones), sort, groups,
 * links and the element shape.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Simulator } from './index';
import {
  getJson,
  idOf,
  notificationList,
  q,
  start,
  UNREAD,
  type HalCollection,
} from './test-helpers';

let sim: Simulator;
beforeAll(async () => {
  sim = await start();
});
afterAll(() => sim.stop());

const all = () => sim.control.notifications();

describe('paging', () => {
  it('offset is a page number and pageSize defaults to 20', async () => {
    const first = await notificationList(sim, '');
    expect(first.pageSize).toBe(20);
    expect(first.offset).toBe(1);
    expect(first.count).toBe(20);
    expect(first.total).toBe(all().length);
    const second = await notificationList(sim, 'offset=2');
    expect(second.offset).toBe(2);
    expect(second._embedded.elements[0]?.id).toBe(all()[20]?.id);
    expect(second._embedded.elements.map((n) => n.id)).toEqual(
      all()
        .slice(20, 40)
        .map((n) => n.id),
    );
  });

  it('pageSize 0 answers only the total; -1 and values above 1000 mean 1000', async () => {
    const countOnly = await notificationList(sim, `pageSize=0&filters=${UNREAD}`);
    expect(countOnly.total).toBe(sim.control.unreadCount());
    expect(countOnly.count).toBe(0);
    expect(countOnly._embedded.elements).toEqual([]);
    for (const size of ['-1', '5000']) {
      const big = await notificationList(sim, `pageSize=${size}`);
      expect(big.pageSize).toBe(1000);
      expect(big.count).toBe(Math.min(1000, all().length));
    }
  });

  it('links: self, templated jumpTo/changeSize, next only while more, previous after page 1', async () => {
    const total = all().length;
    const last = Math.ceil(total / 100);
    const page1 = await notificationList(sim, 'pageSize=100');
    expect(page1._links.jumpTo).toMatchObject({ templated: true });
    expect(page1._links.jumpTo?.href).toContain('offset=%7Boffset%7D');
    expect(page1._links.changeSize?.href).toContain('pageSize=%7Bsize%7D');
    expect(page1._links.self?.href).toMatch(
      /^\/api\/v3\/notifications\?filters=%5B%5D&offset=1&pageSize=100$/,
    );
    expect(page1._links.nextByOffset?.href).toContain('offset=2');
    expect(page1._links.previousByOffset).toBeUndefined();
    const end = await notificationList(sim, `pageSize=100&offset=${last}`);
    expect(end._links.nextByOffset).toBeUndefined();
    expect(end._links.previousByOffset?.href).toContain(`offset=${last - 1}`);
    const beyond = await notificationList(sim, `pageSize=100&offset=${last + 5}`);
    expect(beyond.count).toBe(0);
    expect(beyond.total).toBe(total);
  });
});

describe('order', () => {
  it('is newest first (id descending) by default', async () => {
    const ids = (await notificationList(sim, 'pageSize=1000'))._embedded.elements.map((n) => n.id);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
  });

  it('sortBy updatedAt desc, reason asc (enum order), readIAN', async () => {
    const byUpdate = await notificationList(
      sim,
      `pageSize=1000&sortBy=${q([['updatedAt', 'desc']])}`,
    );
    const times = byUpdate._embedded.elements.map((n) => Date.parse(n.updatedAt));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    const byReason = await notificationList(sim, `pageSize=1000&sortBy=${q([['reason', 'asc']])}`);
    expect(byReason._embedded.elements[0]?.reason).toBe('mentioned');
    expect(byReason._embedded.elements.at(-1)?.reason).toBe('reminder');
    const byRead = await notificationList(sim, `pageSize=1000&sortBy=${q([['readIAN', 'asc']])}`);
    expect(byRead._embedded.elements[0]?.readIAN).toBe(false);
    expect(byRead._embedded.elements.at(-1)?.readIAN).toBe(true);
  });

  it('an unknown sort key or direction is a 400 InvalidQuery', async () => {
    for (const sortBy of [[['subject', 'asc']], [['id', 'up']], 'not json']) {
      const body = await getJson(sim, `/api/v3/notifications?sortBy=${q(sortBy)}`, { status: 400 });
      expect(body.errorIdentifier).toBe('urn:openproject-org:api:v3:errors:InvalidQuery');
    }
  });
});

describe('filters', () => {
  it('readIAN = f / = t / ! t', async () => {
    const unread = await notificationList(sim, `pageSize=1000&filters=${UNREAD}`);
    expect(unread.total).toBe(sim.control.unreadCount());
    expect(unread._embedded.elements.every((n) => !n.readIAN)).toBe(true);
    const read = await notificationList(
      sim,
      `pageSize=0&filters=${q([{ readIAN: { operator: '=', values: ['t'] } }])}`,
    );
    expect(read.total + unread.total).toBe(all().length);
    const notRead = await notificationList(
      sim,
      `pageSize=0&filters=${q([{ readIAN: { operator: '!', values: ['t'] } }])}`,
    );
    expect(notRead.total).toBe(unread.total);
  });

  it('id, reason, resourceId, resourceType and project, alone and combined', async () => {
    const [a, b] = all();
    const byId = await notificationList(
      sim,
      `filters=${q([{ id: { operator: '=', values: [String(a?.id), String(b?.id)] } }])}`,
    );
    expect(byId._embedded.elements.map((n) => n.id)).toEqual([a?.id, b?.id]);
    const notId = await notificationList(
      sim,
      `pageSize=0&filters=${q([{ id: { operator: '!', values: [String(a?.id)] } }])}`,
    );
    expect(notId.total).toBe(all().length - 1);

    const mentions = await notificationList(
      sim,
      `pageSize=1000&filters=${q([{ reason: { operator: '=', values: ['mentioned', 'dateAlert'] } }])}`,
    );
    expect(mentions.total).toBe(
      all().filter((n) => n.reason === 'mentioned' || n.reason === 'dateAlert').length,
    );
    expect(new Set(mentions._embedded.elements.map((n) => n.reason))).toEqual(
      new Set(['mentioned', 'dateAlert']),
    );

    const wp = a?.workPackageId ?? 0;
    const forWp = await notificationList(
      sim,
      `pageSize=1000&filters=${q([
        { readIAN: { operator: '=', values: ['f'] } },
        { resourceId: { operator: '=', values: [String(wp)] } },
        { resourceType: { operator: '=', values: ['WorkPackage'] } },
      ])}`,
    );
    expect(forWp.total).toBe(all().filter((n) => n.workPackageId === wp && !n.readIAN).length);
    expect(forWp._embedded.elements.every((n) => idOf(n._links.resource?.href) === wp)).toBe(true);

    const project = a?.projectId ?? 0;
    const inProject = await notificationList(
      sim,
      `pageSize=0&filters=${q([{ project: { operator: '=', values: [String(project)] } }])}`,
    );
    expect(inProject.total).toBe(all().filter((n) => n.projectId === project).length);
    const elsewhere = await notificationList(
      sim,
      `pageSize=0&filters=${q([{ project: { operator: '!', values: [String(project)] } }])}`,
    );
    expect(inProject.total + elsewhere.total).toBe(all().length);
  });

  it('accepts the snake_case spelling of filter names', async () => {
    const body = await notificationList(
      sim,
      `pageSize=0&filters=${q([{ read_ian: { operator: '=', values: ['f'] } }])}`,
    );
    expect(body.total).toBe(sim.control.unreadCount());
  });

  it.each([
    ['an unknown filter', [{ bogus: { operator: '=', values: ['1'] } }]],
    ['a bad operator', [{ readIAN: { operator: '~', values: ['f'] } }]],
    ['two readIAN values', [{ readIAN: { operator: '=', values: ['t', 'f'] } }]],
    ['a readIAN value that is not t/f', [{ readIAN: { operator: '=', values: ['false'] } }]],
    ['an unknown reason', [{ reason: { operator: '=', values: ['poked'] } }]],
    ['another user’s notification id', [{ id: { operator: '=', values: ['999999'] } }]],
    [
      'a resourceType other than WorkPackage',
      [{ resourceType: { operator: '=', values: ['Meeting'] } }],
    ],
    ['a project that does not exist', [{ project: { operator: '=', values: ['424242'] } }]],
    ['no values', [{ reason: { operator: '=', values: [] } }]],
  ])('%s is a 400 InvalidQuery', async (_name, filters) => {
    const body = await getJson(sim, `/api/v3/notifications?filters=${q(filters)}`, { status: 400 });
    expect(body).toMatchObject({
      _type: 'Error',
      errorIdentifier: 'urn:openproject-org:api:v3:errors:InvalidQuery',
    });
    expect(typeof body.message).toBe('string');
  });

  it('malformed filter JSON is a 400 InvalidQuery; several errors are a 422 MultipleErrors', async () => {
    const malformed = await getJson(
      sim,
      `/api/v3/notifications?filters=${encodeURIComponent('[{"readIAN":')}`,
      { status: 400 },
    );
    expect(malformed.errorIdentifier).toBe('urn:openproject-org:api:v3:errors:InvalidQuery');
    const several = await getJson(
      sim,
      `/api/v3/notifications?filters=${q([{ a: { operator: '=', values: ['1'] } }, { b: { operator: '=', values: ['1'] } }])}`,
      { status: 422 },
    );
    expect(several.errorIdentifier).toBe('urn:openproject-org:api:v3:errors:MultipleErrors');
  });

  it('dateAlert is refused as a reason value without the Enterprise feature', async () => {
    const community = await start({ dateAlertsFeature: false });
    try {
      const body = await getJson(
        community,
        `/api/v3/notifications?filters=${q([{ reason: { operator: '=', values: ['dateAlert'] } }])}`,
        { status: 400 },
      );
      expect(body.errorIdentifier).toContain('InvalidQuery');
    } finally {
      await community.stop();
    }
  });
});

describe('groupBy', () => {
  it('reason and project count every matching notification', async () => {
    const byReason = await notificationList(sim, `pageSize=1&groupBy=reason&filters=${UNREAD}`);
    const counts = Object.fromEntries((byReason.groups ?? []).map((g) => [g.value, g.count]));
    const expected: Record<string, number> = {};
    for (const n of all().filter((x) => !x.readIAN))
      expected[n.reason] = (expected[n.reason] ?? 0) + 1;
    expect(counts).toEqual(expected);
    const byProject = await notificationList(sim, 'pageSize=1&groupBy=project');
    expect((byProject.groups ?? []).reduce((sum, g) => sum + g.count, 0)).toBe(all().length);
    expect(byProject.groups?.[0]).toMatchObject({
      _links: {
        valueLink: [{ href: expect.stringMatching(/^\/api\/v3\/projects\/\d+$/) as unknown }],
      },
    });
  });

  it('another groupBy is a 400, none gives no groups', async () => {
    await getJson(sim, '/api/v3/notifications?groupBy=actor', { status: 400 });
    expect((await notificationList(sim, 'pageSize=1')).groups).toBeUndefined();
  });
});

describe('elements', () => {
  it('carry titled links but no embedded resources, and always _embedded.details', async () => {
    const page = await notificationList(sim, 'pageSize=1000');
    for (const n of page._embedded.elements) {
      expect(Object.keys(n._embedded)).toEqual(['details']);
      expect(n._links.self?.href).toBe(`/api/v3/notifications/${n.id}`);
      expect(n._links.project?.title).toEqual(expect.any(String));
      expect(n._links.resource?.href).toMatch(/^\/api\/v3\/work_packages\/\d+$/);
      expect(n._links.resource?.title).toEqual(expect.any(String));
      expect(n.createdAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
      if (n._links.actor) expect(n._links.actor.title).toEqual(expect.any(String));
    }
  });

  it('link readIAN only when unread and unreadIAN only when read', async () => {
    const page = await notificationList(sim, 'pageSize=1000');
    const unread = page._embedded.elements.find((n) => !n.readIAN);
    const read = page._embedded.elements.find((n) => n.readIAN);
    expect(unread?._links.readIAN).toEqual({
      href: `/api/v3/notifications/${unread?.id}/read_ian`,
      method: 'post',
    });
    expect(unread?._links.unreadIAN).toBeUndefined();
    expect(read?._links.unreadIAN).toEqual({
      href: `/api/v3/notifications/${read?.id}/unread_ian`,
      method: 'post',
    });
    expect(read?._links.readIAN).toBeUndefined();
  });

  it('detailsSchemas appear only when a listed element has details', async () => {
    const alerts = await notificationList(
      sim,
      `filters=${q([{ reason: { operator: '=', values: ['dateAlert'] } }])}`,
    );
    expect(alerts._embedded.detailsSchemas?.length).toBeGreaterThan(0);
    const mentions = await notificationList(
      sim,
      `filters=${q([{ reason: { operator: '=', values: ['mentioned'] } }])}`,
    );
    expect(mentions._embedded.detailsSchemas).toBeUndefined();
  });

  it('select=total answers just the total', async () => {
    const body = await getJson<Partial<HalCollection>>(
      sim,
      `/api/v3/notifications?select=total&filters=${UNREAD}`,
    );
    expect(body).toEqual({ total: sim.control.unreadCount() });
  });
});
