/**
 * Signing in with OpenProject's OAuth in a real browser (Chromium): the simulator's login and
 * consent pages walked by Playwright, the app's real loopback listener on the fixed registered
 * port (a free one per run), tokens encrypted on disk, the API working with them, a transparent
 * refresh after the access token expired (simulator clock), "needs sign-in" after the user revoked
 * the app — and why the port must be fixed: the consent page's CSP `form-action` blocks the
 * redirect to any other port. Also measures Connect → signed in.
 */
import { expect, test, type Page } from '@playwright/test';
import { createClient } from '../../../main/core/api/client';
import type { LoopbackSignIn } from '../../../main/core/auth/pkce-flow';
import {
  DEFAULT_PASSWORD,
  startOAuthSimulator,
  TRAY_CLIENT_ID,
  type OAuthControl,
} from '../../simulator/oauth/index';
import type { Simulator } from '../../simulator/types';
import { filesContaining, freePort, localOnly, median, stillPending, trayAccount } from './support';

let sim: Simulator;
let oauth: OAuthControl;
/** The port registered for "OpenProject Tray" in this run (instead of 47651, to avoid clashes). */
let port: number;

test.beforeAll(async () => {
  port = await freePort();
  ({ sim, oauth } = await startOAuthSimulator({
    basePath: '/openproject',
    oauth: {
      trayRedirectUris: [
        `http://127.0.0.1:${port}/oauth-callback`,
        `http://[::1]:${port}/oauth-callback`,
      ],
    },
  }));
});

test.afterAll(async () => {
  await sim?.stop();
});

test.beforeEach(async ({ context }) => {
  await localOnly(context);
});

const connection = (redirectPort: number) => ({
  provider: 'openproject' as const,
  clientId: TRAY_CLIENT_ID,
  redirect: { mode: 'loopback' as const, port: redirectPort, path: '/oauth-callback' },
});

/**
 * The person in the browser: the login page, then the consent page of OpenProject Tray; returns
 * the consent page's Content-Security-Policy header.
 */
async function signInAndSeeConsent(page: Page, authorizationUrl: string): Promise<string> {
  await page.goto(authorizationUrl);
  await expect(page).toHaveURL(/\/openproject\/login\?back_url=/);
  await page.getByLabel('Username').fill('jane');
  await page.getByLabel('Password').fill(DEFAULT_PASSWORD);
  const consent = page.waitForResponse(
    (response) => response.url().includes('/oauth/authorize?') && response.status() === 200,
  );
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(
    page.getByRole('heading', { name: 'Authorize OpenProject Tray to use your account jane?' }),
  ).toBeVisible();
  return (await (await consent).headerValue('content-security-policy')) ?? '';
}

/** The app and the server agree on the time (the simulator's clock, moved by the tests). */
const simulatorTime = () => sim.control.now().getTime();

test('Connect: login and consent in Chromium, tokens encrypted on disk, API, refresh, revocation', async ({
  page,
}) => {
  const account = await trayAccount(sim.url, connection(port), { now: simulatorTime });
  try {
    const run = await account.auth.startOAuthSignIn(account.id);
    const signIn = run.signIn as LoopbackSignIn;
    expect(signIn.redirectUri).toBe(`http://127.0.0.1:${port}/oauth-callback`);
    const csp = await signInAndSeeConsent(page, signIn.authorizationUrl);
    expect(csp).toContain(`form-action 'self' http://127.0.0.1:${port}/ http://[::1]:${port}/`);

    await page.getByRole('button', { name: 'Authorize' }).click();
    await expect(page).toHaveURL(`http://127.0.0.1:${port}/done`);
    await expect(page.getByRole('heading', { name: 'Signed in' })).toBeVisible();
    await run.completed;
    expect(account.accounts.get(account.id).state).toBe('ok');

    const first = await account.storedTokens();
    expect(first?.refreshToken).toBeTruthy();
    expect(
      await filesContaining(account.folder, [first!.accessToken, first!.refreshToken!]),
    ).toEqual([]);

    const client = createClient({
      baseUrl: sim.url,
      retries: 0,
      ...(await account.auth.clientOptions(account.id)),
    });
    expect(await client.me()).toMatchObject({ name: 'Jane Doe', login: 'jane' });

    // Two hours later (one poll past the token's expiry): the next request refreshes on its own.
    sim.control.advanceClock(7200_000 + 60_000);
    sim.control.resetStats();
    expect((await client.me()).name).toBe('Jane Doe');
    expect(oauth.requests({ grantType: 'refresh_token' }).map((r) => r.status)).toEqual([200]);
    expect(sim.control.stats().byPath['/api/v3/users/me']).toEqual(
      expect.objectContaining({ requests: 1 }),
    );
    const second = await account.storedTokens();
    expect(second?.refreshToken).not.toBe(first?.refreshToken);
    expect(
      await filesContaining(account.folder, [second!.accessToken, second!.refreshToken!]),
    ).toEqual([]);

    // A poll later, Jane revokes "OpenProject Tray" under My account → Access tokens.
    sim.control.advanceClock(60_000);
    oauth.revokeTokens({ user: 'jane', clientId: TRAY_CLIENT_ID });
    await expect(client.unreadCount()).rejects.toMatchObject({ kind: 'unauthenticated' });
    expect(account.accounts.get(account.id).state).toBe('needs-sign-in');
    const requests = sim.control.stats().requests;
    for (let poll = 0; poll < 5; poll += 1) {
      sim.control.advanceClock(60_000);
      await expect(client.unreadCount()).rejects.toThrow(/sign in again/);
    }
    expect(sim.control.stats().requests).toBe(requests);
  } finally {
    await account.remove();
  }
});

test('Deny in the browser: the app says so, nothing is stored', async ({ page }) => {
  const account = await trayAccount(sim.url, connection(port));
  try {
    const run = await account.auth.startOAuthSignIn(account.id);
    await signInAndSeeConsent(page, run.signIn.authorizationUrl);
    await page.getByRole('button', { name: 'Deny' }).click();
    await expect(page).toHaveURL(`http://127.0.0.1:${port}/error`);
    await expect(page.getByText('Sign-in was cancelled in the browser')).toBeVisible();
    await expect(run.completed).rejects.toMatchObject({ kind: 'access-denied' });
    expect(await account.storedTokens()).toBeNull();
  } finally {
    await account.remove();
  }
});

test('the consent page’s CSP form-action blocks the redirect to a port other than the registered one', async ({
  page,
}) => {
  const other = await freePort();
  expect(other).not.toBe(port);
  const account = await trayAccount(sim.url, connection(other));
  const violations: string[] = [];
  const ignoredSources: string[] = [];
  page.on('console', (message) => {
    const text = message.text();
    if (/violates the following Content Security Policy directive/.test(text))
      violations.push(text);
    if (/contains an invalid source/.test(text)) ignoredSources.push(text);
  });
  try {
    const run = await account.auth.startOAuthSignIn(account.id);
    const signIn = run.signIn as LoopbackSignIn;
    // Doorkeeper itself accepts any port for a loopback IP: the consent page is shown.
    await signInAndSeeConsent(page, signIn.authorizationUrl);
    const consentUrl = page.url();
    oauth.clearRequests();

    await page.getByRole('button', { name: 'Authorize' }).click();
    await expect.poll(() => violations.join('\n')).toMatch(/form-action/);
    // The effective rule is the real server's: the registered port only. (Chromium ignores the
    // [::1] source as invalid, so a registered http://[::1]:… redirect URI cannot work in it.)
    expect(violations.join('\n')).toContain(`"form-action 'self' http://127.0.0.1:${port}/"`);
    expect(ignoredSources.join('\n')).toContain(`'http://[::1]:${port}/'`);
    expect(page.url()).toBe(consentUrl);
    await expect(
      page.getByRole('heading', { name: 'Authorize OpenProject Tray to use your account jane?' }),
    ).toBeVisible();
    // The listener on the other port got nothing: no code was exchanged, the sign-in still waits.
    expect(await stillPending(run.completed, 1_000)).toBe(true);
    expect(oauth.requests({ endpoint: 'token' })).toEqual([]);
    signIn.cancel();
    await expect(run.completed).rejects.toMatchObject({ kind: 'cancelled' });
    expect(await account.storedTokens()).toBeNull();
  } finally {
    await account.remove();
  }
});

test('measure: Connect → signed in, browser driven by Playwright (fresh browser session each run)', async ({
  browser,
}) => {
  const account = await trayAccount(sim.url, connection(port));
  const timings: number[] = [];
  try {
    for (let i = 0; i < 5; i += 1) {
      const context = await browser.newContext();
      await localOnly(context);
      const page = await context.newPage();
      const started = performance.now();
      const run = await account.auth.startOAuthSignIn(account.id);
      await page.goto(run.signIn.authorizationUrl);
      await page.getByLabel('Username').fill('jane');
      await page.getByLabel('Password').fill(DEFAULT_PASSWORD);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('button', { name: 'Authorize' }).click();
      await run.completed;
      timings.push(performance.now() - started);
      await expect(page.getByRole('heading', { name: 'Signed in' })).toBeVisible();
      await context.close();
    }
    console.log(
      `[measure] Connect → signed in against the simulator (Chromium, login + consent): median ${median(timings).toFixed(0)} ms over ${timings.length} runs (${timings.map((t) => t.toFixed(0)).join(', ')} ms)`,
    );
    expect(account.accounts.get(account.id).state).toBe('ok');
  } finally {
    await account.remove();
  }
});
