/**
 * A real OpenID Connect provider (panva/oidc-provider) in-process on 127.0.0.1, configured like
 * an identity provider a desktop app signs in to: a native public client, PKCE S256 required,
 * RFC 9207 `iss` in authorization responses, 2-hour access tokens with scope api_v3 (opaque, or
 * RFC 9068 JWTs for OpenProject's client id, which the simulator's `jwt_oidc` accepts), rotating
 * refresh tokens, revocation. Its dev interactions (login + consent forms) are driven by
 * tests/core/auth/support/oidc-consent.ts, or by Chromium in tests/e2e/oauth.
 */
import {
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  type JsonWebKey,
} from 'node:crypto';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';

export const TEST_CLIENT_ID = 'openproject-tray';
export const API_RESOURCE = 'urn:openproject:api-v3';
/** OpenProject's own client id at the provider: the `aud` of JWT access tokens. */
export const OPENPROJECT_AUDIENCE = 'openproject';
const KEY_ID = 'test';

export interface OidcTestProvider {
  issuer: string;
  provider: Provider;
  /** The public signing key (JWK with `kid`), as in the provider's JWKS. */
  publicJwk: JsonWebKey & { kid: string };
  /** Token endpoint requests so far, by grant type. */
  tokenRequests: { authorization_code: number; refresh_token: number };
  stop(): Promise<void>;
}

/** The in-memory adapter and dev interactions are what a test wants: skip their warnings. */
function withoutQuickStartWarnings<T>(make: () => T): T {
  const warn = console.warn;
  console.warn = (...args: unknown[]) => {
    if (!String(args[0]).includes('quick start development-only')) warn(...args);
  };
  try {
    return make();
  } finally {
    console.warn = warn;
  }
}

function signingKey(): JsonWebKey {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return privateKey.export({ format: 'jwk' });
}

export async function startOidcTestProvider(
  options: { accessTokenTtlSeconds?: number; accessTokenFormat?: 'opaque' | 'jwt' } = {},
): Promise<OidcTestProvider> {
  let handler: http.RequestListener = (_req, res) => res.writeHead(503).end();
  const server = http.createServer((req, res) => handler(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const issuer = `http://127.0.0.1:${port}`;
  const ttl = options.accessTokenTtlSeconds ?? 7200;
  const privateJwk = signingKey();
  const publicJwk = {
    ...createPublicKey(createPrivateKey({ key: privateJwk, format: 'jwk' })).export({
      format: 'jwk',
    }),
    kid: KEY_ID,
  };
  const jwt = options.accessTokenFormat === 'jwt';

  const provider = withoutQuickStartWarnings(
    () =>
      new Provider(issuer, {
        clients: [
          {
            client_id: TEST_CLIENT_ID,
            application_type: 'native',
            token_endpoint_auth_method: 'none',
            // RFC 8252 §7.3: any port is accepted at run time for a loopback IP redirect URI.
            redirect_uris: ['http://127.0.0.1/oauth-callback'],
            grant_types: ['authorization_code', 'refresh_token'],
            response_types: ['code'],
          },
        ],
        pkce: { required: () => true },
        cookies: { keys: ['a-test-cookie-signing-key'] },
        jwks: { keys: [{ ...privateJwk, use: 'sig', kid: KEY_ID }] },
        ttl: {
          AccessToken: ttl,
          AuthorizationCode: 600,
          Grant: 14 * 24 * 3600,
          IdToken: 3600,
          Interaction: 600,
          RefreshToken: 14 * 24 * 3600,
          Session: 14 * 24 * 3600,
        },
        features: {
          devInteractions: { enabled: true },
          revocation: { enabled: true, allowedPolicy: () => true },
          resourceIndicators: {
            enabled: true,
            defaultResource: () => API_RESOURCE,
            useGrantedResource: () => true,
            getResourceServerInfo: () => ({
              scope: 'api_v3',
              accessTokenTTL: ttl,
              ...(jwt
                ? {
                    accessTokenFormat: 'jwt',
                    audience: OPENPROJECT_AUDIENCE,
                    jwt: { sign: { alg: 'RS256' } },
                  }
                : { accessTokenFormat: 'opaque' }),
            }),
          },
        },
        issueRefreshToken: () => true,
        rotateRefreshToken: () => true,
        findAccount: (_ctx: unknown, sub: string) => ({ accountId: sub, claims: () => ({ sub }) }),
      }),
  );
  const tokenRequests = { authorization_code: 0, refresh_token: 0 };
  provider.on('grant.success', (ctx) => {
    const grantType = (ctx.oidc.params as { grant_type?: string } | undefined)?.grant_type;
    if (grantType === 'authorization_code' || grantType === 'refresh_token') {
      tokenRequests[grantType] += 1;
    }
  });
  provider.on('grant.error', (ctx) => {
    const grantType = (ctx.oidc.params as { grant_type?: string } | undefined)?.grant_type;
    if (grantType === 'authorization_code' || grantType === 'refresh_token') {
      tokenRequests[grantType] += 1;
    }
  });
  handler = provider.callback();

  return {
    issuer,
    provider,
    publicJwk,
    tokenRequests,
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
