/**
 * HTTP behaviour: media type and Link header, gzip, unknown routes, sub-path hrefs, web pages,
 * the root and configuration resources.
 */
import { gunzipSync } from 'node:zlib';
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Simulator } from './index';
import { basic, call, getJson, notificationList, start } from './test-helpers';

let sim: Simulator;
beforeAll(async () => {
  sim = await start({ basePath: '/openproject/' });
});
afterAll(() => sim.stop());

function rawGet(
  path: string,
  headers: Record<string, string>,
): Promise<{ status: number; headers: Record<string, unknown>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = request(`${sim.url}${path}`, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
      );
    });
    req.on('error', reject);
    req.end();
  });
}

describe('responses', () => {
  it('are HAL+JSON with the service-desc Link header, errors included', async () => {
    for (const path of ['/api/v3', '/api/v3/notifications', '/api/v3/nothing-here']) {
      const response = await call(sim, path);
      expect(response.headers.get('content-type')).toBe('application/hal+json; charset=utf-8');
      expect(response.headers.get('link')).toBe('</api/v3/openapi.json>; rel="service-desc"');
    }
  });

  it('unknown API routes (and wrong methods) are 404 NotFound error bodies', async () => {
    for (const [method, path] of [
      ['GET', '/api/v3/nothing-here'],
      ['GET', '/api/v3/notifications/1/nope'],
      ['DELETE', '/api/v3/notifications'],
    ]) {
      const response = await call(sim, path ?? '', {
        method: method ?? 'GET',
        headers: { 'content-type': 'application/json' },
      });
      expect(response.status).toBe(404);
      expect(await response.json()).toEqual({
        _type: 'Error',
        errorIdentifier: 'urn:openproject-org:api:v3:errors:NotFound',
        message: 'The requested resource could not be found.',
      });
    }
  });

  it('are gzip-compressed when the client accepts it', async () => {
    const path = '/api/v3/notifications?pageSize=100';
    const auth = { authorization: basic(sim.tokens.apiKey) };
    const plain = await rawGet(path, auth);
    const zipped = await rawGet(path, { ...auth, 'accept-encoding': 'gzip, deflate' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(zipped.headers.vary).toBe('Accept-Encoding');
    expect(zipped.body.length).toBeLessThan(plain.body.length / 3);
    expect(gunzipSync(zipped.body).equals(plain.body)).toBe(true);
    expect(Number(zipped.headers['content-length'])).toBe(zipped.body.length);
  });
});

describe('sub-path installation', () => {
  it('serves below the sub-path and every href carries it', async () => {
    expect(sim.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/openproject$/);
    const hrefs: string[] = [];
    const collect = (value: unknown): void => {
      if (Array.isArray(value)) value.forEach(collect);
      else if (value && typeof value === 'object') {
        for (const [key, inner] of Object.entries(value)) {
          if (key === 'href' && typeof inner === 'string') hrefs.push(inner);
          else collect(inner);
        }
      }
    };
    collect(await getJson(sim, '/api/v3'));
    collect(await notificationList(sim, 'pageSize=50'));
    const [first] = sim.control.notifications();
    collect(await getJson(sim, `/api/v3/notifications/${first?.id}`));
    collect(await getJson(sim, '/api/v3/work_packages/1'));
    expect(hrefs.length).toBeGreaterThan(100);
    for (const href of hrefs) expect(href).toMatch(/^\/openproject\/(api\/v3|users)\b/);
  });

  it('answers 404 outside the sub-path', async () => {
    const response = await fetch(`${new URL(sim.url).origin}/api/v3`);
    expect(response.status).toBe(404);
  });
});

describe('resources', () => {
  it('configuration tells the page sizes', async () => {
    expect(await getJson(sim, '/api/v3/configuration')).toMatchObject({
      _type: 'Configuration',
      maximumApiV3PageSize: 1000,
      perPageOptions: [20, 100],
      hostName: new URL(sim.url).host,
    });
  });

  it('statuses, types, projects (by id or identifier), users, activities and avatars resolve', async () => {
    const alert = sim.control.notifications().find((n) => n.activityId !== null);
    const activity = await getJson(sim, `/api/v3/activities/${alert?.activityId}`);
    expect(activity._type).toMatch(/^Activity/);
    expect(await getJson(sim, '/api/v3/statuses/1')).toMatchObject({
      _type: 'Status',
      name: 'New',
      isClosed: false,
    });
    expect(await getJson(sim, '/api/v3/types/7')).toMatchObject({ _type: 'Type', name: 'Bug' });
    expect(await getJson(sim, '/api/v3/projects/website-relaunch')).toMatchObject({
      _type: 'Project',
      id: 1,
    });
    expect(await getJson(sim, '/api/v3/users/5')).toMatchObject({ name: 'Jürgen Weiß' });
    const avatar = await call(sim, '/api/v3/users/3/avatar');
    expect(avatar.headers.get('content-type')).toBe('image/svg+xml');
    await getJson(sim, '/api/v3/users/999', { status: 404 });
    await getJson(sim, '/api/v3/statuses/x', { status: 400 });
  });
});

describe('web pages', () => {
  it('the work package page, the /wp/ redirect, the notification center and access tokens', async () => {
    const page = await fetch(`${sim.url}/work_packages/3`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Launch checklist');
    const redirect = await fetch(`${sim.url}/wp/3`, { redirect: 'manual' });
    expect(redirect.status).toBe(302);
    expect(redirect.headers.get('location')).toBe('/openproject/work_packages/3');
    for (const path of ['/notifications', '/my/access_tokens'])
      expect((await fetch(`${sim.url}${path}`)).status).toBe(200);
    expect((await fetch(`${sim.url}/no/such/page`)).status).toBe(404);
  });
});
