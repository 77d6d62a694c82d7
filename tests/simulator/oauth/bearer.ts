/**
 * OpenProject's Doorkeeper Warden strategy for API v3, as a simulator BearerResolver: a token
 * this server issued resolves to its user when it is neither expired, revoked, nor of a disabled
 * application, and carries scope `api_v3` (else 403 `insufficient_scope`). Any use first revokes
 * the refresh token it replaced (`revoke_previous_refresh_token!`). JWT-shaped tokens are left to
 * the `jwt_oidc` strategy (jwt-oidc.ts); unknown ones to the next resolver (finally 401).
 */
import type { BearerResolver } from '../auth';
import type { OAuthContext } from './context';
import { DEFAULT_SCOPE, isExpired } from './model';

const JWT_SHAPE = /^[\w-]+\.[\w-]+\.[\w-]*$/;

export function doorkeeperResolver(ctx: OAuthContext): BearerResolver {
  return (token) => {
    if (JWT_SHAPE.test(token)) return undefined;
    const row = ctx.tables.byAccessToken(token);
    if (!row) return undefined;
    const now = ctx.now();
    ctx.tables.revokePrevious(row, now);
    const app = ctx.tables.applications.get(row.applicationId);
    if (row.revokedAt !== null || isExpired(row, now) || !app?.enabled) {
      return { reject: 'invalid_token' };
    }
    if (!row.scopes.includes(DEFAULT_SCOPE)) return { reject: 'insufficient_scope' };
    return { userId: row.userId };
  };
}
