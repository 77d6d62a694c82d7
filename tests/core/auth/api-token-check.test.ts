/**
 * A pasted API token is checked at once against our OpenProject simulator: /users/me AND the
 * unread-notifications query. A token that signs in but cannot read notifications is reported
 * in one sentence and not saved.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkApiToken } from '../../../main/core/auth/api-token-check';
import { secretKeys } from '../../../main/core/secrets/secret-store';
import { startSimulator, type Simulator } from '../../simulator/index';
import { freePort, oauthAccountFixture } from './support/fixtures';

describe('checkApiToken', () => {
  let sim: Simulator;

  beforeAll(async () => {
    sim = await startSimulator({ port: 0, basePath: '/openproject' });
  });

  afterAll(async () => {
    await sim.stop();
  });

  it('accepts a legacy token (Basic apikey:) and reports who it is and the unread count', async () => {
    const result = await checkApiToken({ baseUrl: sim.url, token: sim.tokens.apiKey });
    expect(result).toMatchObject({ ok: true, unread: sim.control.unreadCount() });
    expect(result.ok && result.user.name).toBeTruthy();
  });

  it('accepts an opapi- token (sent as Bearer)', async () => {
    const result = await checkApiToken({ baseUrl: sim.url, token: `  ${sim.tokens.bearer}\n` });
    expect(result.ok).toBe(true);
  });

  it('reports a token that signs in but cannot read notifications', async () => {
    const token = sim.control.createToken({ deny: ['notifications'] });
    const result = await checkApiToken({ baseUrl: sim.url, token });
    expect(result).toMatchObject({ ok: false, problem: 'cannot-read-notifications' });
    expect(!result.ok && result.message).toMatch(
      /signs in as .+, but OpenProject refuses it for reading notifications, so it was not saved/,
    );
    expect(!result.ok && result.message).not.toContain(token);
  });

  it('reports a wrong token with where to create one', async () => {
    const result = await checkApiToken({ baseUrl: sim.url, token: 'f'.repeat(40) });
    expect(result).toMatchObject({ ok: false, problem: 'rejected' });
    expect(!result.ok && result.message).toContain(`${sim.url}/my/access_tokens`);
    expect(!result.ok && result.message).not.toContain('f'.repeat(40));
  });

  it('reports an empty token and an unreachable server', async () => {
    expect(await checkApiToken({ baseUrl: sim.url, token: '  ' })).toMatchObject({
      ok: false,
      problem: 'empty',
    });
    const port = await freePort();
    const result = await checkApiToken({
      baseUrl: `http://127.0.0.1:${port}`,
      token: sim.tokens.apiKey,
      timeoutMs: 2_000,
    });
    expect(result).toMatchObject({ ok: false, problem: 'unreachable' });
  });

  it('saves a token only when both checks pass', async () => {
    const fx = await oauthAccountFixture(
      {
        provider: 'openproject',
        clientId: 'x',
        redirect: { mode: 'loopback', port: 47651, path: '/oauth-callback' },
      },
      sim.url,
    );
    const refused = sim.control.createToken({ deny: ['notifications'] });
    expect((await fx.auth.connectApiToken(fx.accountId, refused)).ok).toBe(false);
    expect(await fx.secrets.get(secretKeys.apiToken(fx.accountId))).toBeNull();
    expect(fx.accounts.get(fx.accountId).auth.method).toBe('oauth');

    expect((await fx.auth.connectApiToken(fx.accountId, sim.tokens.apiKey)).ok).toBe(true);
    expect(await fx.secrets.get(secretKeys.apiToken(fx.accountId))).toBe(sim.tokens.apiKey);
    expect(fx.accounts.get(fx.accountId).auth).toEqual({ method: 'apiToken' });
    const options = await fx.auth.clientOptions(fx.accountId);
    expect(options.auth).toEqual({ kind: 'apiKey', token: sim.tokens.apiKey });
  });
});
