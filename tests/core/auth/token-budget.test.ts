/**
 * The measurement of the brief: token requests over 24 simulated hours of polling with 2-hour
 * tokens (injected clock, real refreshes against oidc-provider, and against the simulator's
 * OpenProject token endpoint with real API polls). Expected: about 12, no more.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createClient } from '../../../main/core/api/client';
import { TestBrowser } from '../../simulator/oauth/test-browser';
import { authorizeAtProvider } from './support/oidc-consent';
import { oauthAccountFixture, type AccountsFixture } from './support/fixtures';
import { signInThroughSimulator, simulatorAccount } from './support/simulator-oauth';
import {
  startOidcTestProvider,
  TEST_CLIENT_ID,
  type OidcTestProvider,
} from './support/oidc-test-provider';

const DAY_MS = 24 * 3_600_000;

describe('token requests over a day of polling', () => {
  let idp: OidcTestProvider;
  let fx: AccountsFixture;

  beforeEach(async () => {
    idp = await startOidcTestProvider({ accessTokenTtlSeconds: 7200 });
    fx = await oauthAccountFixture({
      provider: 'generic-oidc',
      clientId: TEST_CLIENT_ID,
      issuer: idp.issuer,
    });
    const run = await fx.auth.startOAuthSignIn(fx.accountId, { lingerMs: 200 });
    if (run.signIn.mode !== 'loopback') throw new Error('expected a loopback sign-in');
    const browser = new TestBrowser();
    await browser.follow(await authorizeAtProvider(browser, run.signIn.authorizationUrl));
    await run.completed;
  });

  afterEach(async () => {
    await idp.stop();
  });

  it.each([15, 60, 30 * 60])(
    'polling every %i s for 24 h refreshes 12 times',
    async (intervalSeconds) => {
      const manager = fx.auth.tokenManager(fx.accountId);
      const seen = new Set<string>();
      const start = fx.clock.now();
      let polls = 0;
      while (fx.clock.now() - start <= DAY_MS) {
        seen.add(await manager.getToken());
        polls += 1;
        fx.clock.advance(intervalSeconds * 1000);
      }
      const refreshes = idp.tokenRequests.refresh_token;
      console.log(
        `[measure] poll every ${intervalSeconds} s, 24 h, 2-hour tokens: ${polls} polls, ` +
          `${refreshes} refresh requests, ${seen.size} distinct access tokens`,
      );
      expect(refreshes).toBe(12);
      expect(manager.refreshCount).toBe(12);
      expect(seen.size).toBe(13);
      expect(idp.tokenRequests.authorization_code).toBe(1);
    },
  );
});

describe('token requests over a day of polling the simulator (its token endpoint, real API calls)', () => {
  it.each([60, 30 * 60])(
    'polling every %i s for 24 h refreshes 12 times',
    async (intervalSeconds) => {
      const { sim, oauth, fx } = await simulatorAccount();
      await signInThroughSimulator(fx);
      const client = createClient({
        baseUrl: sim.url,
        retries: 0,
        ...(await fx.auth.clientOptions(fx.accountId)),
      });
      sim.control.resetStats();
      const start = fx.clock.now();
      let polls = 0;
      while (fx.clock.now() - start <= DAY_MS) {
        await client.unreadCount();
        polls += 1;
        fx.clock.advance(intervalSeconds * 1000);
      }
      const refreshes = oauth.requests({ grantType: 'refresh_token' });
      // Every 401 would have been repeated after a refresh: one API request per poll means none.
      const apiRequests = sim.control.stats().byPath['/api/v3/notifications']?.requests ?? 0;
      console.log(
        `[measure] simulator, poll every ${intervalSeconds} s, 24 h, 2-hour tokens: ${polls} API polls, ` +
          `${apiRequests} API requests, ${refreshes.length} refresh requests, ` +
          `${oauth.tokens().length} access tokens issued`,
      );
      expect(refreshes).toHaveLength(12);
      expect(refreshes.every((request) => request.status === 200)).toBe(true);
      expect(apiRequests).toBe(polls);
      expect(oauth.requests({ grantType: 'authorization_code' })).toHaveLength(1);
      expect(oauth.tokens().filter((token) => !token.revoked)).toHaveLength(1);
    },
  );
});
