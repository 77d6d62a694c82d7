/**
 * GET /api/v3/work_packages (default open filter, typeahead/subjectOrId/search, id, status,
 * sort, select, paging) and GET /api/v3/work_packages/{id}.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Simulator } from './index';
import { getJson, q, start, type HalCollection, type HalLink } from './test-helpers';

interface HalWorkPackage {
  _type: string;
  id: number;
  subject: string;
  displayId?: string;
  updatedAt: string;
  _links: Record<string, HalLink>;
  _embedded?: Record<string, { name?: string }>;
}

let sim: Simulator;
beforeAll(async () => {
  sim = await start();
});
afterAll(() => sim.stop());

const list = (query: string) =>
  getJson<HalCollection<HalWorkPackage>>(sim, `/api/v3/work_packages?${query}`);
const typeahead = (term: string) => q([{ typeahead: { operator: '**', values: [term] } }]);
const wps = () => sim.control.workPackages();

describe('filters', () => {
  it('without filters only open work packages are listed; filters=[] lists all', async () => {
    const open = await list('pageSize=1000');
    expect(open.total).toBe(wps().filter((wp) => !wp.isClosed).length);
    expect(open.total).toBeLessThan(wps().length);
    const everything = await list(`pageSize=0&filters=${q([])}`);
    expect(everything.total).toBe(wps().length);
    const closed = await list(
      `pageSize=0&filters=${q([{ status: { operator: 'c', values: [] } }])}`,
    );
    expect(closed.total + open.total).toBe(wps().length);
  });

  it('typeahead ANDs whitespace-separated parts over subject, project, type, status and id', async () => {
    const hits = await list(`pageSize=100&filters=${typeahead('launch CHECKLIST')}`);
    expect(hits._embedded.elements.map((wp) => wp.subject)).toContain(
      '🚀 Launch checklist for release 2.0',
    );
    expect(
      hits._embedded.elements.every(
        (wp) => /launch/i.test(wp.subject) && /checklist/i.test(wp.subject),
      ),
    ).toBe(true);

    const byProjectAndType = await list(`pageSize=1000&filters=${typeahead('mobile bug')}`);
    for (const wp of byProjectAndType._embedded.elements) {
      const full = await getJson<HalWorkPackage>(sim, `/api/v3/work_packages/${wp.id}`);
      const haystack =
        `${full.subject} ${full._links.project?.title} ${full._links.type?.title} ${full._links.status?.title}`.toLowerCase();
      expect(haystack).toContain('mobile');
      expect(haystack).toContain('bug');
    }
    expect(byProjectAndType.total).toBeGreaterThan(0);

    const anyStatus = { status: { operator: '*', values: [] } };
    const byId = await list(
      `pageSize=1000&filters=${q([{ typeahead: { operator: '**', values: ['#42'] } }, anyStatus])}`,
    );
    expect(byId._embedded.elements.map((wp) => wp.id)).toContain(42);
    expect(byId._embedded.elements.every((wp) => String(wp.id).includes('42'))).toBe(true);

    const nothing = await list(`filters=${typeahead('zzzz-nothing-matches')}`);
    expect(nothing.total).toBe(0);
  });

  it('subjectOrId and search', async () => {
    const byId = await list(
      `pageSize=1000&filters=${q([{ subjectOrId: { operator: '**', values: ['#7'] } }, { status: { operator: '*', values: [] } }])}`,
    );
    expect(byId._embedded.elements.map((wp) => wp.id)).toContain(7);
    expect(byId._embedded.elements.every((wp) => wp.id === 7 || wp.subject.includes('#7'))).toBe(
      true,
    );
    const bySubject = await list(
      `filters=${q([{ subjectOrId: { operator: '**', values: ['übersetzung'] } }, { status: { operator: '*', values: [] } }])}`,
    );
    expect(bySubject._embedded.elements.map((wp) => wp.subject)).toContain(
      'Übersetzung der Hilfeseiten ins Deutsche aktualisieren',
    );
    const inComments = await list(
      `pageSize=0&filters=${q([{ search: { operator: '**', values: ['@Jane Doe'] } }, { status: { operator: '*', values: [] } }])}`,
    );
    expect(inComments.total).toBeGreaterThan(0);
  });

  it('id with = lists exactly those; assignee me', async () => {
    // Any filter array replaces the default open filter: closed ones are listed too.
    expect(
      wps()
        .filter((wp) => wp.id <= 3)
        .some((wp) => wp.isClosed),
    ).toBe(true);
    const byIds = await list(
      `filters=${q([{ id: { operator: '=', values: ['1', '2', '3'] } }])}&sortBy=${q([['id', 'asc']])}`,
    );
    expect(byIds._embedded.elements.map((wp) => wp.id)).toEqual([1, 2, 3]);
    const notThese = await list(
      `pageSize=0&filters=${q([{ id: { operator: '!', values: ['1', '2', '3'] } }])}`,
    );
    expect(notThese.total).toBe(wps().length - 3);
    const mine = await list(
      `pageSize=1000&filters=${q([{ assignee: { operator: '=', values: ['me'] } }])}`,
    );
    expect(mine.total).toBeGreaterThan(0);
    expect(mine._embedded.elements.every((wp) => wp._links.assignee?.title === 'Jane Doe')).toBe(
      true,
    );
  });

  it.each([
    ['an unknown filter', [{ colour: { operator: '=', values: ['red'] } }]],
    ['a bad operator', [{ typeahead: { operator: '=', values: ['x'] } }]],
    ['a non-numeric id', [{ id: { operator: '=', values: ['abc'] } }]],
    ['an empty typeahead', [{ typeahead: { operator: '**', values: [] } }]],
  ])('%s is a 400 InvalidQuery', async (_name, filters) => {
    const body = await getJson(sim, `/api/v3/work_packages?filters=${q(filters)}`, { status: 400 });
    expect(body.errorIdentifier).toBe('urn:openproject-org:api:v3:errors:InvalidQuery');
  });
});

describe('sort, paging, select', () => {
  it('sortBy updatedAt desc, default id asc, paging by page number', async () => {
    const recent = await list(`pageSize=1000&sortBy=${q([['updatedAt', 'desc']])}`);
    const times = recent._embedded.elements.map((wp) => Date.parse(wp.updatedAt));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    const byDefault = await list('pageSize=1000');
    const ids = byDefault._embedded.elements.map((wp) => wp.id);
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    const page2 = await list('pageSize=10&offset=2');
    expect(page2._embedded.elements.map((wp) => wp.id)).toEqual(ids.slice(10, 20));
    expect(page2._links.previousByOffset?.href).toContain('offset=1');
  });

  it('select returns only the asked-for properties (links with titles, an empty assignee as href null)', async () => {
    const select =
      'total,count,elements/id,elements/subject,elements/self,elements/project,elements/status,elements/type,elements/assignee';
    const body = await getJson<Record<string, unknown>>(
      sim,
      `/api/v3/work_packages?filters=${q([])}&pageSize=1000&select=${select}`,
    );
    expect(Object.keys(body).sort()).toEqual(['_embedded', 'count', 'total']);
    const elements = (body._embedded as { elements: Record<string, unknown>[] }).elements;
    expect(elements).toHaveLength(body.count as number);
    for (const el of elements) {
      expect(Object.keys(el).sort()).toEqual(['_links', 'id', 'subject']);
      const links = el._links as Record<string, HalLink>;
      expect(Object.keys(links).sort()).toEqual(['assignee', 'project', 'self', 'status', 'type']);
      expect(links.self).toEqual({
        href: `/api/v3/work_packages/${String(el.id)}`,
        title: el.subject,
      });
      expect(links.status?.title).toEqual(expect.any(String));
    }
    expect(
      elements.some((el) => (el._links as Record<string, HalLink>).assignee?.href === null),
    ).toBe(true);
    expect(await getJson(sim, '/api/v3/work_packages?select=total')).toEqual({
      total: wps().filter((wp) => !wp.isClosed).length,
    });
  });

  it('without select, full resources and a schemas collection', async () => {
    const body = await list('pageSize=2');
    expect(body._embedded.elements[0]).toMatchObject({
      _type: 'WorkPackage',
      _links: { schema: expect.anything() as unknown },
    });
    expect((body._embedded as unknown as { schemas: { _type: string } }).schemas._type).toBe(
      'Collection',
    );
  });
});

describe('GET /api/v3/work_packages/{id}', () => {
  it('embeds type, status, project and the people; unknown ids are 404', async () => {
    const wp = await getJson<HalWorkPackage>(sim, '/api/v3/work_packages/3');
    expect(wp).toMatchObject({
      _type: 'WorkPackage',
      id: 3,
      subject: '🚀 Launch checklist for release 2.0',
    });
    expect(wp._embedded?.type?.name).toEqual(expect.any(String));
    expect(wp._embedded?.status?.name).toEqual(expect.any(String));
    expect(wp._embedded?.project?.name).toEqual(expect.any(String));
    for (const key of ['status', 'type', 'project', 'priority']) {
      await getJson(sim, wp._links[key]?.href ?? '');
    }
    await getJson(sim, '/api/v3/work_packages/99999', { status: 404 });
    await getJson(sim, '/api/v3/work_packages/WEB-1', { status: 404 });
  });

  it('accepts the display id when semantic ids are on', async () => {
    const semantic = await start({ semanticIds: true });
    try {
      const wp = await getJson<HalWorkPackage>(semantic, '/api/v3/work_packages/3');
      expect(wp.displayId).toMatch(/^[A-Z]{3}-\d+$/);
      const again = await getJson<HalWorkPackage>(
        semantic,
        `/api/v3/work_packages/${wp.displayId?.toLowerCase()}`,
      );
      expect(again.id).toBe(3);
      const hits = await getJson<HalCollection<HalWorkPackage>>(
        semantic,
        `/api/v3/work_packages?filters=${q([{ typeahead: { operator: '**', values: [wp.displayId ?? ''] } }, { status: { operator: '*', values: [] } }])}&select=elements/id,elements/displayId`,
      );
      expect(hits._embedded.elements).toContainEqual({ id: 3, displayId: wp.displayId });
    } finally {
      await semantic.stop();
    }
  });
});
