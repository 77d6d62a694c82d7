/**
 * The issued access token on API v3: it works as Bearer for its user; expired (simulator clock),
 * revoked (the user revoked the app), of a disabled application, or without scope api_v3 it is
 * refused with OpenProject's 401/403 and `WWW-Authenticate` challenge.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TRAY_CLIENT_ID } from './index';
import { me, signIn, startOAuth, type OAuthSim } from './test-kit';

let env: OAuthSim;
beforeAll(async () => {
  env = await startOAuth();
});
afterAll(() => env.sim.stop());

const UNAUTHENTICATED = {
  _type: 'Error',
  errorIdentifier: 'urn:openproject-org:api:v3:errors:Unauthenticated',
  message: 'You did not provide the correct credentials.',
};

function challenge(error: string): string {
  return `Bearer realm="OpenProject API", resource_metadata="${new URL(env.sim.url).origin}/openproject/.well-known/oauth-protected-resource", scope="api_v3", error="${error}"`;
}

describe('an OAuth access token on the API', () => {
  it('is Jane’s Bearer token', async () => {
    const tokens = await signIn(env.sim);
    const response = await me(env.sim, tokens.access_token);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ login: 'jane', name: 'Jane Doe' });
  });

  it('is 401 invalid_token once expired by the simulator clock (7200 s)', async () => {
    const tokens = await signIn(env.sim);
    env.sim.control.advanceClock(7199_000);
    expect((await me(env.sim, tokens.access_token)).status).toBe(200);
    env.sim.control.advanceClock(1_000);
    const expired = await me(env.sim, tokens.access_token);
    expect(expired.status).toBe(401);
    expect(expired.headers.get('www-authenticate')).toBe(challenge('invalid_token'));
    expect(await expired.json()).toEqual(UNAUTHENTICATED);
  });

  it('is 401 after the user revoked the app; the refresh token is dead too', async () => {
    const tokens = await signIn(env.sim);
    const other = await signIn(env.sim);
    expect(
      env.oauth.revokeTokens({ user: 'jane', clientId: TRAY_CLIENT_ID }),
    ).toBeGreaterThanOrEqual(2);
    for (const token of [tokens.access_token, other.access_token]) {
      const response = await me(env.sim, token);
      expect(response.status).toBe(401);
      expect(response.headers.get('www-authenticate')).toBe(challenge('invalid_token'));
    }
    const refreshed = await fetch(`${env.sim.url}/oauth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'refresh_token',
        refresh_token: tokens.refresh_token,
        client_id: TRAY_CLIENT_ID,
      }).toString(),
    });
    expect(await refreshed.json()).toMatchObject({ error: 'invalid_grant' });
    expect(env.oauth.tokens({ user: 'jane' }).every((token) => token.revoked)).toBe(true);
  });

  it('is 403 insufficient_scope without api_v3', async () => {
    const { accessToken } = env.oauth.issueToken({ user: 'jane', scopes: ['mcp'] });
    const response = await me(env.sim, accessToken);
    expect(response.status).toBe(403);
    expect(response.headers.get('www-authenticate')).toBe(challenge('insufficient_scope'));
    expect(await response.json()).toMatchObject({
      errorIdentifier: UNAUTHENTICATED.errorIdentifier,
    });
  });

  it('is 401 when its application is disabled, and works again when enabled', async () => {
    const tokens = await signIn(env.sim);
    env.oauth.updateApplication(TRAY_CLIENT_ID, { enabled: false });
    try {
      expect((await me(env.sim, tokens.access_token)).status).toBe(401);
    } finally {
      env.oauth.updateApplication(TRAY_CLIENT_ID, { enabled: true });
    }
    expect((await me(env.sim, tokens.access_token)).status).toBe(200);
  });

  it('belongs to the user who consented, and an unknown token is 401', async () => {
    const { accessToken } = env.oauth.issueToken({ user: 'zoe' });
    expect(await (await me(env.sim, accessToken)).json()).toMatchObject({ login: 'zoe' });
    expect((await me(env.sim, 'x'.repeat(43))).status).toBe(401);
  });
});
