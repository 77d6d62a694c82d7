/**
 * Where sign-in goes for each kind of connection: OpenProject's fixed Doorkeeper paths with or
 * without its metadata, confidential clients, the out-of-band fallback, external OIDC discovery
 * and its failures, the redirect URI the wizard shows.
 */
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createGotFetch } from '../../../main/core/auth/got-fetch';
import { SignInError } from '../../../main/core/auth/oauth-errors';
import {
  OOB_REDIRECT_URI,
  registeredRedirectUri,
  type LoopbackSignIn,
} from '../../../main/core/auth/pkce-flow';
import { issuerUrl, resolveProvider } from '../../../main/core/auth/providers';
import { secretKeys } from '../../../main/core/secrets/secret-store';
import { OAuthConnectionSchema } from '../../../main/core/settings/schema';
import { TRAY_CLIENT_ID } from '../../simulator/oauth/index';
import { authorizeInBrowser, TestBrowser } from '../../simulator/oauth/test-browser';
import { freePort, oauthAccountFixture } from './support/fixtures';
import {
  approveInBrowser,
  signInThroughSimulator,
  simulatorAccount,
  startOAuthServer,
} from './support/simulator-oauth';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

/** A server answering every GET with `body` (JSON) and `status`. */
async function staticServer(status: number, body: (origin: string) => unknown): Promise<string> {
  const server = http.createServer((_req, res) => {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body(origin)));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  cleanups.push(() => new Promise((resolve) => server.close(() => resolve())));
  return origin;
}

/** The SignInError a promise rejects with. */
async function failure(promise: Promise<unknown>): Promise<SignInError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (!(error instanceof SignInError))
    throw new Error(`expected a SignInError, got ${String(error)}`);
  return error;
}

const connection = (fields: Record<string, unknown>) =>
  OAuthConnectionSchema.parse({ name: 'Sign-in', clientId: TRAY_CLIENT_ID, ...fields });

describe('OpenProject provider', () => {
  it('uses the fixed paths and the advertised issuer, adding revocation and S256', async () => {
    const { sim } = await startOAuthServer({ oauth: { hostName: 'op.example.com' } });
    const provider = await resolveProvider({
      baseUrl: sim.url,
      connection: connection({ provider: 'openproject' }),
      fetch: createGotFetch(),
    });
    expect(provider.as).toMatchObject({
      issuer: 'http://op.example.com',
      authorization_endpoint: `${sim.url}/oauth/authorize`,
      token_endpoint: `${sim.url}/oauth/token`,
      revocation_endpoint: `${sim.url}/oauth/revoke`,
      code_challenge_methods_supported: ['S256'],
    });
    expect(provider.scope).toBe('api_v3');
    expect(provider.serverName).toBe(new URL(sim.url).host);
  });

  it('signs in when the metadata is missing (older OpenProject), with the base URL as issuer', async () => {
    const { sim, fx } = await simulatorAccount({}, { metadata: false });
    const run = await fx.auth.startOAuthSignIn(fx.accountId, { lingerMs: 200 });
    expect(run.signIn.provider.as.issuer).toBe(sim.url);
    await new TestBrowser().follow(await approveInBrowser(run.signIn.authorizationUrl));
    await run.completed;
    expect(await fx.secrets.get(secretKeys.oauthTokens(fx.accountId))).not.toBeNull();
  });

  it('sends the secret of a confidential client in the form, and explains a wrong one', async () => {
    const { sim, oauth } = await startOAuthServer();
    const app = oauth.createApplication({
      name: 'Tray (confidential)',
      redirectUris: ['http://127.0.0.1:47651/oauth-callback'],
      confidential: true,
      clientSecret: 'the-right-secret',
    });
    const fx = await oauthAccountFixture(
      {
        provider: 'openproject',
        clientId: app.clientId,
        confidential: true,
        redirect: { mode: 'loopback', port: await freePort(), path: '/oauth-callback' },
      },
      sim.url,
    );
    await fx.accounts.setClientSecret(fx.accountId, 'a-wrong-secret');
    const run = await fx.auth.startOAuthSignIn(fx.accountId, { lingerMs: 200 });
    await new TestBrowser().follow(await approveInBrowser(run.signIn.authorizationUrl));
    const wrong = await failure(run.completed);
    expect(wrong.kind).toBe('invalid-client');
    expect(wrong.message).toMatch(/check the client id \(and secret\)/);
    await (run.signIn as LoopbackSignIn).closed;

    await fx.accounts.setClientSecret(fx.accountId, 'the-right-secret');
    await signInThroughSimulator(fx);
    const last = oauth.requests({ endpoint: 'token' }).at(-1);
    expect(last).toMatchObject({ status: 200, basicAuth: false });
    expect(last?.form.client_id).toBe(app.clientId);
    expect(last?.form.client_secret).toBe('the-right-secret');
  });

  it('offers the out-of-band fallback: the user pastes the code (or the whole address)', async () => {
    const { sim, oauth } = await startOAuthServer();
    const app = oauth.createApplication({
      name: 'Tray (copy and paste)',
      redirectUris: ['urn:ietf:wg:oauth:2.0:oob'],
      confidential: false,
    });
    const fx = await oauthAccountFixture(
      { provider: 'openproject', clientId: app.clientId, redirect: { mode: 'oob' } },
      sim.url,
    );
    /** The page OpenProject shows the code on, after consent. */
    const codePage = async (authorizationUrl: string) => {
      const outcome = await authorizeInBrowser(new TestBrowser(), authorizationUrl);
      if (!('page' in outcome)) throw new Error('expected the code page');
      return new URL(outcome.page.url);
    };
    const run = await fx.auth.startOAuthSignIn(fx.accountId);
    if (run.signIn.mode !== 'oob') throw new Error('expected an out-of-band sign-in');
    expect(run.signIn.redirectUri).toBe(OOB_REDIRECT_URI);
    expect(new URL(run.signIn.authorizationUrl).searchParams.get('redirect_uri')).toBe(
      OOB_REDIRECT_URI,
    );

    await expect(run.signIn.submitCode('not a code!')).rejects.toMatchObject({
      kind: 'invalid-request',
    });
    await expect(run.signIn.submitCode('unknown-code')).rejects.toMatchObject({
      kind: 'invalid-grant',
    });
    const shown = await codePage(run.signIn.authorizationUrl);
    expect(shown.pathname).toBe('/openproject/oauth/authorize/native');
    const tokens = await run.signIn.submitCode(`  ${shown.searchParams.get('code') ?? ''}\n`);
    expect(tokens.accessToken).toBeTruthy();
    expect(await fx.secrets.get(secretKeys.oauthTokens(fx.accountId))).toContain(
      tokens.accessToken,
    );
    expect(fx.accounts.get(fx.accountId).state).toBe('ok');

    const again = await fx.auth.startOAuthSignIn(fx.accountId);
    if (again.signIn.mode !== 'oob') throw new Error('expected an out-of-band sign-in');
    const page = await codePage(again.signIn.authorizationUrl);
    const pasted = await again.signIn.submitCode(page.href);
    expect(pasted.accessToken).toBeTruthy();
  });
});

describe('external OpenID Connect providers', () => {
  it('builds the issuer of each provider type', () => {
    expect(
      issuerUrl(connection({ provider: 'entra', tenant: 'contoso.onmicrosoft.com' }))?.href,
    ).toBe('https://login.microsoftonline.com/contoso.onmicrosoft.com/v2.0');
    expect(issuerUrl(connection({ provider: 'google', confidential: true }))?.href).toBe(
      'https://accounts.google.com/',
    );
    expect(
      issuerUrl(connection({ provider: 'keycloak', issuer: 'https://kc.example.com/realms/acme' }))
        ?.href,
    ).toBe('https://kc.example.com/realms/acme');
    expect(issuerUrl(connection({ provider: 'openproject' }))).toBeNull();
  });

  it('refuses a discovery document naming another issuer', async () => {
    const origin = await staticServer(200, () => ({
      issuer: 'https://someone-else.example.com',
      authorization_endpoint: 'https://someone-else.example.com/auth',
      token_endpoint: 'https://someone-else.example.com/token',
    }));
    const error = await failure(
      resolveProvider({
        baseUrl: 'http://127.0.0.1:9',
        connection: connection({ provider: 'keycloak', issuer: `${origin}/realms/acme` }),
        fetch: createGotFetch(),
      }),
    );
    expect(error.kind).toBe('discovery-failed');
    expect(error.message).toMatch(/check the issuer URL/);
  });

  it('says so when there is no discovery document', async () => {
    const origin = await staticServer(404, () => ({ error: 'not found' }));
    const error = await failure(
      resolveProvider({
        baseUrl: 'http://127.0.0.1:9',
        connection: connection({ provider: 'generic-oidc', issuer: origin }),
        fetch: createGotFetch(),
      }),
    );
    expect(error.kind).toBe('discovery-failed');
    expect(error.message).toMatch(/No OpenID Connect configuration/);
  });

  it('says so when the provider cannot be reached', async () => {
    const port = await freePort();
    const error = await failure(
      resolveProvider({
        baseUrl: 'http://127.0.0.1:9',
        connection: connection({ provider: 'generic-oidc', issuer: `http://127.0.0.1:${port}` }),
        fetch: createGotFetch({ timeoutMs: 2_000 }),
      }),
    );
    expect(error.kind).toBe('unreachable');
    expect(error.message).toMatch(/could not be reached/);
  });
});

describe('the redirect URI to register', () => {
  it('is the fixed loopback port by default, the bare loopback URI for port 0, or oob', () => {
    expect(registeredRedirectUri(connection({ provider: 'openproject' }).redirect)).toBe(
      'http://127.0.0.1:47651/oauth-callback',
    );
    expect(registeredRedirectUri({ mode: 'loopback', port: 0, path: '/oauth-callback' })).toBe(
      'http://127.0.0.1/oauth-callback',
    );
    expect(registeredRedirectUri({ mode: 'oob' })).toBe('urn:ietf:wg:oauth:2.0:oob');
  });

  it('refuses an ephemeral port for OpenProject (its consent page pins the registered port)', () => {
    const result = OAuthConnectionSchema.safeParse({
      name: 'x',
      provider: 'openproject',
      clientId: 'id',
      redirect: { mode: 'loopback', port: 0, path: '/oauth-callback' },
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toMatch(/fixed port/);
  });
});
