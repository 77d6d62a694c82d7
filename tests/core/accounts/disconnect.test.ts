/**
 * Disconnect revokes at {base}/oauth/revoke (form: token, token_type_hint=refresh_token,
 * client_id, and the secret of a confidential client) and deletes the tokens locally, also when
 * the revocation fails — and says which happened.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { LoopbackSignIn } from '../../../main/core/auth/pkce-flow';
import { parseStoredTokens } from '../../../main/core/auth/token-set';
import { secretKeys } from '../../../main/core/secrets/secret-store';
import { FakeBrowser } from '../auth/support/fake-browser';
import { startFakeOpenProject, type FakeOpenProject } from '../auth/support/fake-openproject-oauth';
import { freePort, oauthAccountFixture } from '../auth/support/fixtures';

const servers: FakeOpenProject[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) await server.stop();
});

async function signedIn(options: { clientSecret?: string } = {}) {
  const op = await startFakeOpenProject(options);
  servers.push(op);
  const fx = await oauthAccountFixture(
    {
      provider: 'openproject',
      clientId: 'tray-client-id',
      confidential: options.clientSecret !== undefined,
      redirect: { mode: 'loopback', port: await freePort(), path: '/oauth-callback' },
    },
    op.url,
  );
  if (options.clientSecret) await fx.accounts.setClientSecret(fx.accountId, options.clientSecret);
  const run = await fx.auth.startOAuthSignIn(fx.accountId, { lingerMs: 200 });
  await new FakeBrowser().follow(await op.approve((run.signIn as LoopbackSignIn).authorizationUrl));
  await run.completed;
  const tokens = parseStoredTokens(await fx.secrets.get(secretKeys.oauthTokens(fx.accountId)));
  return { op, fx, tokens: tokens! };
}

describe('disconnect', () => {
  it('revokes the refresh token at /oauth/revoke and deletes the tokens', async () => {
    const { op, fx, tokens } = await signedIn();
    const result = await fx.auth.disconnect(fx.accountId);
    expect(result).toEqual({
      revoked: true,
      message:
        'Signed out of Work: the sign-in was revoked on the server and removed from this computer.',
    });
    const revoke = op.requests.find((request) => request.path === '/openproject/oauth/revoke');
    expect(revoke?.contentType).toMatch(/^application\/x-www-form-urlencoded/);
    expect(Object.fromEntries(revoke?.form ?? [])).toEqual({
      token: tokens.refreshToken,
      token_type_hint: 'refresh_token',
      client_id: 'tray-client-id',
    });
    expect(await fx.secrets.get(secretKeys.oauthTokens(fx.accountId))).toBeNull();
    expect(fx.accounts.get(fx.accountId).state).toBe('signed-out');
  });

  it('sends the client secret of a confidential client', async () => {
    const { op, fx } = await signedIn({ clientSecret: 's3cret' });
    expect((await fx.auth.disconnect(fx.accountId)).revoked).toBe(true);
    const revoke = op.requests.find((request) => request.path.endsWith('/oauth/revoke'));
    expect(revoke?.form.get('client_secret')).toBe('s3cret');
  });

  it('deletes the tokens even when the server cannot be reached, and says so', async () => {
    const { op, fx, tokens } = await signedIn();
    await op.stop();
    const result = await fx.auth.disconnect(fx.accountId);
    expect(result.revoked).toBe(false);
    expect(result.message).toMatch(
      /^The sign-in of Work was removed from this computer, but revoking it on the server failed: .*could not be reached.* You can revoke "OpenProject Tray" under My account → Access tokens\.$/,
    );
    expect(result.message).not.toContain(tokens.refreshToken);
    expect(await fx.secrets.get(secretKeys.oauthTokens(fx.accountId))).toBeNull();
    const manager = fx.auth.tokenManager(fx.accountId);
    await expect(manager.getToken()).rejects.toMatchObject({ kind: 'unauthenticated' });
  });

  it('removes an API token locally and says it stays valid on the server', async () => {
    const { fx } = await signedIn();
    const account = fx.accounts.add({
      name: 'Tokens',
      baseUrl: 'https://op.example.com',
      auth: { method: 'apiToken' },
    });
    await fx.accounts.setApiToken(account.id, 'opapi-abc');
    const result = await fx.auth.disconnect(account.id);
    expect(result.revoked).toBe(false);
    expect(result.message).toMatch(
      /removed from this computer\. It stays valid in OpenProject until you delete it/,
    );
    expect(await fx.accounts.getApiToken(account.id)).toBeNull();
  });
});
