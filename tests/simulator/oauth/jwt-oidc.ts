/**
 * OpenProject's `jwt_oidc` Warden strategy (server notes §4.3), as a simulator BearerResolver:
 * a JWT access token of an external OpenID provider configured in OpenProject is accepted when
 * its header names a `kid` and RS256/384/512, `iss` is the provider's issuer, the signature
 * verifies against the provider's keys, `aud` contains OpenProject's client id at that provider,
 * `exp`/`nbf` hold, `sub` is present and linked to a user, and `scope` includes api_v3 (else 403
 * insufficient_scope).
 */
import { createPublicKey, verify, type JsonWebKey } from 'node:crypto';
import type { BearerResolver } from '../auth';
import { DEFAULT_SCOPE } from './model';

export interface JwtProvider {
  issuer: string;
  /** The provider's public signing keys (its JWKS `keys`), each with a `kid`. */
  keys: readonly (JsonWebKey & { kid?: string })[];
  /** OpenProject's client id at the provider: must be in the token's `aud`. */
  clientId: string;
  /** Provider `sub` → OpenProject login (users who signed in through the provider before); default: `sub` is the login. */
  linkedUsers?: Readonly<Record<string, string>>;
}

const ALGORITHMS: Record<string, string> = {
  RS256: 'RSA-SHA256',
  RS384: 'RSA-SHA384',
  RS512: 'RSA-SHA512',
};

function decodePart(part: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
    return value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

export interface JwtResolverDeps {
  providers: readonly JwtProvider[];
  now(): number;
  findUserId(login: string): number | undefined;
}

export function jwtOidcResolver(deps: JwtResolverDeps): BearerResolver {
  return (token) => {
    const parts = token.split('.');
    if (parts.length !== 3) return undefined;
    const [head = '', body = '', signature = ''] = parts;
    const header = decodePart(head);
    const claims = decodePart(body);
    if (!header || !claims) return undefined;
    const provider = deps.providers.find((candidate) => candidate.issuer === claims.iss);
    if (!provider) return undefined;
    const invalid = { reject: 'invalid_token' } as const;
    const algorithm = ALGORITHMS[String(header.alg)];
    const key = provider.keys.find((candidate) => candidate.kid === header.kid);
    if (!algorithm || typeof header.kid !== 'string' || !key) return invalid;
    const signed = verify(
      algorithm,
      Buffer.from(`${head}.${body}`),
      createPublicKey({ key, format: 'jwk' }),
      Buffer.from(signature, 'base64url'),
    );
    if (!signed) return invalid;
    const now = deps.now() / 1000;
    const audience = Array.isArray(claims.aud) ? claims.aud : [claims.aud];
    if (typeof claims.exp !== 'number' || claims.exp <= now) return invalid;
    if (typeof claims.nbf === 'number' && claims.nbf > now) return invalid;
    if (!audience.includes(provider.clientId)) return invalid;
    if (typeof claims.sub !== 'string' || claims.sub === '') return invalid;
    const scopes = typeof claims.scope === 'string' ? claims.scope.split(' ') : [];
    if (!scopes.includes(DEFAULT_SCOPE)) return { reject: 'insufficient_scope' };
    const login = provider.linkedUsers?.[claims.sub] ?? claims.sub;
    const userId = deps.findUserId(login);
    if (userId === undefined) {
      return {
        reject: 'invalid_token',
        description: 'The user identified by the token is not known',
      };
    }
    return { userId };
  };
}
