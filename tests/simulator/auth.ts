/**
 * API v3 authentication as OpenProject's Warden strategies do it (§4 of the server notes):
 * Basic `apikey:<token>` for any API token, Bearer for `opapi-` tokens, and a hook for other
 * Bearer tokens (the OAuth module registers a `BearerResolver`). Failures are 401 `Unauthenticated`
 * with a `WWW-Authenticate` challenge matching the scheme the client used.
 */
import type { Area, User } from './data/model';
import type { State } from './data/state';
import type { Exchange } from './http';
import { ApiProblem, BAD_CREDENTIALS_MESSAGE, NEED_AUTH_MESSAGE } from './problems';

/** Who is calling. `user: null` is the anonymous user. */
export interface Principal {
  user: User | null;
  /** Areas this caller is refused on (403 MissingPermission), e.g. a token without notification rights. */
  deny: readonly Area[];
  scheme: 'none' | 'basic' | 'bearer';
}

/** What a Bearer resolver says about a token it knows; `undefined` = "not mine, ask the next one". */
export type BearerResolution =
  | { userId: number; deny?: readonly Area[] }
  | { reject: 'invalid_token' | 'insufficient_scope'; description?: string };

export type BearerResolver = (token: string) => BearerResolution | undefined;

export const REALM = 'OpenProject API';

export function basicChallenge(): string {
  return `Basic realm="${REALM}"`;
}

export function bearerChallenge(
  resourceMetadata: string,
  error?: { error: string; description?: string },
): string {
  const parts = [
    `Bearer realm="${REALM}"`,
    `resource_metadata="${resourceMetadata}"`,
    'scope="api_v3"',
  ];
  if (error) parts.push(`error="${error.error}"`);
  if (error?.description) parts.push(`error_description="${error.description}"`);
  return parts.join(', ');
}

export interface AuthContext {
  state: State;
  bearerResolvers: readonly BearerResolver[];
  /** Absolute URL of `/.well-known/oauth-protected-resource` (with the sub-path). */
  resourceMetadata: string;
}

function unauthenticated(challenge: string, message = BAD_CREDENTIALS_MESSAGE): ApiProblem {
  return new ApiProblem(401, 'Unauthenticated', message, { 'WWW-Authenticate': challenge });
}

/** Resolves the caller from the Authorization header; throws 401/403 ApiProblems for bad credentials. */
export function authenticate(ex: Exchange, ctx: AuthContext): Principal {
  const header = ex.req.headers.authorization;
  if (!header) return { user: null, deny: [], scheme: 'none' };
  const match = /^(\S+)\s+(.*)$/.exec(header.trim());
  const scheme = match?.[1]?.toLowerCase();
  const credentials = match?.[2]?.trim() ?? '';
  if (scheme === 'basic') return basic(credentials, ctx);
  if (scheme === 'bearer') return bearer(credentials, ctx);
  // No strategy recognises other schemes: Warden falls back to the anonymous user.
  return { user: null, deny: [], scheme: 'none' };
}

function basic(credentials: string, ctx: AuthContext): Principal {
  const decoded = Buffer.from(credentials, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  const login = colon >= 0 ? decoded.slice(0, colon) : decoded;
  const password = colon >= 0 ? decoded.slice(colon + 1) : '';
  // Only the user name `apikey` is an API token; anything else is basic_auth_failure.
  if (login !== 'apikey') throw unauthenticated(basicChallenge());
  const token = ctx.state.tokens.get(password);
  const user = token && ctx.state.users.get(token.userId);
  if (!token || !user || user.status !== 'active') throw unauthenticated(basicChallenge());
  return { user, deny: token.deny, scheme: 'basic' };
}

function bearer(value: string, ctx: AuthContext): Principal {
  const reject = (description?: string): ApiProblem =>
    unauthenticated(
      bearerChallenge(ctx.resourceMetadata, {
        error: 'invalid_token',
        ...(description ? { description } : {}),
      }),
    );
  if (value.startsWith('opapi-')) {
    const token = ctx.state.tokens.get(value);
    const user = token && ctx.state.users.get(token.userId);
    if (!token || !user) throw reject();
    if (user.status !== 'active') throw reject('The user account is locked');
    return { user, deny: token.deny, scheme: 'bearer' };
  }
  // Not an API token: the OAuth / JWT strategies (registered resolvers) get their turn.
  for (const resolve of ctx.bearerResolvers) {
    const result = resolve(value);
    if (!result) continue;
    if ('reject' in result) {
      const challenge = bearerChallenge(ctx.resourceMetadata, {
        error: result.reject,
        ...(result.description ? { description: result.description } : {}),
      });
      const status = result.reject === 'insufficient_scope' ? 403 : 401;
      throw new ApiProblem(status, 'Unauthenticated', BAD_CREDENTIALS_MESSAGE, {
        'WWW-Authenticate': challenge,
      });
    }
    const user = ctx.state.users.get(result.userId);
    if (!user) throw reject('The user identified by the token is not known');
    if (user.status !== 'active') throw reject('The user account is locked');
    return { user, deny: result.deny ?? [], scheme: 'bearer' };
  }
  throw reject();
}

/** 401 for an anonymous caller when the instance requires login. */
export function needAuthentication(ctx: AuthContext): ApiProblem {
  return unauthenticated(bearerChallenge(ctx.resourceMetadata), NEED_AUTH_MESSAGE);
}
