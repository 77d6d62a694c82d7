/**
 * JWT access tokens of an external OpenID provider on the API (OpenProject's `jwt_oidc`): accepted
 * when signed by the provider's key for OpenProject's client id, unexpired, with scope api_v3 and a
 * linked user.
 */
import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { me, startOAuth, type OAuthSim } from './test-kit';

const ISSUER = 'https://idp.example.com/realms/acme';
const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const other = generateKeyPairSync('rsa', { modulusLength: 2048 });

let env: OAuthSim;
let nowS: number;
beforeAll(async () => {
  env = await startOAuth({
    oauth: {
      oidcProviders: [
        {
          issuer: ISSUER,
          keys: [{ ...publicKey.export({ format: 'jwk' }), kid: 'k1' }],
          clientId: 'openproject',
          linkedUsers: { 'f1e2-uuid-of-zoe': 'zoe' },
        },
      ],
    },
  });
  nowS = Math.floor(env.sim.control.now().getTime() / 1000);
});
afterAll(() => env.sim.stop());

function jwt(
  claims: Record<string, unknown>,
  options: { key?: KeyObject; kid?: string; alg?: string } = {},
): string {
  const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const head = `${part({ alg: options.alg ?? 'RS256', kid: options.kid ?? 'k1', typ: 'at+jwt' })}.${part(
    {
      iss: ISSUER,
      sub: 'jane',
      aud: ['openproject', 'account'],
      exp: nowS + 300,
      iat: nowS,
      scope: 'openid api_v3',
      ...claims,
    },
  )}`;
  return `${head}.${sign('RSA-SHA256', Buffer.from(head), options.key ?? privateKey).toString('base64url')}`;
}

describe('a JWT from the configured OpenID provider', () => {
  it('is accepted for the linked user', async () => {
    expect(await (await me(env.sim, jwt({}))).json()).toMatchObject({ login: 'jane' });
    expect(await (await me(env.sim, jwt({ sub: 'f1e2-uuid-of-zoe' }))).json()).toMatchObject({
      login: 'zoe',
    });
  });

  it.each([
    ['expired', {}, { exp: 1 }],
    ['not yet valid', {}, { nbf: 4_000_000_000 }],
    ['for another audience', {}, { aud: 'someone-else' }],
    ['of an unlinked subject', {}, { sub: 'stranger' }],
    ['signed by another key', { key: other.privateKey }, {}],
    ['with an unknown kid', { kid: 'k2' }, {}],
    ['with another algorithm', { alg: 'HS256' }, {}],
    ['of another issuer', {}, { iss: 'https://evil.example.com' }],
  ])('is 401 when %s', async (_name, options, claims) => {
    const response = await me(env.sim, jwt(claims, options));
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toContain('error="invalid_token"');
  });

  it('is 403 insufficient_scope without api_v3', async () => {
    const response = await me(env.sim, jwt({ scope: 'openid email' }));
    expect(response.status).toBe(403);
    expect(response.headers.get('www-authenticate')).toContain('error="insufficient_scope"');
  });

  it('makes the protected-resource metadata list the provider', async () => {
    const body = (await (
      await fetch(`${env.sim.url}/.well-known/oauth-protected-resource`)
    ).json()) as {
      authorization_servers: string[];
    };
    expect(body.authorization_servers).toEqual([ISSUER, env.sim.url]);
  });
});
