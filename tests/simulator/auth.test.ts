/**
 * API v3 authentication as OpenProject does it: API tokens by Basic `apikey:` (legacy and opapi)
 * and as Bearer (opapi only); 401 bodies and WWW-Authenticate challenges; anonymous access;
 * tokens refused on notifications; admins; the Bearer resolver hook for OAuth.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Simulator } from './index';
import { sendJson } from './http';
import { basic, bearer, call, getJson, start } from './test-helpers';

let sim: Simulator;
beforeAll(async () => {
  sim = await start();
});
afterAll(() => sim.stop());

const UNAUTHENTICATED = 'urn:openproject-org:api:v3:errors:Unauthenticated';

async function me(auth: string | null): Promise<Response> {
  return call(sim, '/api/v3/users/me', { auth });
}

describe('API tokens', () => {
  it('Basic apikey:<token> works for the legacy 40-hex key and the opapi- token', async () => {
    expect(sim.tokens.apiKey).toMatch(/^[0-9a-f]{40}$/);
    expect(sim.tokens.bearer).toMatch(/^opapi-[0-9a-f]{64}$/);
    for (const token of [sim.tokens.apiKey, sim.tokens.bearer]) {
      const body = await getJson(sim, '/api/v3/users/me', { auth: basic(token) });
      expect(body).toMatchObject({ _type: 'User', login: 'jane', name: 'Jane Doe', admin: false });
    }
  });

  it('Bearer works for the opapi- token only; a legacy key as Bearer is 401 invalid_token', async () => {
    expect((await me(bearer(sim.tokens.bearer))).status).toBe(200);
    const legacy = await me(bearer(sim.tokens.apiKey));
    expect(legacy.status).toBe(401);
    expect(legacy.headers.get('www-authenticate')).toBe(
      `Bearer realm="OpenProject API", resource_metadata="${new URL(sim.url).origin}/.well-known/oauth-protected-resource", scope="api_v3", error="invalid_token"`,
    );
    expect(await legacy.json()).toEqual({
      _type: 'Error',
      errorIdentifier: UNAUTHENTICATED,
      message: 'You did not provide the correct credentials.',
    });
  });

  it('a wrong Basic key or another Basic user name is 401 with a Basic challenge', async () => {
    for (const auth of [basic('0'.repeat(40)), basic(sim.tokens.apiKey, 'jane')]) {
      const response = await me(auth);
      expect(response.status).toBe(401);
      expect(response.headers.get('www-authenticate')).toBe('Basic realm="OpenProject API"');
      expect(await response.json()).toMatchObject({ errorIdentifier: UNAUTHENTICATED });
    }
  });

  it('an unknown opapi- token is 401; a locked user’s token says so', async () => {
    expect((await me(bearer(`opapi-${'f'.repeat(64)}`))).status).toBe(401);
    const lockedToken = sim.control.createToken({ user: 'sven', kind: 'opapi' });
    const locked = await me(bearer(lockedToken));
    expect(locked.status).toBe(401);
    expect(locked.headers.get('www-authenticate')).toContain(
      'error_description="The user account is locked"',
    );
    expect((await me(basic(sim.tokens.locked))).status).toBe(401);
  });

  it('a revoked token stops working', async () => {
    const token = sim.control.createToken({ kind: 'opapi' });
    expect((await me(bearer(token))).status).toBe(200);
    expect(sim.control.revokeToken(token)).toBe(true);
    expect((await me(bearer(token))).status).toBe(401);
  });

  it('the other token belongs to another user', async () => {
    const other = await getJson(sim, '/api/v3/users/me', { auth: basic(sim.tokens.other) });
    expect(other).toMatchObject({ login: 'zoe', name: 'Zoë Müller' });
  });
});

describe('anonymous access (login not required, the default)', () => {
  it('root works and has no user link; /users/me is the anonymous user', async () => {
    const root = await getJson(sim, '/api/v3', { auth: null });
    expect(root).toMatchObject({ _type: 'Root', instanceName: 'OpenProject' });
    expect((root._links as Record<string, unknown>).user).toBeUndefined();
    expect(root.coreVersion).toBeUndefined();
    expect(await getJson(sim, '/api/v3/users/me', { auth: null })).toMatchObject({
      _type: 'User',
      name: 'Anonymous',
    });
  });

  it('notifications and work packages are 403 MissingPermission', async () => {
    for (const path of ['/api/v3/notifications', '/api/v3/work_packages']) {
      const body = await getJson(sim, path, { auth: null, status: 403 });
      expect(body.errorIdentifier).toBe('urn:openproject-org:api:v3:errors:MissingPermission');
    }
  });
});

describe('login required', () => {
  it('anonymous calls are 401 "You need to be authenticated…" with a Bearer challenge', async () => {
    const strict = await start({ loginRequired: true, basePath: '/op' });
    try {
      for (const path of ['/api/v3', '/api/v3/notifications', '/api/v3/nonsense']) {
        const response = await call(strict, path, { auth: null });
        expect(response.status).toBe(401);
        expect(response.headers.get('www-authenticate')).toBe(
          `Bearer realm="OpenProject API", resource_metadata="${new URL(strict.url).origin}/op/.well-known/oauth-protected-resource", scope="api_v3"`,
        );
        expect(await response.json()).toEqual({
          _type: 'Error',
          errorIdentifier: UNAUTHENTICATED,
          message: 'You need to be authenticated to access this resource.',
        });
      }
      expect((await call(strict, '/api/v3')).status).toBe(200);
    } finally {
      await strict.stop();
    }
  });
});

describe('permissions', () => {
  it('the limited token passes /users/me but is 403 MissingPermission on notifications', async () => {
    expect((await me(bearer(sim.tokens.limited))).status).toBe(200);
    for (const path of ['/api/v3/notifications?pageSize=0', '/api/v3/notifications/1']) {
      const body = await getJson(sim, path, { auth: bearer(sim.tokens.limited), status: 403 });
      expect(body.errorIdentifier).toBe('urn:openproject-org:api:v3:errors:MissingPermission');
    }
    const custom = sim.control.createToken({ deny: ['workPackages'] });
    await getJson(sim, '/api/v3/work_packages', { auth: basic(custom), status: 403 });
    await getJson(sim, '/api/v3/notifications?pageSize=0', { auth: basic(custom) });
  });

  it('coreVersion is shown to admins only', async () => {
    const asAdmin = await getJson(sim, '/api/v3', { auth: basic(sim.tokens.admin) });
    expect(asAdmin.coreVersion).toBe('17.6.0');
    const asJane = await getJson(sim, '/api/v3');
    expect(asJane.coreVersion).toBeUndefined();
    expect((asJane._links as Record<string, unknown>).user).toEqual({
      href: '/api/v3/users/3',
      title: 'Jane Doe',
    });
  });

  it('other users show no private fields', async () => {
    const zoe = await getJson(sim, '/api/v3/users/4');
    expect(zoe).toMatchObject({ _type: 'User', id: 4, name: 'Zoë Müller' });
    expect(zoe.login).toBeUndefined();
    expect(zoe.email).toBeUndefined();
  });
});

describe('the Bearer resolver hook (for the OAuth module)', () => {
  it('extension routes and resolvers take part in authentication', async () => {
    const extended = await start({
      extensions: [
        (host) => ({
          routes: [
            {
              method: 'GET',
              path: '/oauth/ping',
              handle: (ex) =>
                sendJson(ex, 200, { pong: true, demo: host.findUser(host.demoUserId)?.login }),
            },
          ],
          resolveBearer: (token) => {
            if (token === 'oauth-good') return { userId: host.demoUserId };
            if (token === 'oauth-no-scope') return { reject: 'insufficient_scope' };
            return undefined;
          },
        }),
      ],
    });
    try {
      expect(await getJson(extended, '/oauth/ping', { auth: null })).toEqual({
        pong: true,
        demo: 'jane',
      });
      expect(
        await getJson(extended, '/api/v3/users/me', { auth: bearer('oauth-good') }),
      ).toMatchObject({ login: 'jane' });
      const scope = await call(extended, '/api/v3/users/me', { auth: bearer('oauth-no-scope') });
      expect(scope.status).toBe(403);
      expect(scope.headers.get('www-authenticate')).toContain('error="insufficient_scope"');
      expect(await scope.json()).toMatchObject({ errorIdentifier: UNAUTHENTICATED });
      expect(
        (await call(extended, '/api/v3/users/me', { auth: bearer('oauth-unknown') })).status,
      ).toBe(401);
    } finally {
      await extended.stop();
    }
  });
});
