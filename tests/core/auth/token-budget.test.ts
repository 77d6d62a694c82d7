/**
 * The measurement of the brief: token requests over 24 simulated hours of polling with 2-hour
 * tokens (injected clock, real refreshes against oidc-provider). Expected: about 12, no more.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { authorizeAtProvider, FakeBrowser } from './support/fake-browser';
import { oauthAccountFixture, type AccountsFixture } from './support/fixtures';
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
    const browser = new FakeBrowser();
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
