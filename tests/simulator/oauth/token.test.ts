/**
 * `/oauth/token` as Doorkeeper 5.9 answers it: form encoding only, the authorization_code grant
 * with PKCE (S256 and plain) and a repeated redirect_uri, refresh tokens that rotate with delayed
 * revocation of the previous one, Doorkeeper JSON errors, and injected faults.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONFIDENTIAL_CLIENT_ID, CONFIDENTIAL_CLIENT_SECRET, TRAY_CLIENT_ID } from './index';
import {
  codeFor,
  me,
  pkce,
  postForm,
  REDIRECT_URI,
  refresh,
  signIn,
  startOAuth,
  type OAuthSim,
  type TokenAnswer,
} from './test-kit';

let env: OAuthSim;
beforeAll(async () => {
  env = await startOAuth();
});
afterAll(() => env.sim.stop());

async function exchange(form: Record<string, string>, headers: Record<string, string> = {}) {
  const response = await postForm(
    env.sim,
    'token',
    { grant_type: 'authorization_code', ...form },
    headers,
  );
  return {
    status: response.status,
    headers: response.headers,
    body: (await response.json()) as Record<string, unknown>,
  };
}

async function codeWithPkce(method: 'S256' | 'plain' = 'S256') {
  const { verifier, challenge } = pkce();
  const code = await codeFor(env.sim, {
    code_challenge: method === 'S256' ? challenge : verifier,
    code_challenge_method: method,
  });
  return { code, verifier };
}

const tray = { redirect_uri: REDIRECT_URI, client_id: TRAY_CLIENT_ID };

describe('the authorization_code grant', () => {
  it('answers with Doorkeeper’s JSON: Bearer, 7200 s, a refresh token, scope api_v3, created_at', async () => {
    const { code, verifier } = await codeWithPkce();
    const answer = await exchange({ code, code_verifier: verifier, ...tray });
    expect(answer.status).toBe(200);
    expect(answer.headers.get('cache-control')).toBe('no-store');
    expect(answer.body).toEqual({
      access_token: expect.stringMatching(/^[\w-]{43}$/) as string,
      token_type: 'Bearer',
      expires_in: 7200,
      refresh_token: expect.stringMatching(/^[\w-]{43}$/) as string,
      scope: 'api_v3',
      created_at: Math.floor(env.sim.control.now().getTime() / 1000),
    });
  });

  it('verifies plain PKCE too, and refuses a wrong verifier (invalid_grant) or none (invalid_request)', async () => {
    const plain = await codeWithPkce('plain');
    expect(
      (await exchange({ code: plain.code, code_verifier: plain.verifier, ...tray })).status,
    ).toBe(200);

    const wrong = await codeWithPkce();
    const refused = await exchange({ code: wrong.code, code_verifier: pkce().verifier, ...tray });
    expect(refused).toMatchObject({ status: 400, body: { error: 'invalid_grant' } });
    expect(refused.headers.get('www-authenticate')).toMatch(
      /^Bearer realm="Doorkeeper", error="invalid_grant"/,
    );

    const missing = await codeWithPkce();
    expect(await exchange({ code: missing.code, ...tray })).toMatchObject({
      status: 400,
      body: {
        error: 'invalid_request',
        error_description: 'Missing required parameter: code_verifier.',
      },
    });
  });

  it('needs redirect_uri repeated and matching (a loopback port may differ)', async () => {
    const a = await codeWithPkce();
    expect(
      await exchange({ code: a.code, code_verifier: a.verifier, client_id: TRAY_CLIENT_ID }),
    ).toMatchObject({
      status: 400,
      body: {
        error: 'invalid_request',
        error_description: 'Missing required parameter: redirect_uri.',
      },
    });
    expect(
      await exchange({
        code: a.code,
        code_verifier: a.verifier,
        client_id: TRAY_CLIENT_ID,
        redirect_uri: 'http://127.0.0.1:47651/other',
      }),
    ).toMatchObject({ status: 400, body: { error: 'invalid_grant' } });
    const other = await exchange({
      code: a.code,
      code_verifier: a.verifier,
      client_id: TRAY_CLIENT_ID,
      redirect_uri: 'http://127.0.0.1:60000/oauth-callback',
    });
    expect(other.status).toBe(200);
  });

  it('accepts a code once, and not after 10 minutes', async () => {
    const a = await codeWithPkce();
    expect((await exchange({ code: a.code, code_verifier: a.verifier, ...tray })).status).toBe(200);
    expect(await exchange({ code: a.code, code_verifier: a.verifier, ...tray })).toMatchObject({
      status: 400,
      body: { error: 'invalid_grant' },
    });
    const b = await codeWithPkce();
    env.sim.control.advanceClock(10 * 60_000);
    expect(await exchange({ code: b.code, code_verifier: b.verifier, ...tray })).toMatchObject({
      status: 400,
      body: { error: 'invalid_grant' },
    });
  });

  it('authenticates a confidential client by HTTP Basic or form; a wrong secret is 401 invalid_client', async () => {
    const redirect = 'https://integration.example.com/oauth/callback';
    const params = {
      client_id: CONFIDENTIAL_CLIENT_ID,
      redirect_uri: redirect,
      code_challenge: null,
      code_challenge_method: null,
    };
    const basic = `Basic ${Buffer.from(`${CONFIDENTIAL_CLIENT_ID}:${CONFIDENTIAL_CLIENT_SECRET}`).toString('base64')}`;
    const byBasic = await exchange(
      { code: await codeFor(env.sim, params), redirect_uri: redirect },
      { authorization: basic },
    );
    expect(byBasic.status).toBe(200);
    const byForm = await exchange({
      code: await codeFor(env.sim, params),
      redirect_uri: redirect,
      client_id: CONFIDENTIAL_CLIENT_ID,
      client_secret: CONFIDENTIAL_CLIENT_SECRET,
    });
    expect(byForm.status).toBe(200);
    for (const secret of ['wrong', '']) {
      const refused = await exchange({
        code: await codeFor(env.sim, params),
        redirect_uri: redirect,
        client_id: CONFIDENTIAL_CLIENT_ID,
        client_secret: secret,
      });
      expect(refused).toMatchObject({ status: 401, body: { error: 'invalid_client' } });
      expect(refused.headers.get('www-authenticate')).toContain('error="invalid_client"');
    }
  });

  it('refuses a code issued to another client', async () => {
    const a = await codeWithPkce();
    const refused = await exchange({
      code: a.code,
      code_verifier: a.verifier,
      redirect_uri: REDIRECT_URI,
      client_id: CONFIDENTIAL_CLIENT_ID,
      client_secret: CONFIDENTIAL_CLIENT_SECRET,
    });
    expect(refused).toMatchObject({ status: 400, body: { error: 'invalid_grant' } });
  });
});

describe('form encoding and grant types', () => {
  it('answers 415 {} to JSON, and nothing is exchanged', async () => {
    const a = await codeWithPkce();
    const response = await fetch(`${env.sim.url}/oauth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        grant_type: 'authorization_code',
        code: a.code,
        code_verifier: a.verifier,
        ...tray,
      }),
    });
    expect(response.status).toBe(415);
    expect(await response.json()).toEqual({});
    expect((await exchange({ code: a.code, code_verifier: a.verifier, ...tray })).status).toBe(200);
  });

  it('accepts the form media type with a charset (as oauth4webapi sends it)', async () => {
    const a = await codeWithPkce();
    const answer = await exchange(
      { code: a.code, code_verifier: a.verifier, ...tray },
      { 'content-type': 'application/x-www-form-urlencoded;charset=UTF-8' },
    );
    expect(answer.status).toBe(200);
  });

  it('names a missing or unsupported grant type', async () => {
    const missing = await postForm(env.sim, 'token', { client_id: TRAY_CLIENT_ID });
    expect(await missing.json()).toMatchObject({ error: 'invalid_request' });
    const password = await postForm(env.sim, 'token', {
      grant_type: 'password',
      client_id: TRAY_CLIENT_ID,
    });
    expect(password.status).toBe(400);
    expect(await password.json()).toMatchObject({ error: 'unsupported_grant_type' });
  });
});

describe('refresh tokens', () => {
  async function refreshed(token: string): Promise<TokenAnswer> {
    const response = await refresh(env.sim, token);
    expect(response.status).toBe(200);
    return (await response.json()) as TokenAnswer;
  }

  it('rotate; the old one is revoked once the new access token is first used', async () => {
    const first = await signIn(env.sim);
    const second = await refreshed(first.refresh_token);
    expect(second.refresh_token).not.toBe(first.refresh_token);
    expect(second.access_token).not.toBe(first.access_token);
    expect(second).toMatchObject({ token_type: 'Bearer', expires_in: 7200, scope: 'api_v3' });

    // Not used yet: the previous refresh token still works (another pair), as on the server.
    const sibling = await refreshed(first.refresh_token);
    expect((await me(env.sim, first.access_token)).status).toBe(200);

    expect((await me(env.sim, second.access_token)).status).toBe(200);
    const reused = await refresh(env.sim, first.refresh_token);
    expect(reused.status).toBe(400);
    expect(await reused.json()).toMatchObject({ error: 'invalid_grant' });
    expect((await me(env.sim, first.access_token)).status).toBe(401);
    expect((await refresh(env.sim, second.refresh_token)).status).toBe(200);
    expect(sibling.refresh_token).toBeTruthy();
  });

  it('need the client_id of their application', async () => {
    const tokens = await signIn(env.sim);
    const without = await postForm(env.sim, 'token', {
      grant_type: 'refresh_token',
      refresh_token: tokens.refresh_token,
    });
    expect(await without.json()).toMatchObject({ error: 'invalid_grant' });
    const other = await postForm(env.sim, 'token', {
      grant_type: 'refresh_token',
      refresh_token: tokens.refresh_token,
      client_id: CONFIDENTIAL_CLIENT_ID,
      client_secret: CONFIDENTIAL_CLIENT_SECRET,
    });
    expect(await other.json()).toMatchObject({ error: 'invalid_grant' });
    expect((await refresh(env.sim, 'f'.repeat(43))).status).toBe(400);
  });

  it('issue tokens with the lifetime set at the time', async () => {
    const tokens = await signIn(env.sim);
    env.oauth.setAccessTokenLifetime(600);
    try {
      expect((await refreshed(tokens.refresh_token)).expires_in).toBe(600);
    } finally {
      env.oauth.setAccessTokenLifetime(7200);
    }
  });
});

describe('injected faults and the request log', () => {
  it('omits fields or answers an error for the next requests only', async () => {
    const tokens = await signIn(env.sim);
    env.oauth.injectTokenFault({ kind: 'omit', fields: ['access_token'], times: 1 });
    const broken = (await (await refresh(env.sim, tokens.refresh_token)).json()) as Record<
      string,
      unknown
    >;
    expect(broken.access_token).toBeUndefined();
    expect(broken.refresh_token).toBeTruthy();

    env.oauth.injectTokenFault({
      kind: 'error',
      error: 'temporarily_unavailable',
      status: 503,
      times: 1,
    });
    const down = await refresh(env.sim, broken.refresh_token as string);
    expect(down.status).toBe(503);
    expect((await refresh(env.sim, broken.refresh_token as string)).status).toBe(200);

    env.oauth.clearRequests();
    await refresh(env.sim, 'unknown');
    expect(env.oauth.requests({ endpoint: 'token' })).toEqual([
      {
        endpoint: 'token',
        status: 400,
        contentType: 'application/x-www-form-urlencoded',
        clientId: TRAY_CLIENT_ID,
        basicAuth: false,
        form: { grant_type: 'refresh_token', refresh_token: 'unknown', client_id: TRAY_CLIENT_ID },
      },
    ]);
  });
});
