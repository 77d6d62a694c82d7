/**
 * OAuth through the service against the simulator's OpenProject OAuth: the authorization page is
 * opened through the opener (recorded), a browser walks it (login, consent), the loopback listener
 * receives the code, and the outcome arrives as `oauthFinished`; deny, cancel, out of band, and
 * disconnect revoking the grant on the server.
 */
import { describe, expect, it, onTestFinished } from 'vitest';
import { startOAuthSimulator, TRAY_CLIENT_ID, type OAuthControl } from '../simulator/oauth/index';
import { authorizeInBrowser, TestBrowser } from '../simulator/oauth/test-browser';
import type { Simulator } from '../simulator/types';
import { startApp, value, type TestApp } from './support';

const toApp = (url: URL) => url.hostname === '127.0.0.1' && url.pathname === '/oauth-callback';

async function setup(): Promise<{ sim: Simulator; oauth: OAuthControl; app: TestApp }> {
  const { sim, oauth } = await startOAuthSimulator({ unread: 3, basePath: '/openproject' });
  onTestFinished(() => sim.stop());
  return { sim, oauth, app: await startApp() };
}

/** The authorization URL the service opened "in the browser". */
function openedAuthorizeUrl(app: TestApp, sim: Simulator): string {
  const url = app.opener.opened.at(-1) ?? '';
  expect(url.startsWith(`${sim.url}/oauth/authorize?`)).toBe(true);
  return url;
}

describe('OAuth sign-in', () => {
  it('signs in through the browser and the loopback listener, then syncs', async () => {
    const { sim, oauth, app } = await setup();
    const flow = value(
      await app.h.startOAuth({ url: sim.url, clientId: TRAY_CLIENT_ID, mode: 'loopback' }),
    );
    expect(flow).toMatchObject({ mode: 'loopback' });
    expect(flow.redirectUri).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/oauth-callback$/);
    const authorizeUrl = openedAuthorizeUrl(app, sim);
    expect(new URL(authorizeUrl).searchParams.get('redirect_uri')).toBe(flow.redirectUri);

    const finished = app.next('oauthFinished', (outcome) => outcome.flowId === flow.flowId);
    const browser = new TestBrowser();
    const outcome = await authorizeInBrowser(browser, authorizeUrl, { stopAt: toApp });
    if (!('redirectedTo' in outcome)) throw new Error(`No redirect: ${outcome.page.body}`);
    await browser.follow(outcome.redirectedTo);
    const account = value((await finished).result);
    expect(account).toMatchObject({
      baseUrl: sim.url,
      authMethod: 'oauth',
      user: { name: 'Jane Doe' },
    });

    await app.next('accountsChanged', (accounts) =>
      accounts.some((a) => a.id === account.id && a.state.kind === 'connected'),
    );
    expect(value(await app.h.getNotifications()).unread.total).toBe(sim.control.unreadCount());

    const signedOut = value(await app.h.disconnect({ accountId: account.id }));
    expect(signedOut.state).toMatchObject({ kind: 'signed-out' });
    expect(signedOut.state.message).toContain('revoked on the server');
    expect(oauth.tokens({ clientId: TRAY_CLIENT_ID }).every((token) => token.revoked)).toBe(true);
  });

  it('reports a denied consent as oauth-denied and saves nothing', async () => {
    const { sim, app } = await setup();
    const flow = value(
      await app.h.startOAuth({ url: sim.url, clientId: TRAY_CLIENT_ID, mode: 'loopback' }),
    );
    const finished = app.next('oauthFinished', (outcome) => outcome.flowId === flow.flowId);
    const browser = new TestBrowser();
    const outcome = await authorizeInBrowser(browser, openedAuthorizeUrl(app, sim), {
      stopAt: toApp,
      decision: 'deny',
    });
    if (!('redirectedTo' in outcome)) throw new Error('No redirect after Deny.');
    await browser.follow(outcome.redirectedTo);
    expect((await finished).result).toMatchObject({ ok: false, error: { kind: 'oauth-denied' } });
    expect(value(await app.h.listAccounts())).toEqual([]);
  });

  it('cancels a sign-in: the outcome says so and the listener no longer answers', async () => {
    const { sim, app } = await setup();
    const flow = value(
      await app.h.startOAuth({ url: sim.url, clientId: TRAY_CLIENT_ID, mode: 'loopback' }),
    );
    const finished = app.next('oauthFinished', (outcome) => outcome.flowId === flow.flowId);
    expect(await app.h.cancelOAuth({ flowId: flow.flowId })).toEqual({ ok: true, value: null });
    expect((await finished).result).toMatchObject({ ok: false, error: { kind: 'cancelled' } });
    await expect(fetch(flow.redirectUri)).rejects.toThrow();
    // Cancelling again, or an unknown flow, is harmless.
    expect(await app.h.cancelOAuth({ flowId: flow.flowId })).toEqual({ ok: true, value: null });
  });

  it('signs in out of band with the pasted code', async () => {
    const { sim, oauth, app } = await setup();
    const client = oauth.createApplication({
      name: 'Tray (code)',
      redirectUris: ['urn:ietf:wg:oauth:2.0:oob'],
      confidential: false,
    });
    const flow = value(
      await app.h.startOAuth({ url: sim.url, clientId: client.clientId, mode: 'out-of-band' }),
    );
    expect(flow).toMatchObject({ mode: 'out-of-band', redirectUri: 'urn:ietf:wg:oauth:2.0:oob' });
    const outcome = await authorizeInBrowser(new TestBrowser(), openedAuthorizeUrl(app, sim));
    if (!('page' in outcome)) throw new Error('Expected the page showing the code.');
    const code = new URL(outcome.page.url).searchParams.get('code') ?? '';
    expect(code).not.toBe('');

    const wrong = await app.h.submitOAuthCode({ flowId: flow.flowId, code: 'x'.repeat(43) });
    expect(wrong).toMatchObject({ ok: false, error: { kind: 'oauth-failed' } });
    const account = value(await app.h.submitOAuthCode({ flowId: flow.flowId, code }));
    expect(account).toMatchObject({ authMethod: 'oauth', user: { name: 'Jane Doe' } });
    expect(value(await app.h.listAccounts()).map((a) => a.id)).toEqual([account.id]);
    expect(await app.h.submitOAuthCode({ flowId: flow.flowId, code })).toMatchObject({
      ok: false,
      error: { kind: 'oauth-failed' },
    });
  });

  it('says when the instance cannot be reached, and refuses an unknown account', async () => {
    const { sim, app } = await setup();
    const url = sim.url;
    expect(
      await app.h.startOAuth({ url, clientId: TRAY_CLIENT_ID, mode: 'loopback', accountId: 'x' }),
    ).toMatchObject({ ok: false, error: { kind: 'unknown-account' } });
    await sim.stop();
    const result = await app.h.startOAuth({ url, clientId: TRAY_CLIENT_ID, mode: 'loopback' });
    expect(result).toMatchObject({ ok: false, error: { kind: 'unreachable' } });
    expect(app.opener.opened).toEqual([]);
  });
});
