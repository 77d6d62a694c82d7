/**
 * The HTTP control interface under /__control/* for tests in other processes: guarded by the
 * run's secret, JSON in and out, validated bodies.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { NotificationChange, NotificationSnapshot, Simulator } from './index';
import {
  basic,
  call,
  getJson,
  notificationList,
  start,
  UNREAD,
  type HalNotification,
} from './test-helpers';

let sim: Simulator;
beforeEach(async () => {
  sim = await start({ basePath: '/openproject' });
});
afterEach(() => sim.stop());

async function control<T = Record<string, unknown>>(
  method: string,
  path: string,
  body?: unknown,
  status = 200,
): Promise<T> {
  const response = await fetch(`${sim.url}/__control${path}`, {
    method,
    headers: { 'x-simulator-secret': sim.control.secret, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  expect(response.status, text).toBe(status);
  return JSON.parse(text) as T;
}

describe('the secret', () => {
  it('is required: missing or wrong → 403, right → 200', async () => {
    expect((await fetch(`${sim.url}/__control/state`)).status).toBe(403);
    const wrong = await fetch(`${sim.url}/__control/state`, {
      headers: { 'x-simulator-secret': 'nope' },
    });
    expect(wrong.status).toBe(403);
    expect(((await wrong.json()) as { error: string }).error).toMatch(/x-simulator-secret/);
    expect(sim.control.secret).toMatch(/^[0-9a-f]{32}$/);
    const state = await control<{ unread: number }>('GET', '/state');
    expect(state.unread).toBe(sim.control.unreadCount());
  });

  it('is per run, unless given', async () => {
    const other = await start({ controlSecret: 'fixed-secret' });
    try {
      expect(other.control.secret).toBe('fixed-secret');
      expect(other.control.secret).not.toBe(sim.control.secret);
    } finally {
      await other.stop();
    }
  });

  it('works at the origin too (outside the sub-path)', async () => {
    const response = await fetch(`${new URL(sim.url).origin}/__control/state`, {
      headers: { 'x-simulator-secret': sim.control.secret },
    });
    expect(response.status).toBe(200);
  });
});

describe('operations', () => {
  it('create (aggregating within 5 minutes), update, read, delete a notification', async () => {
    const unreadBefore = sim.control.unreadCount();
    const created = await control<NotificationChange>(
      'POST',
      '/notifications',
      { workPackageId: 15, reason: 'mentioned', actor: 'zoe', comment: 'Hi' },
      201,
    );
    expect(created.outcome).toBe('created');
    expect((await notificationList(sim, `pageSize=0&filters=${UNREAD}`)).total).toBe(
      unreadBefore + 1,
    );
    const newest = (await notificationList(sim, 'pageSize=1'))._embedded.elements[0];
    expect(newest?.id).toBe(created.notification.id);
    expect(newest?._links.resource?.href).toBe('/openproject/api/v3/work_packages/15');

    await control('POST', '/clock', { advanceMs: 120_000 });
    const again = await control<NotificationChange>(
      'POST',
      '/notifications',
      { workPackageId: 15, reason: 'commented', actor: 'zoe' },
      201,
    );
    expect(again).toMatchObject({
      outcome: 'aggregated',
      notification: { id: created.notification.id, reason: 'commented' },
    });

    await control('POST', '/notifications/read', { ids: [created.notification.id] });
    expect(
      (await getJson<HalNotification>(sim, `/api/v3/notifications/${created.notification.id}`))
        .readIAN,
    ).toBe(true);
    const updated = await control<NotificationSnapshot>(
      'PATCH',
      `/notifications/${created.notification.id}`,
      { reason: 'assigned' },
    );
    expect(updated).toMatchObject({ readIAN: false, reason: 'assigned' });
    await control('DELETE', `/notifications/${created.notification.id}`);
    await getJson(sim, `/api/v3/notifications/${created.notification.id}`, { status: 404 });
    await control('DELETE', `/notifications/${created.notification.id}`, undefined, 404);
  });

  it('lists notifications, users and work packages', async () => {
    const unread = await control<NotificationSnapshot[]>('GET', '/notifications?unread=true');
    expect(unread).toHaveLength(sim.control.unreadCount());
    const users = await control<{ login: string; name: string }[]>('GET', '/users');
    expect(users.map((u) => u.name)).toEqual(
      expect.arrayContaining(['Jane Doe', 'Zoë Müller', 'Jürgen Weiß', '山田 太郎']),
    );
    expect((await control<unknown[]>('GET', '/work-packages')).length).toBe(200);
  });

  it('moves the clock', async () => {
    const { now } = await control<{ now: string }>('POST', '/clock', { advanceMs: 3_600_000 });
    expect(Date.parse(now) - sim.control.now().getTime()).toBe(0);
    const set = await control<{ now: string }>('POST', '/clock', {
      set: '2027-01-01T00:00:00.000Z',
    });
    expect(set.now).toBe('2027-01-01T00:00:00.000Z');
  });

  it('injects and clears faults', async () => {
    const { id } = await control<{ id: string }>(
      'POST',
      '/faults',
      { kind: 'status', status: 503, pathPrefix: '/api/v3/notifications' },
      201,
    );
    expect((await call(sim, '/api/v3/notifications')).status).toBe(503);
    expect((await control<unknown[]>('GET', '/faults')).length).toBe(1);
    await control('DELETE', `/faults/${id}`);
    expect((await call(sim, '/api/v3/notifications')).status).toBe(200);
    await control('POST', '/faults', { kind: 'latency', ms: 10 }, 201);
    await control('DELETE', '/faults');
    expect(sim.control.faults()).toEqual([]);
  });

  it('reads and resets the statistics', async () => {
    await control('DELETE', '/stats');
    await call(sim, '/api/v3/notifications?pageSize=0');
    const stats = await control<{ requests: number; byPath: Record<string, unknown> }>(
      'GET',
      '/stats',
    );
    expect(stats.requests).toBe(1);
    expect(Object.keys(stats.byPath)).toEqual(['/api/v3/notifications']);
    await control('POST', '/stats/reset');
    expect(sim.control.stats().requests).toBe(0);
  });

  it('creates and revokes tokens, changes settings, resets the data', async () => {
    const { token } = await control<{ token: string }>(
      'POST',
      '/tokens',
      { user: 'zoe', kind: 'opapi', deny: ['notifications'] },
      201,
    );
    expect(await getJson(sim, '/api/v3/users/me', { auth: `Bearer ${token}` })).toMatchObject({
      login: 'zoe',
    });
    await getJson(sim, '/api/v3/notifications', { auth: `Bearer ${token}`, status: 403 });
    await control('DELETE', `/tokens/${token}`);
    await getJson(sim, '/api/v3/users/me', { auth: `Bearer ${token}`, status: 401 });

    await control('PATCH', '/settings', { loginRequired: true, instanceName: 'ACME Projects' });
    expect((await call(sim, '/api/v3', { auth: null })).status).toBe(401);
    expect(await getJson(sim, '/api/v3')).toMatchObject({ instanceName: 'ACME Projects' });

    const { unread } = await control<{ unread: number }>('POST', '/reset', { unread: 7 });
    expect(unread).toBe(7);
    expect((await notificationList(sim, `pageSize=0&filters=${UNREAD}`)).total).toBe(7);
    expect((await call(sim, '/api/v3/users/me', { auth: basic(sim.tokens.apiKey) })).status).toBe(
      200,
    );
  });

  it('rejects bad bodies with 400 and a message, unknown endpoints with 404', async () => {
    const bad = await control<{ error: string }>(
      'POST',
      '/notifications',
      { workPackageId: 'x', reason: 'poked' },
      400,
    );
    expect(bad.error).toMatch(/workPackageId/);
    await control('POST', '/notifications', { workPackageId: 99999, reason: 'mentioned' }, 404);
    await control('POST', '/faults', { kind: 'status', status: 418 }, 400);
    const unknown = await control<{ endpoints: string[] }>('GET', '/nope', undefined, 404);
    expect(unknown.endpoints).toContain('POST /__control/notifications');
  });
});
