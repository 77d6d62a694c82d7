/**
 * The same sign-in against an independent, certified OpenID provider (panva/oidc-provider) set up
 * as OpenProject's external identity provider: Chromium walks the provider's own login and consent
 * pages, the app's loopback listener (ephemeral port, RFC 8252) receives the code, the tokens end
 * up encrypted on disk, and the simulator's API accepts the provider's JWT access tokens (as
 * OpenProject's `jwt_oidc` does). Short-lived tokens (a few seconds, real time: the provider has
 * its own clock) show the transparent refresh and, after the grant was revoked at the provider,
 * "needs sign-in".
 */
import { expect, test } from '@playwright/test';
import { createClient } from '../../../main/core/api/client';
import type { LoopbackSignIn } from '../../../main/core/auth/pkce-flow';
import { startOAuthSimulator } from '../../simulator/oauth/index';
import type { Simulator } from '../../simulator/types';
import {
  OPENPROJECT_AUDIENCE,
  startOidcTestProvider,
  TEST_CLIENT_ID,
  type OidcTestProvider,
} from '../../core/auth/support/oidc-test-provider';
import { filesContaining, localOnly, trayAccount } from './support';

const TTL_SECONDS = 5;

let idp: OidcTestProvider;
let sim: Simulator;

test.beforeAll(async () => {
  idp = await startOidcTestProvider({
    accessTokenTtlSeconds: TTL_SECONDS,
    accessTokenFormat: 'jwt',
  });
  ({ sim } = await startOAuthSimulator({
    basePath: '/openproject',
    oauth: {
      oidcProviders: [
        { issuer: idp.issuer, keys: [idp.publicJwk], clientId: OPENPROJECT_AUDIENCE },
      ],
    },
  }));
});

test.afterAll(async () => {
  await sim?.stop();
  await idp?.stop();
});

test.beforeEach(async ({ context }) => {
  await localOnly(context);
});

/** Waits (real time) until the stored access token has expired. */
async function untilExpired(expiresAt: number | null | undefined): Promise<void> {
  const wait = (expiresAt ?? Date.now()) - Date.now() + 200;
  if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
}

test('sign-in at an external OpenID provider in Chromium: tokens encrypted, API, refresh, revocation', async ({
  page,
}) => {
  test.setTimeout(60_000);
  const account = await trayAccount(sim.url, {
    provider: 'generic-oidc',
    clientId: TEST_CLIENT_ID,
    issuer: idp.issuer,
    redirect: { mode: 'loopback', port: 0, path: '/oauth-callback' },
  });
  try {
    const run = await account.auth.startOAuthSignIn(account.id);
    const signIn = run.signIn as LoopbackSignIn;
    expect(new URL(signIn.authorizationUrl).origin).toBe(idp.issuer);

    await page.goto(signIn.authorizationUrl);
    await page.locator('input[name="login"]').fill('jane');
    await page.locator('input[name="password"]').fill('any password');
    await page.getByRole('button', { name: 'Sign-in' }).click();
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect(page).toHaveURL(`${new URL(signIn.redirectUri).origin}/done`);
    await expect(page.getByRole('heading', { name: 'Signed in' })).toBeVisible();
    await run.completed;

    const first = await account.storedTokens();
    expect(first?.accessToken.split('.')).toHaveLength(3); // a JWT (RFC 9068)
    expect(
      await filesContaining(account.folder, [first!.accessToken, first!.refreshToken!]),
    ).toEqual([]);

    const client = createClient({
      baseUrl: sim.url,
      retries: 0,
      ...(await account.auth.clientOptions(account.id)),
    });
    expect(await client.me()).toMatchObject({ name: 'Jane Doe', login: 'jane' });

    // The access token runs out: the next request is preceded by one refresh at the provider.
    const refreshesBefore = idp.tokenRequests.refresh_token;
    await untilExpired((await account.storedTokens())?.expiresAt);
    expect((await client.me()).name).toBe('Jane Doe');
    expect(idp.tokenRequests.refresh_token).toBe(refreshesBefore + 1);
    const second = await account.storedTokens();
    expect(second?.refreshToken).not.toBe(first?.refreshToken);
    expect(
      await filesContaining(account.folder, [second!.accessToken, second!.refreshToken!]),
    ).toEqual([]);

    // The grant is revoked at the provider; once the (unrevocable) JWT has run out, the refresh is
    // refused and the account needs sign-in, without a loop of requests.
    const revoked = await fetch(`${idp.issuer}/token/revocation`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ token: second!.refreshToken!, client_id: TEST_CLIENT_ID }),
    });
    expect(revoked.status).toBe(200);
    await untilExpired(second?.expiresAt);
    await expect(client.me()).rejects.toMatchObject({ kind: 'unauthenticated' });
    expect(account.accounts.get(account.id).state).toBe('needs-sign-in');
    const refreshes = idp.tokenRequests.refresh_token;
    const requests = sim.control.stats().requests;
    for (let i = 0; i < 5; i += 1)
      await expect(client.unreadCount()).rejects.toThrow(/sign in again/);
    expect(idp.tokenRequests.refresh_token).toBe(refreshes);
    expect(sim.control.stats().requests).toBe(requests);
  } finally {
    await account.remove();
  }
});
