/**
 * The token manager wired into the API client (`auth: { kind: 'bearer', getToken }`,
 * `onUnauthorized`) against the simulator's OpenProject OAuth: the API works with the signed-in
 * account; when the access token runs out (by the app's clock, or only by the server's) the next
 * request refreshes transparently, once; after the user revoked the app the account shows
 * "needs sign-in" and no loop of requests follows.
 */
import { describe, expect, it } from 'vitest';
import { createClient, type OpenProjectClient } from '../../../main/core/api/client';
import { ApiError } from '../../../main/core/api/errors';
import { TRAY_CLIENT_ID } from '../../simulator/oauth/index';
import type { Simulator } from '../../simulator/types';
import { freePort, oauthAccountFixture, type AccountsFixture } from './support/fixtures';
import {
  signInThroughSimulator,
  simulatorAccount,
  startOAuthServer,
} from './support/simulator-oauth';

const HOUR = 3_600_000;

async function clientFor(sim: Simulator, fx: AccountsFixture): Promise<OpenProjectClient> {
  return createClient({
    baseUrl: sim.url,
    retries: 0,
    ...(await fx.auth.clientOptions(fx.accountId)),
  });
}

function apiCalls(sim: Simulator): { path: string; status: number }[] {
  return sim.control
    .stats()
    .recent.filter((request) => request.path.startsWith('/api/v3'))
    .map(({ path, status }) => ({ path, status }));
}

describe('the API client signed in with OAuth', () => {
  it('refreshes before the token expires (one clock), once for concurrent requests, with no 401', async () => {
    const { sim, oauth, fx } = await simulatorAccount();
    await signInThroughSimulator(fx);
    const client = await clientFor(sim, fx);
    expect((await client.me()).name).toBe('Jane Doe');

    fx.clock.advance(2 * HOUR - 60_000); // within the refresh margin
    sim.control.resetStats();
    const counts = await Promise.all(Array.from({ length: 5 }, () => client.unreadCount()));
    expect(new Set(counts).size).toBe(1);
    expect(oauth.requests({ grantType: 'refresh_token' })).toHaveLength(1);
    expect(apiCalls(sim).every((call) => call.status === 200)).toBe(true);
    // The new access token was used, so the pair it replaced is revoked on the server.
    expect(oauth.tokens().map((token) => token.revoked)).toEqual([true, false]);
  });

  it('refreshes once on the 401 of a token the server expired, and repeats the request', async () => {
    const { sim, oauth } = await startOAuthServer(); // the server's own clock
    const fx = await oauthAccountFixture(
      {
        provider: 'openproject',
        clientId: TRAY_CLIENT_ID,
        redirect: { mode: 'loopback', port: await freePort(), path: '/oauth-callback' },
      },
      sim.url,
    );
    await signInThroughSimulator(fx);
    const client = await clientFor(sim, fx);
    expect((await client.me()).login).toBe('jane');

    sim.control.advanceClock(7201_000);
    sim.control.resetStats();
    expect((await client.me()).login).toBe('jane');
    expect(apiCalls(sim)).toEqual([
      { path: '/api/v3/users/me', status: 401 },
      { path: '/api/v3/users/me', status: 200 },
    ]);
    expect(oauth.requests({ grantType: 'refresh_token' })).toHaveLength(1);
    expect((await client.me()).login).toBe('jane');
    expect(oauth.requests({ grantType: 'refresh_token' })).toHaveLength(1);
  });

  it('shows "needs sign-in" after the user revoked the app, with no loop of requests', async () => {
    const { sim, oauth, fx } = await simulatorAccount();
    const states: string[] = [];
    const auth = fx.auth;
    fx.accounts.settings.onChange((settings) => states.push(settings.accounts[0]?.state ?? ''));
    await signInThroughSimulator(fx);
    const client = await clientFor(sim, fx);
    await client.unreadCount();

    expect(oauth.revokeTokens({ user: 'jane', clientId: TRAY_CLIENT_ID })).toBe(1);
    sim.control.resetStats();
    const error = await client.unreadCount().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).kind).toBe('unauthenticated');
    expect(fx.accounts.get(fx.accountId).state).toBe('needs-sign-in');
    expect(auth.tokenManager(fx.accountId).state).toBe('needs-sign-in');
    expect(states.at(-1)).toBe('needs-sign-in');
    expect(apiCalls(sim)).toEqual([{ path: '/api/v3/notifications', status: 401 }]);
    expect(oauth.requests({ grantType: 'refresh_token' }).map((r) => r.status)).toEqual([400]);

    const requestsBefore = sim.control.stats().requests;
    for (let poll = 0; poll < 20; poll += 1) {
      fx.clock.advance(60_000);
      const again = await client.unreadCount().catch((caught: unknown) => caught);
      expect((again as ApiError).message).toMatch(/needs you to sign in again/);
    }
    expect(sim.control.stats().requests).toBe(requestsBefore);

    // Signing in again brings the account back.
    await signInThroughSimulator(fx);
    expect(fx.accounts.get(fx.accountId).state).toBe('ok');
    expect(await client.unreadCount()).toBe(sim.control.unreadCount());
  });
});
