/**
 * The wizard's commands against the simulator: probe (name, warnings, redirect URI, and each way
 * it fails) and connect with an API token (saved only when it can read notifications).
 */
import { describe, expect, it } from 'vitest';
import { startTinyServer } from '../core/support/tiny-server';
import { connected, filesIn, simulator, startApp, value } from './support';

describe('probe', () => {
  it('names the instance and gives the redirect URI to register', async () => {
    const sim = await simulator({ instanceName: 'ACME Projects', basePath: '/openproject' });
    const app = await startApp();
    const probed = value(await app.h.probe({ url: `${sim.url}/` }));
    expect(probed.instance).toMatchObject({ baseUrl: sim.url, instanceName: 'ACME Projects' });
    expect(probed.warnings).toEqual([]);
    expect(probed.oauthRedirectUri).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/oauth-callback$/);
  });

  it('warns when the instance is already connected', async () => {
    const sim = await simulator();
    const app = await startApp();
    await connected(app, sim.url, sim.tokens.apiKey);
    expect(value(await app.h.probe({ url: sim.url })).warnings).toEqual(['already-connected']);
  });

  it('refuses what is not a web address', async () => {
    const app = await startApp();
    const result = await app.h.probe({ url: 'ftp://files.example.com' });
    expect(result).toMatchObject({ ok: false, error: { kind: 'invalid-url' } });
  });

  it('says when the address answers but is not an OpenProject', async () => {
    const other = await startTinyServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end('<html><body>Welcome to nginx</body></html>');
    });
    const app = await startApp();
    try {
      const result = await app.h.probe({ url: other.url });
      expect(result).toMatchObject({ ok: false, error: { kind: 'not-openproject' } });
      if (!result.ok) expect(result.error.message).toContain('not the OpenProject API');
    } finally {
      await other.close();
    }
  });

  it('says when nothing answers', async () => {
    const sim = await simulator();
    const url = sim.url;
    await sim.stop();
    const app = await startApp();
    const result = await app.h.probe({ url });
    expect(result).toMatchObject({ ok: false, error: { kind: 'unreachable' } });
  });
});

describe('connect with an API token', () => {
  it('checks the token, saves the account and starts syncing it', async () => {
    const sim = await simulator({ instanceName: 'ACME Projects' });
    const app = await startApp();
    const account = value(await app.h.connectWithToken({ url: sim.url, token: sim.tokens.apiKey }));
    expect(account).toMatchObject({
      baseUrl: sim.url,
      instanceName: 'ACME Projects',
      user: { name: 'Jane Doe' },
      authMethod: 'apiToken',
      options: { label: null, notify: true },
    });
    expect(value(await app.h.listAccounts()).map((a) => a.id)).toEqual([account.id]);
    const synced = await app.next('accountsChanged', (accounts) =>
      accounts.some((a) => a.id === account.id && a.state.kind === 'connected'),
    );
    expect(synced[0]?.lastSyncAt).not.toBeNull();
  });

  it('refuses a wrong token and saves nothing', async () => {
    const sim = await simulator();
    const app = await startApp();
    const result = await app.h.connectWithToken({ url: sim.url, token: 'f'.repeat(40) });
    expect(result).toMatchObject({ ok: false, error: { kind: 'unauthenticated' } });
    if (!result.ok) expect(result.error.message).toContain('/my/access_tokens');
    expect(value(await app.h.listAccounts())).toEqual([]);
  });

  it('never saves a token that cannot read notifications', async () => {
    const sim = await simulator();
    const app = await startApp();
    const result = await app.h.connectWithToken({ url: sim.url, token: sim.tokens.limited });
    expect(result).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
    if (!result.ok) expect(result.error.message).toContain('was not saved');
    expect(value(await app.h.listAccounts())).toEqual([]);
    const secrets = (await filesIn(app.home)).find((file) => file.path.endsWith('secrets.json'));
    expect(secrets === undefined || !secrets.text.includes('api-token')).toBe(true);
  });

  it('signs an existing account in again instead of adding the same user twice', async () => {
    const sim = await simulator();
    const app = await startApp();
    const first = value(await app.h.connectWithToken({ url: sim.url, token: sim.tokens.apiKey }));
    const again = value(await app.h.connectWithToken({ url: sim.url, token: sim.tokens.bearer }));
    expect(again.id).toBe(first.id);
    expect(value(await app.h.listAccounts())).toHaveLength(1);
  });

  it('refuses to sign in again to an account that does not exist', async () => {
    const sim = await simulator();
    const app = await startApp();
    const result = await app.h.connectWithToken({
      url: sim.url,
      token: sim.tokens.apiKey,
      accountId: 'no-such-account',
    });
    expect(result).toMatchObject({ ok: false, error: { kind: 'unknown-account' } });
  });
});
