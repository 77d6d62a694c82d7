/**
 * The whole OAuth life of an account against a real OpenID Connect provider on 127.0.0.1:
 * authorization code + PKCE through the loopback listener → tokens stored encrypted → refresh
 * before expiry → single-flight under 10 concurrent callers → a refused refresh puts the account
 * in "needs sign-in" without a loop of requests.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../../main/core/api/errors';
import { parseStoredTokens } from '../../../main/core/auth/token-set';
import { secretKeys } from '../../../main/core/secrets/secret-store';
import { TestBrowser } from '../../simulator/oauth/test-browser';
import { authorizeAtProvider } from './support/oidc-consent';
import {
  filesContaining,
  oauthAccountFixture,
  portIsClosed,
  type AccountsFixture,
} from './support/fixtures';
import {
  startOidcTestProvider,
  TEST_CLIENT_ID,
  type OidcTestProvider,
} from './support/oidc-test-provider';

const HOUR = 3_600_000;

describe('OAuth sign-in against oidc-provider', () => {
  let idp: OidcTestProvider;
  let fx: AccountsFixture;

  beforeEach(async () => {
    idp = await startOidcTestProvider();
    fx = await oauthAccountFixture({
      provider: 'generic-oidc',
      clientId: TEST_CLIENT_ID,
      issuer: idp.issuer,
    });
  });

  afterEach(async () => {
    await idp.stop();
  });

  async function signInOnce() {
    const run = await fx.auth.startOAuthSignIn(fx.accountId, { lingerMs: 2_000 });
    if (run.signIn.mode !== 'loopback') throw new Error('expected a loopback sign-in');
    const browser = new TestBrowser();
    const callback = await authorizeAtProvider(browser, run.signIn.authorizationUrl);
    const landing = await browser.follow(callback);
    await run.completed;
    await run.signIn.closed;
    return { run, signIn: run.signIn, callback, landing };
  }

  async function storedTokens() {
    return parseStoredTokens(await fx.secrets.get(secretKeys.oauthTokens(fx.accountId)));
  }

  it('signs in with PKCE S256 and state, and stores the tokens encrypted', async () => {
    const { signIn, callback, landing } = await signInOnce();

    const authorization = new URL(signIn.authorizationUrl);
    expect(authorization.origin).toBe(idp.issuer);
    expect(authorization.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authorization.searchParams.get('code_challenge')).toMatch(/^[\w-]{43}$/);
    expect(authorization.searchParams.get('state')).toMatch(/^[\w-]{20,}$/);
    expect(authorization.searchParams.get('redirect_uri')).toBe(signIn.redirectUri);
    expect(signIn.redirectUri).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/oauth-callback$/);

    // The provider answered with RFC 9207 iss, and the browser left the code URL for /done.
    expect(new URL(callback).searchParams.get('iss')).toBe(idp.issuer);
    expect('page' in landing && landing.page.url).toMatch(/\/done$/);
    expect('page' in landing && landing.page.body).toContain(
      'You can close this tab and return to OpenProject Tray',
    );
    expect(await portIsClosed(Number(new URL(signIn.redirectUri).port))).toBe(true);

    const tokens = await storedTokens();
    expect(tokens?.accessToken).toBeTruthy();
    expect(tokens?.refreshToken).toBeTruthy();
    expect(tokens?.expiresAt).toBe(fx.clock.now() + 2 * HOUR);
    expect(fx.accounts.get(fx.accountId).state).toBe('ok');
    expect(idp.tokenRequests.authorization_code).toBe(1);

    // No token in clear anywhere in the settings folder (nor base64 of it).
    const needles = [tokens!.accessToken, tokens!.refreshToken!];
    expect(await filesContaining(fx.folder, needles)).toEqual([]);
  });

  it('refreshes shortly before expiry, once for 10 concurrent callers, and stores the rotated token first', async () => {
    await signInOnce();
    const manager = fx.auth.tokenManager(fx.accountId);
    const first = await storedTokens();
    expect(await manager.getToken()).toBe(first!.accessToken);

    fx.clock.advance(2 * HOUR - 10 * 60_000); // 10 minutes left: not yet due
    expect(await manager.getToken()).toBe(first!.accessToken);
    expect(idp.tokenRequests.refresh_token).toBe(0);

    fx.clock.advance(9 * 60_000); // 1 minute left: due
    const tokens = await Promise.all(Array.from({ length: 10 }, () => manager.getToken()));
    expect(idp.tokenRequests.refresh_token).toBe(1);
    expect(new Set(tokens).size).toBe(1);
    const second = await storedTokens();
    expect(tokens[0]).toBe(second!.accessToken);
    expect(second!.accessToken).not.toBe(first!.accessToken);
    expect(second!.refreshToken).not.toBe(first!.refreshToken); // rotated, and persisted
    expect(await filesContaining(fx.folder, [second!.accessToken, second!.refreshToken!])).toEqual(
      [],
    );

    // A 401 on the API: exactly one more refresh, shared by concurrent callers.
    fx.clock.advance(60_000);
    const retries = await Promise.all(Array.from({ length: 10 }, () => manager.onUnauthorized()));
    expect(retries.every(Boolean)).toBe(true);
    expect(idp.tokenRequests.refresh_token).toBe(2);
  });

  it('goes to "needs sign-in" when the refresh token is revoked, keeps the tokens, and stops asking', async () => {
    const states: string[] = [];
    await signInOnce();
    fx.accounts.settings.onChange((settings) => {
      const state = settings.accounts[0]?.state ?? 'missing';
      if (states.at(-1) !== state) states.push(state);
    });
    const manager = fx.auth.tokenManager(fx.accountId);
    const stored = await storedTokens();

    // The user revoked the app at the provider.
    const revoke = await fetch(`${idp.issuer}/token/revocation`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ token: stored!.refreshToken!, client_id: TEST_CLIENT_ID }),
    });
    expect(revoke.status).toBe(200);

    fx.clock.advance(2 * HOUR);
    const failure = await manager.getToken().catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ApiError);
    expect((failure as ApiError).kind).toBe('unauthenticated');
    expect((failure as ApiError).message).toMatch(/sign in again/);
    expect(fx.accounts.get(fx.accountId).state).toBe('needs-sign-in');
    expect(idp.tokenRequests.refresh_token).toBe(1);
    expect(manager.state).toBe('needs-sign-in');

    // Tokens are kept until the user acts; further calls make no request.
    expect(await storedTokens()).toEqual(stored);
    for (let i = 0; i < 5; i += 1) {
      await expect(manager.getToken()).rejects.toBeInstanceOf(ApiError);
      await expect(manager.onUnauthorized()).resolves.toBe(false);
    }
    expect(idp.tokenRequests.refresh_token).toBe(1);

    // Signing in again brings the account back.
    await signInOnce();
    expect(fx.accounts.get(fx.accountId).state).toBe('ok');
    expect(await manager.getToken()).toBe((await storedTokens())!.accessToken);
    expect(states).toEqual(['needs-sign-in', 'ok']);
  });

  it('rejects an answer without iss when the provider advertises RFC 9207', async () => {
    const run = await fx.auth.startOAuthSignIn(fx.accountId, { lingerMs: 500 });
    if (run.signIn.mode !== 'loopback') throw new Error('expected a loopback sign-in');
    const browser = new TestBrowser();
    const callback = new URL(await authorizeAtProvider(browser, run.signIn.authorizationUrl));
    callback.searchParams.delete('iss');
    await browser.follow(callback.href);
    await expect(run.completed).rejects.toMatchObject({ kind: 'issuer-mismatch' });
    await run.signIn.closed;
    expect(await storedTokens()).toBeNull();
    expect(idp.tokenRequests.authorization_code).toBe(0);
  });

  it('turns a denied consent into access-denied, with nothing stored', async () => {
    const run = await fx.auth.startOAuthSignIn(fx.accountId, { lingerMs: 500 });
    if (run.signIn.mode !== 'loopback') throw new Error('expected a loopback sign-in');
    const browser = new TestBrowser();
    const callback = await authorizeAtProvider(browser, run.signIn.authorizationUrl, {
      deny: true,
    });
    expect(new URL(callback).searchParams.get('error')).toBe('access_denied');
    await browser.follow(callback);
    await expect(run.completed).rejects.toMatchObject({ kind: 'access-denied' });
    expect(await storedTokens()).toBeNull();
  });
});
