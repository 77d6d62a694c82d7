/**
 * `/oauth/revoke` (RFC 7009 as Doorkeeper answers it) and the discovery documents OpenProject
 * serves: no revocation or PKCE metadata, an issuer from the host_name setting, 404 on versions
 * without it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONFIDENTIAL_CLIENT_ID, CONFIDENTIAL_CLIENT_SECRET, TRAY_CLIENT_ID } from './index';
import { me, postForm, refresh, signIn, startOAuth, type OAuthSim } from './test-kit';

let env: OAuthSim;
beforeAll(async () => {
  env = await startOAuth();
});
afterAll(() => env.sim.stop());

describe('/oauth/revoke', () => {
  it('revokes a refresh token with only the client_id of a public client: 200 {}', async () => {
    const tokens = await signIn(env.sim);
    const response = await postForm(env.sim, 'revoke', {
      token: tokens.refresh_token,
      token_type_hint: 'refresh_token',
      client_id: TRAY_CLIENT_ID,
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({});
    expect(await (await refresh(env.sim, tokens.refresh_token)).json()).toMatchObject({
      error: 'invalid_grant',
    });
    expect((await me(env.sim, tokens.access_token)).status).toBe(401);
  });

  it('answers 200 {} for an unknown token, and the form media type is required', async () => {
    const unknown = await postForm(env.sim, 'revoke', { token: 'nope', client_id: TRAY_CLIENT_ID });
    expect(unknown.status).toBe(200);
    expect(await unknown.json()).toEqual({});
    const json = await fetch(`${env.sim.url}/oauth/revoke`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token: 'nope', client_id: TRAY_CLIENT_ID }),
    });
    expect(json.status).toBe(415);
  });

  it('refuses a caller without client id, and another application’s token', async () => {
    const tokens = await signIn(env.sim);
    const anonymous = await postForm(env.sim, 'revoke', { token: tokens.access_token });
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toMatchObject({ error: 'invalid_client' });
    const foreign = await postForm(env.sim, 'revoke', {
      token: tokens.access_token,
      client_id: CONFIDENTIAL_CLIENT_ID,
      client_secret: CONFIDENTIAL_CLIENT_SECRET,
    });
    expect(foreign.status).toBe(403);
    expect(await foreign.json()).toMatchObject({ error: 'unauthorized_client' });
    expect((await me(env.sim, tokens.access_token)).status).toBe(200);
    expect(env.oauth.requests({ endpoint: 'revoke' }).at(-1)).toMatchObject({
      status: 403,
      clientId: CONFIDENTIAL_CLIENT_ID,
    });
  });
});

describe('/.well-known/oauth-authorization-server', () => {
  async function metadata(): Promise<Response> {
    return fetch(`${env.sim.url}/.well-known/oauth-authorization-server`);
  }

  it('lists the endpoints, without revocation_endpoint or code_challenge_methods_supported', async () => {
    const response = await metadata();
    expect(response.status).toBe(200);
    const body = (await response.json()) as Record<string, unknown>;
    expect(body).toEqual({
      issuer: env.sim.url,
      authorization_endpoint: `${env.sim.url}/oauth/authorize`,
      token_endpoint: `${env.sim.url}/oauth/token`,
      introspection_endpoint: `${env.sim.url}/oauth/introspect`,
      scopes_supported: ['api_v3', 'scim_v2', 'mcp'],
      response_types_supported: ['code'],
      grant_types_supported: ['authorization_code', 'client_credentials', 'refresh_token'],
      service_documentation: expect.stringContaining('openproject.org') as string,
    });
    expect(body).not.toHaveProperty('revocation_endpoint');
    expect(body).not.toHaveProperty('code_challenge_methods_supported');
  });

  it('takes the issuer from the host_name setting, and can be absent (older versions)', async () => {
    env.oauth.setHostName('openproject.example.com/openproject');
    try {
      const body = (await (await metadata()).json()) as Record<string, unknown>;
      expect(body.issuer).toBe('http://openproject.example.com/openproject');
      expect(body.token_endpoint).toBe(`${env.sim.url}/oauth/token`);
    } finally {
      env.oauth.setHostName(null);
    }
    env.oauth.setMetadataEnabled(false);
    try {
      expect((await metadata()).status).toBe(404);
    } finally {
      env.oauth.setMetadataEnabled(true);
    }
  });

  it('is next to the protected-resource metadata the API’s challenge points to', async () => {
    const response = await fetch(`${env.sim.url}/.well-known/oauth-protected-resource`);
    expect(await response.json()).toMatchObject({
      resource: env.sim.url,
      authorization_servers: [env.sim.url],
      bearer_methods_supported: ['header'],
    });
  });
});

describe('applications created through control', () => {
  it('check redirect URIs like the admin form and show the secret once', () => {
    const created = env.oauth.createApplication({
      name: 'Tray on another port',
      redirectUris: 'http://127.0.0.1:40001/oauth-callback\nhttp://[::1]:40001/oauth-callback',
      confidential: false,
    });
    expect(created).toMatchObject({ confidential: false, enabled: true, scopes: ['api_v3'] });
    expect(created.clientId).toMatch(/^[\w-]{43}$/);
    expect(created.clientSecret).toMatch(/^[\w-]{43}$/);
    expect(
      env.oauth.applications().find((app) => app.clientId === created.clientId),
    ).not.toHaveProperty('clientSecret');
    expect(() =>
      env.oauth.createApplication({
        name: 'Plain http',
        redirectUris: ['http://app.example.com/cb'],
      }),
    ).toThrow(/HTTPS/);
    expect(() =>
      env.oauth.createApplication({ name: '', redirectUris: ['https://a.example/cb'] }),
    ).toThrow(/Name/);
    expect(env.oauth.deleteApplication(created.clientId)).toBe(true);
  });
});
