/**
 * Every attack on, or failure of, the loopback callback is harmless: no token is stored, the
 * result says clearly what happened, and the listener ends up closed. Against the simulator's
 * OpenProject OAuth on 127.0.0.1 (login and consent walked over HTTP; see support/simulator-oauth.ts).
 */
import * as http from 'node:http';
import * as os from 'node:os';
import { beforeEach, describe, expect, it } from 'vitest';
import type { SignInRun } from '../../../main/core/accounts/account-auth';
import { SignInError } from '../../../main/core/auth/oauth-errors';
import type { LoopbackSignIn } from '../../../main/core/auth/pkce-flow';
import { secretKeys } from '../../../main/core/secrets/secret-store';
import { TestBrowser } from '../../simulator/oauth/test-browser';
import { TRAY_CLIENT_ID, type OAuthControl } from '../../simulator/oauth/index';
import type { Simulator } from '../../simulator/types';
import { portIsClosed, type AccountsFixture } from './support/fixtures';
import { approveInBrowser, simulatorAccount } from './support/simulator-oauth';

describe('the loopback callback under attack', () => {
  let sim: Simulator;
  let oauth: OAuthControl;
  let fx: AccountsFixture;
  let port: number;
  const browser = new TestBrowser();

  beforeEach(async () => {
    ({ sim, oauth, fx, port } = await simulatorAccount());
  });

  /** The callback the simulator sends the browser to after consent, with extra parameters. */
  async function approve(authorizationUrl: string, extra: Record<string, string> = {}) {
    const callback = new URL(await approveInBrowser(authorizationUrl));
    for (const [key, value] of Object.entries(extra)) callback.searchParams.set(key, value);
    return callback.href;
  }

  async function start(options: { timeoutMs?: number; signal?: AbortSignal } = {}) {
    const run: SignInRun = await fx.auth.startOAuthSignIn(fx.accountId, {
      lingerMs: 1_000,
      ...options,
    });
    return { run, signIn: run.signIn as LoopbackSignIn };
  }

  const tokenRequests = () => oauth.requests({ endpoint: 'token' });
  const storedTokens = () => fx.secrets.get(secretKeys.oauthTokens(fx.accountId));

  async function expectHarmless(
    run: SignInRun,
    kind: SignInError['kind'],
    message: RegExp,
  ): Promise<void> {
    const error = await run.completed.catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(SignInError);
    expect((error as SignInError).kind).toBe(kind);
    expect((error as SignInError).message).toMatch(message);
    await (run.signIn as LoopbackSignIn).closed;
    expect(await portIsClosed(port)).toBe(true);
    expect(await storedTokens()).toBeNull();
    expect(fx.accounts.get(fx.accountId).state).toBe('ok');
  }

  it('signs in normally: Doorkeeper-style token request, tokens stored, browser sent to /done', async () => {
    const { run, signIn } = await start();
    expect(signIn.redirectUri).toBe(`http://127.0.0.1:${port}/oauth-callback`);
    const authorize = new URL(signIn.authorizationUrl);
    expect(`${authorize.origin}${authorize.pathname}`).toBe(`${sim.url}/oauth/authorize`);
    expect(authorize.searchParams.get('scope')).toBe('api_v3');

    const callback = await approve(signIn.authorizationUrl);
    const first = await browser.request(callback);
    expect(first.status).toBe(302);
    expect(first.headers.get('location')).toBe('/done');
    const done = await browser.request(`http://127.0.0.1:${port}/done`);
    expect(done.status).toBe(200);
    expect(done.body).toContain('You can close this tab and return to OpenProject Tray');
    await run.completed;
    await signIn.closed;
    expect(await portIsClosed(port)).toBe(true);

    const [request] = tokenRequests();
    expect(request?.status).toBe(200);
    expect(request?.contentType).toMatch(/^application\/x-www-form-urlencoded/);
    expect(request?.form.grant_type).toBe('authorization_code');
    expect(request?.form.client_id).toBe(TRAY_CLIENT_ID);
    expect(request?.form.redirect_uri).toBe(signIn.redirectUri);
    expect(request?.form.code_verifier).toMatch(/^[\w-]{43,128}$/);
    expect(request?.form).not.toHaveProperty('client_secret');
    expect(await storedTokens()).not.toBeNull();
  });

  it('ignores a callback with a wrong state (400 page, code never exchanged); the real one still works', async () => {
    const { run, signIn } = await start();
    const forged = await browser.request(
      `${signIn.redirectUri}?code=attacker-code&state=${encodeURIComponent('<script>x</script>')}`,
    );
    expect(forged.status).toBe(400);
    expect(forged.body).toContain('This sign-in link is not valid');
    expect(forged.body).not.toContain('<script>x');
    expect(forged.body).not.toContain('attacker-code');
    expect(tokenRequests()).toHaveLength(0);

    await browser.follow(await approve(signIn.authorizationUrl));
    await run.completed;
    expect(tokenRequests()).toHaveLength(1);
    expect(await storedTokens()).not.toBeNull();
  });

  it('ignores a callback without state, then gives up on cancel', async () => {
    const { run, signIn } = await start();
    const response = await browser.request(`${signIn.redirectUri}?code=some-code`);
    expect(response.status).toBe(400);
    signIn.cancel();
    await expectHarmless(run, 'cancelled', /cancelled/);
    expect(tokenRequests()).toHaveLength(0);
  });

  it('answers a replayed or second callback with an error page and exchanges only once', async () => {
    const { run, signIn } = await start();
    const callback = await approve(signIn.authorizationUrl);
    expect((await browser.request(callback)).status).toBe(302);
    await run.completed;
    const replay = await browser.request(callback);
    expect(replay.status).toBe(400);
    const second = await browser.request(await approve(signIn.authorizationUrl));
    expect(second.status).toBe(400);
    expect(tokenRequests()).toHaveLength(1);
    await signIn.closed; // closes by itself after the linger time
    expect(await portIsClosed(port)).toBe(true);
  });

  it('answers other paths with 404, other methods with 405, other host names with 404: no effect', async () => {
    const { run, signIn } = await start();
    const callback = await approve(signIn.authorizationUrl);
    const query = new URL(callback).search;
    expect((await browser.request(`http://127.0.0.1:${port}/other${query}`)).status).toBe(404);
    expect((await browser.request(callback, { method: 'POST', form: {} })).status).toBe(405);
    const rebound = await new Promise<number>((resolve, reject) => {
      const req = http.get(callback, { headers: { host: `evil.example:${port}` } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
    });
    expect(rebound).toBe(404);
    expect(tokenRequests()).toHaveLength(0);
    await browser.follow(callback);
    await run.completed;
    expect(tokenRequests()).toHaveLength(1);
  });

  it('listens on 127.0.0.1 only', async (context) => {
    const external = Object.values(os.networkInterfaces())
      .flat()
      .find((address) => address && address.family === 'IPv4' && !address.internal);
    if (!external) {
      context.skip('this machine has no non-loopback IPv4 address to test from');
      return;
    }
    const { signIn } = await start();
    const reachable = await new Promise<boolean>((resolve) => {
      const req = http.get(`http://${external.address}:${port}/oauth-callback`, () =>
        resolve(true),
      );
      req.on('error', () => resolve(false));
    });
    expect(reachable).toBe(false);
    signIn.cancel();
  });

  it('turns error=access_denied into one sentence, with an escaped static page', async () => {
    const { run, signIn } = await start();
    const denied = new URL(await approveInBrowser(signIn.authorizationUrl, { decision: 'deny' }));
    expect(denied.searchParams.get('error')).toBe('access_denied');
    // A hostile description must not reach the page.
    denied.searchParams.set('error_description', '<script>alert(1)</script> denied');
    const outcome = await browser.follow(denied.href);
    expect('page' in outcome && outcome.page.url).toBe(`http://127.0.0.1:${port}/error`);
    const page = 'page' in outcome ? outcome.page.body : '';
    expect(page).toContain('Sign-in was cancelled in the browser');
    expect(page).not.toContain('<script>alert');
    await expectHarmless(run, 'access-denied', /choose "Authorize"/);
    expect(tokenRequests()).toHaveLength(0);
  });

  it('rejects an answer whose iss names another server (mix-up)', async () => {
    const { run, signIn } = await start();
    const callback = await approve(signIn.authorizationUrl, { iss: 'https://evil.example' });
    await browser.follow(callback);
    await expectHarmless(run, 'issuer-mismatch', /did not come from/);
    expect(tokenRequests()).toHaveLength(0);
  });

  it('accepts an iss equal to the issuer OpenProject advertises (host_name, not the typed URL)', async () => {
    oauth.setHostName('openproject.internal.example/openproject');
    const { run, signIn } = await start();
    expect(signIn.provider.as.issuer).toBe('http://openproject.internal.example/openproject');
    await browser.follow(
      await approve(signIn.authorizationUrl, {
        iss: 'http://openproject.internal.example/openproject',
      }),
    );
    await run.completed;
    expect(await storedTokens()).not.toBeNull();
  });

  it('stores nothing when the token answer has no access_token', async () => {
    oauth.injectTokenFault({ kind: 'omit', fields: ['access_token'] });
    const { run, signIn } = await start();
    const outcome = await browser.follow(await approve(signIn.authorizationUrl));
    expect('page' in outcome && outcome.page.body).toContain('Sign-in failed');
    await expectHarmless(run, 'bad-response', /not a valid OAuth response/);
  });

  it.each([
    ['invalid_client', 'invalid-client', /client id/],
    ['invalid_grant', 'invalid-grant', /sign in again/],
    ['invalid_request', 'invalid-request', /redirect URI/],
    ['unauthorized_client', 'unauthorized-client', /enable it/],
    ['invalid_scope', 'invalid-scope', /api_v3/],
  ] as const)('explains a token endpoint %s in one sentence', async (code, kind, message) => {
    oauth.injectTokenFault({ kind: 'error', error: code, description: 'x' });
    const { run, signIn } = await start();
    await browser.follow(await approve(signIn.authorizationUrl));
    await expectHarmless(run, kind, message);
  });

  it('gives up after the timeout and closes', async () => {
    const { run } = await start({ timeoutMs: 150 });
    await expectHarmless(run, 'timeout', /No sign-in answer came from the browser/);
  });

  it('can be cancelled through an AbortSignal', async () => {
    const abort = new AbortController();
    const { run } = await start({ signal: abort.signal });
    abort.abort();
    await expectHarmless(run, 'cancelled', /cancelled/);
  });

  it('cancels a sign-in still waiting when the user starts another (same port)', async () => {
    const first = await start();
    const second = await start();
    await expect(first.run.completed).rejects.toMatchObject({ kind: 'cancelled' });
    expect(second.signIn.redirectUri).toBe(first.signIn.redirectUri);
    expect((await browser.request(await approve(first.signIn.authorizationUrl))).status).toBe(400);
    await browser.follow(await approve(second.signIn.authorizationUrl));
    await second.run.completed;
    expect(tokenRequests()).toHaveLength(1);
  });

  it('says clearly when the port is taken', async () => {
    const blocker = http.createServer();
    await new Promise<void>((resolve) => blocker.listen(port, '127.0.0.1', resolve));
    try {
      const error = await start().catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(SignInError);
      expect((error as SignInError).kind).toBe('port-in-use');
      expect((error as SignInError).message).toBe(
        `Port ${port} is in use by another program. Close it or choose another port in the sign-in options, and register that redirect URI.`,
      );
    } finally {
      await new Promise<void>((resolve) => blocker.close(() => resolve()));
    }
    expect(await storedTokens()).toBeNull();
  });
});
