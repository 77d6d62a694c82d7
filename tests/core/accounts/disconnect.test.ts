/**
 * Disconnect revokes at {base}/oauth/revoke (form: token, token_type_hint=refresh_token,
 * client_id, and the secret of a confidential client) and deletes the tokens locally, also when
 * the revocation fails — and says which happened.
 */
import { describe, expect, it } from 'vitest';
import { parseStoredTokens } from '../../../main/core/auth/token-set';
import { secretKeys } from '../../../main/core/secrets/secret-store';
import { TRAY_CLIENT_ID } from '../../simulator/oauth/index';
import { freePort, oauthAccountFixture } from '../auth/support/fixtures';
import { signInThroughSimulator, startOAuthServer } from '../auth/support/simulator-oauth';

/** An account signed in to the simulator (the tray app, or a confidential app with `clientSecret`). */
async function signedIn(options: { clientSecret?: string } = {}) {
  const { sim, oauth } = await startOAuthServer();
  const clientId = options.clientSecret
    ? oauth.createApplication({
        name: 'Confidential tray',
        redirectUris: ['http://127.0.0.1:47651/oauth-callback'],
        clientSecret: options.clientSecret,
      }).clientId
    : TRAY_CLIENT_ID;
  const fx = await oauthAccountFixture(
    {
      provider: 'openproject',
      clientId,
      confidential: options.clientSecret !== undefined,
      redirect: { mode: 'loopback', port: await freePort(), path: '/oauth-callback' },
    },
    sim.url,
  );
  if (options.clientSecret) await fx.accounts.setClientSecret(fx.accountId, options.clientSecret);
  await signInThroughSimulator(fx);
  const tokens = parseStoredTokens(await fx.secrets.get(secretKeys.oauthTokens(fx.accountId)));
  return { sim, oauth, fx, clientId, tokens: tokens! };
}

describe('disconnect', () => {
  it('revokes the refresh token at /oauth/revoke and deletes the tokens', async () => {
    const { sim, oauth, fx, tokens } = await signedIn();
    const result = await fx.auth.disconnect(fx.accountId);
    expect(result).toEqual({
      revoked: true,
      message:
        'Signed out of Work: the sign-in was revoked on the server and removed from this computer.',
    });
    const [revoke] = oauth.requests({ endpoint: 'revoke' });
    expect(revoke?.status).toBe(200);
    expect(revoke?.contentType).toMatch(/^application\/x-www-form-urlencoded/);
    expect(revoke?.form).toEqual({
      token: tokens.refreshToken,
      token_type_hint: 'refresh_token',
      client_id: TRAY_CLIENT_ID,
    });
    expect(oauth.tokens().every((token) => token.revoked)).toBe(true);
    const api = await fetch(`${sim.url}/api/v3/users/me`, {
      headers: { authorization: `Bearer ${tokens.accessToken}` },
    });
    expect(api.status).toBe(401);
    expect(await fx.secrets.get(secretKeys.oauthTokens(fx.accountId))).toBeNull();
    expect(fx.accounts.get(fx.accountId).state).toBe('signed-out');
  });

  it('sends the client secret of a confidential client', async () => {
    const { oauth, fx, clientId } = await signedIn({ clientSecret: 's3cret' });
    expect((await fx.auth.disconnect(fx.accountId)).revoked).toBe(true);
    const [revoke] = oauth.requests({ endpoint: 'revoke' });
    expect(revoke).toMatchObject({ status: 200, clientId });
    expect(revoke?.form.client_secret).toBe('s3cret');
    expect(oauth.tokens().every((token) => token.revoked)).toBe(true);
  });

  it('deletes the tokens even when the server cannot be reached, and says so', async () => {
    const { sim, fx, tokens } = await signedIn();
    await sim.stop();
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
