/**
 * One notification (embedded resources, details, value schemas) and read/unread, single and in
 * bulk: 204 with an empty body, updatedAt bumped, the unread count dropping; Content-Type rules.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Simulator } from './index';
import {
  call,
  getJson,
  notificationList,
  post,
  q,
  start,
  UNREAD,
  type HalNotification,
} from './test-helpers';

let sim: Simulator;
beforeEach(async () => {
  sim = await start();
});
afterEach(() => sim.stop());

const unreadIds = () => sim.control.notifications({ unread: true }).map((n) => n.id);
const zoesNotification = () => sim.control.notifications({ recipient: 'zoe' })[0]?.id ?? 0;

describe('GET /api/v3/notifications/{id}', () => {
  it('embeds actor, project, activity, resource and details', async () => {
    const mention = sim.control.notifications().find((n) => n.reason === 'mentioned');
    const n = await getJson<HalNotification>(sim, `/api/v3/notifications/${mention?.id}`);
    expect(n._embedded.actor).toMatchObject({ _type: 'User', id: mention?.actorId });
    expect(n._embedded.project).toMatchObject({ _type: 'Project', id: mention?.projectId });
    expect(n._embedded.activity).toMatchObject({
      _type: 'Activity::Comment',
      id: mention?.activityId,
    });
    expect((n._embedded.activity as { comment: { raw: string } }).comment.raw).toContain(
      '@Jane Doe',
    );
    expect(n._embedded.resource).toMatchObject({
      _type: 'WorkPackage',
      id: mention?.workPackageId,
    });
    expect(n._embedded.details).toEqual([]);
  });

  it('is 404 NotFound for someone else’s and for unknown ids, 400 for a non-integer id', async () => {
    for (const id of [zoesNotification(), 987654]) {
      const body = await getJson(sim, `/api/v3/notifications/${id}`, { status: 404 });
      expect(body).toEqual({
        _type: 'Error',
        errorIdentifier: 'urn:openproject-org:api:v3:errors:NotFound',
        message: 'The requested resource could not be found.',
      });
    }
    await getJson(sim, '/api/v3/notifications/abc', { status: 400 });
  });

  it('serves the details and their value schemas', async () => {
    const alert = sim.control.notifications().find((n) => n.reason === 'dateAlert');
    const detail = await getJson(sim, `/api/v3/notifications/${alert?.id}/details/0`);
    expect(detail).toMatchObject({
      _type: 'Values::Property',
      property: alert?.details[0]?.property,
      value: alert?.details[0]?.value,
    });
    await getJson(sim, `/api/v3/notifications/${alert?.id}/details/1`, { status: 404 });
    const schema = await getJson(sim, `/api/v3/values/schemas/${alert?.details[0]?.property}`);
    expect(schema).toMatchObject({ _type: 'Schema', value: { type: 'Date' } });
    expect(await getJson(sim, '/api/v3/values/schemas/note')).toMatchObject({
      value: { type: 'String' },
    });
    await getJson(sim, '/api/v3/values/schemas/colour', { status: 404 });
    await getJson(sim, '/api/v3/values/schemas/Not_Camel', { status: 400 });
  });
});

describe('single read_ian / unread_ian', () => {
  it('answers 204 with no body, flips readIAN, bumps updatedAt and lowers the count', async () => {
    const [id] = unreadIds();
    const before = await getJson<HalNotification>(sim, `/api/v3/notifications/${id}`);
    const countBefore = (await notificationList(sim, `pageSize=0&filters=${UNREAD}`)).total;
    sim.control.advanceClock(1000);
    const response = await post(sim, `/api/v3/notifications/${id}/read_ian`);
    expect(response.status).toBe(204);
    expect(await response.text()).toBe('');
    const after = await getJson<HalNotification>(sim, `/api/v3/notifications/${id}`);
    expect(after.readIAN).toBe(true);
    expect(Date.parse(after.updatedAt)).toBeGreaterThan(Date.parse(before.updatedAt));
    expect((await notificationList(sim, `pageSize=0&filters=${UNREAD}`)).total).toBe(
      countBefore - 1,
    );

    expect((await post(sim, `/api/v3/notifications/${id}/unread_ian`)).status).toBe(204);
    expect((await getJson<HalNotification>(sim, `/api/v3/notifications/${id}`)).readIAN).toBe(
      false,
    );
  });

  it('is 404 for someone else’s or an unknown notification', async () => {
    for (const id of [zoesNotification(), 987654]) {
      const response = await post(sim, `/api/v3/notifications/${id}/read_ian`);
      expect(response.status).toBe(404);
      expect(await response.json()).toMatchObject({
        errorIdentifier: 'urn:openproject-org:api:v3:errors:NotFound',
      });
    }
  });
});

describe('bulk read_ian / unread_ian', () => {
  it('marks exactly the filtered ids, bumping updatedAt', async () => {
    const [a, b, c] = unreadIds();
    sim.control.advanceClock(1000);
    const response = await post(
      sim,
      `/api/v3/notifications/read_ian?filters=${q([{ id: { operator: '=', values: [String(a), String(b)] } }])}`,
    );
    expect(response.status).toBe(204);
    expect(await response.text()).toBe('');
    const byId = new Map(sim.control.notifications().map((n) => [n.id, n]));
    expect(byId.get(a ?? 0)?.readIAN).toBe(true);
    expect(byId.get(b ?? 0)?.readIAN).toBe(true);
    expect(byId.get(c ?? 0)?.readIAN).toBe(false);
    expect(byId.get(a ?? 0)?.updatedAt).toBe(new Date(sim.control.now().getTime()).toISOString());
  });

  it('without filters marks all of mine (and nobody else’s) read; unread_ian reverts by filter', async () => {
    const zoeUnread = sim.control.unreadCount('zoe');
    expect((await post(sim, '/api/v3/notifications/read_ian')).status).toBe(204);
    expect((await notificationList(sim, `pageSize=0&filters=${UNREAD}`)).total).toBe(0);
    expect(sim.control.unreadCount('zoe')).toBe(zoeUnread);
    const filters = q([{ reason: { operator: '=', values: ['mentioned'] } }]);
    expect((await post(sim, `/api/v3/notifications/unread_ian?filters=${filters}`)).status).toBe(
      204,
    );
    const mentions = sim.control.notifications().filter((n) => n.reason === 'mentioned').length;
    expect(sim.control.unreadCount()).toBe(mentions);
  });

  it('an id filter with someone else’s or a deleted id fails the whole call with 400 InvalidQuery', async () => {
    const [mine] = unreadIds();
    for (const foreign of [zoesNotification(), 987654]) {
      const filters = q([{ id: { operator: '=', values: [String(mine), String(foreign)] } }]);
      const response = await post(sim, `/api/v3/notifications/read_ian?filters=${filters}`);
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({
        errorIdentifier: 'urn:openproject-org:api:v3:errors:InvalidQuery',
      });
    }
    expect(unreadIds()).toContain(mine);
  });
});

describe('Content-Type of writes', () => {
  it('a POST without Content-Type is 406 plain text "Missing content-type header"', async () => {
    const [id] = unreadIds();
    for (const path of [`/api/v3/notifications/${id}/read_ian`, '/api/v3/notifications/read_ian']) {
      const response = await call(sim, path, { method: 'POST' });
      expect(response.status).toBe(406);
      expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
      expect(await response.text()).toBe('Missing content-type header');
    }
    expect(unreadIds()).toContain(id);
  });

  it('a POST with a non-JSON Content-Type is 415 TypeNotSupported', async () => {
    const [id] = unreadIds();
    const response = await call(sim, `/api/v3/notifications/${id}/read_ian`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: 'x',
    });
    expect(response.status).toBe(415);
    expect(await response.json()).toMatchObject({
      _type: 'Error',
      errorIdentifier: 'urn:openproject-org:api:v3:errors:TypeNotSupported',
    });
    expect(unreadIds()).toContain(id);
  });

  it('application/hal+json with a charset is accepted', async () => {
    const [id] = unreadIds();
    const response = await post(sim, `/api/v3/notifications/${id}/read_ian`, {
      headers: { 'content-type': 'application/hal+json; charset=utf-8' },
    });
    expect(response.status).toBe(204);
  });
});
