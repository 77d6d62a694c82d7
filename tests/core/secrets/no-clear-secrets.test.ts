/**
 * After signing in with an API token and with OAuth (a confidential client, then a refresh),
 * no secret appears in clear, nor as plain base64, in any file of the settings folder.
 */
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LoopbackSignIn } from '../../../main/core/auth/pkce-flow';
import { parseStoredTokens } from '../../../main/core/auth/token-set';
import { secretKeys } from '../../../main/core/secrets/secret-store';
import { startSimulator, type Simulator } from '../../simulator/index';
import { FakeBrowser } from '../auth/support/fake-browser';
import { startFakeOpenProject, type FakeOpenProject } from '../auth/support/fake-openproject-oauth';
import { filesContaining, freePort, oauthAccountFixture } from '../auth/support/fixtures';

describe('secrets at rest', () => {
  let sim: Simulator;
  let op: FakeOpenProject;

  beforeAll(async () => {
    sim = await startSimulator({ port: 0 });
    op = await startFakeOpenProject({ clientSecret: 'confidential-client-secret-42' });
  });

  afterAll(async () => {
    await op.stop();
    await sim.stop();
  });

  it('keeps every token and client secret out of the settings folder in clear', async () => {
    const fx = await oauthAccountFixture(
      {
        provider: 'openproject',
        clientId: 'tray-client-id',
        confidential: true,
        redirect: { mode: 'loopback', port: await freePort(), path: '/oauth-callback' },
      },
      op.url,
    );
    await fx.accounts.setClientSecret(fx.accountId, 'confidential-client-secret-42');
    const run = await fx.auth.startOAuthSignIn(fx.accountId, { lingerMs: 200 });
    await new FakeBrowser().follow(
      await op.approve((run.signIn as LoopbackSignIn).authorizationUrl),
    );
    await run.completed;
    const first = parseStoredTokens(await fx.secrets.get(secretKeys.oauthTokens(fx.accountId)));
    fx.clock.advance(2 * 3_600_000);
    const renewed = await fx.auth.tokenManager(fx.accountId).getToken();

    const apiAccount = fx.accounts.add({
      name: 'Simulator',
      baseUrl: sim.url,
      auth: { method: 'apiToken' },
    });
    expect((await fx.auth.connectApiToken(apiAccount.id, sim.tokens.bearer)).ok).toBe(true);

    const secrets = [
      sim.tokens.bearer,
      'confidential-client-secret-42',
      first!.accessToken,
      first!.refreshToken!,
      renewed,
      ...op.issuedRefreshTokens(),
    ];
    const files = await fs.readdir(fx.folder);
    expect(files).toEqual(
      expect.arrayContaining(['config.json', 'config.json.bak', 'secrets.json']),
    );
    expect(await filesContaining(fx.folder, secrets)).toEqual([]);

    const settingsText = await fs.readFile(path.join(fx.folder, 'config.json'), 'utf8');
    expect(settingsText).not.toMatch(/"(accessToken|refreshToken|clientSecret|token)"\s*:/);
    // …while the store still has them all.
    expect(await fx.accounts.getApiToken(apiAccount.id)).toBe(sim.tokens.bearer);
    expect(await fx.accounts.getClientSecret(fx.accountId)).toBe('confidential-client-secret-42');
  });
});
