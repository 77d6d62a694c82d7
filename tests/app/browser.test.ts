/**
 * Opening pages in the browser: main builds each URL and opens it only on a signed-in instance
 * (or, before sign-in, one probed in this session); anything else is refused and never opened.
 */
import { describe, expect, it } from 'vitest';
import { connected, simulator, startApp, value } from './support';

describe('open in browser', () => {
  it('opens work packages and the notification center of a signed-in account', async () => {
    const sim = await simulator({ unread: 2, basePath: '/openproject' });
    const app = await startApp();
    const accountId = await connected(app, sim.url, sim.tokens.apiKey);
    value(await app.h.openInBrowser({ kind: 'workPackage', accountId, workPackageId: 42 }));
    value(await app.h.openInBrowser({ kind: 'notificationCenter', accountId }));
    expect(app.opener.opened).toEqual([`${sim.url}/work_packages/42`, `${sim.url}/notifications`]);
  });

  it('opens the token and OAuth pages of a probed instance before sign-in, nothing else', async () => {
    const sim = await simulator({ basePath: '/openproject' });
    const app = await startApp();
    const refused = await app.h.openInBrowser({ kind: 'accessTokens', baseUrl: sim.url });
    expect(refused).toMatchObject({ ok: false, error: { kind: 'not-allowed' } });
    expect(app.opener.opened).toEqual([]);

    value(await app.h.probe({ url: sim.url }));
    value(await app.h.openInBrowser({ kind: 'accessTokens', baseUrl: sim.url }));
    value(await app.h.openInBrowser({ kind: 'oauthApplications', baseUrl: `${sim.url}/` }));
    // The instance at /openproject does not vouch for another path on the same host.
    const origin = new URL(sim.url).origin;
    const elsewhere = await app.h.openInBrowser({
      kind: 'accessTokens',
      baseUrl: `${origin}/other`,
    });
    expect(elsewhere).toMatchObject({ ok: false, error: { kind: 'not-allowed' } });
    expect(app.opener.opened).toEqual([
      `${sim.url}/my/access_tokens`,
      `${sim.url}/admin/oauth/applications`,
    ]);
  });

  it('refuses pages of unknown and signed-out accounts', async () => {
    const sim = await simulator({ unread: 1 });
    const app = await startApp();
    const accountId = await connected(app, sim.url, sim.tokens.apiKey);
    expect(
      await app.h.openInBrowser({ kind: 'workPackage', accountId: 'nope', workPackageId: 1 }),
    ).toMatchObject({ ok: false, error: { kind: 'unknown-account' } });
    value(await app.h.disconnect({ accountId }));
    expect(await app.h.openInBrowser({ kind: 'notificationCenter', accountId })).toMatchObject({
      ok: false,
      error: { kind: 'unauthenticated' },
    });
    expect(
      await app.h.openInBrowser({ kind: 'accessTokens', baseUrl: 'https://evil.example.com' }),
    ).toMatchObject({ ok: false, error: { kind: 'not-allowed' } });
    expect(app.opener.opened).toEqual([]);
  });
});
