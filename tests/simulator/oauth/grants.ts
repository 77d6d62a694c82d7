/**
 * The two grants of `/oauth/token` the tray uses, with Doorkeeper 5.9's checks in its order:
 * - authorization_code: parameters (code_verifier when the grant used PKCE, redirect_uri), client,
 *   grant (this client's, unused, not expired), redirect_uri (same matcher as at authorization,
 *   so a loopback port may differ), PKCE (S256 or plain); the code is single-use;
 * - refresh_token: parameter, token (known, not revoked), client (when given), client match,
 *   scope; the new row remembers the old refresh token, which stays usable until the new access
 *   token is first used (delayed revocation, server notes §6.5 step 4).
 * OpenProject refuses a disabled application (`allow_grant_flow_for_client`).
 */
import { createHash } from 'node:crypto';
import type { OAuthContext } from './context';
import { OAuthError } from './errors';
import type { ClientCredentials } from './form';
import {
  AUTHORIZATION_CODE_LIFETIME_S,
  hashSecret,
  type AccessTokenRow,
  type OAuthApplication,
} from './model';
import { scopesOf } from './pre-authorization';
import { redirectUriAllowed } from './redirect-uri';

export interface IssuedTokens {
  row: AccessTokenRow;
  accessToken: string;
  refreshToken: string;
}

function param(form: URLSearchParams, name: string): string | null {
  const value = form.get(name);
  return value === null || value === '' ? null : value;
}

function authenticatedClient(
  ctx: OAuthContext,
  credentials: ClientCredentials | null,
): OAuthApplication | undefined {
  return credentials
    ? ctx.tables.authenticateClient(credentials.clientId, credentials.secret)
    : undefined;
}

function assertEnabled(app: OAuthApplication): void {
  if (!app.enabled) throw new OAuthError('unauthorized_client');
}

function pkceMatches(
  method: 'S256' | 'plain' | null,
  challenge: string,
  verifier: string,
): boolean {
  if (method === 'plain') return challenge === verifier;
  return createHash('sha256').update(verifier).digest('base64url') === challenge;
}

export function authorizationCodeGrant(
  ctx: OAuthContext,
  form: URLSearchParams,
  credentials: ClientCredentials | null,
): IssuedTokens {
  const code = param(form, 'code');
  const grant = code === null ? undefined : ctx.tables.grants.get(hashSecret(code));
  const verifier = param(form, 'code_verifier');
  const redirectUri = param(form, 'redirect_uri');
  if (grant?.codeChallenge && verifier === null) throw OAuthError.missing('code_verifier');
  if (redirectUri === null) throw OAuthError.missing('redirect_uri');
  const client = authenticatedClient(ctx, credentials);
  if (!client) throw new OAuthError('invalid_client');
  assertEnabled(client);
  const now = ctx.now();
  const live =
    grant !== undefined &&
    grant.applicationId === client.id &&
    grant.revokedAt === null &&
    now < grant.createdAt + AUTHORIZATION_CODE_LIFETIME_S * 1000;
  if (!grant || !live) throw new OAuthError('invalid_grant');
  if (!redirectUriAllowed(redirectUri, [grant.redirectUri])) throw new OAuthError('invalid_grant');
  if (
    grant.codeChallenge &&
    !pkceMatches(grant.codeChallengeMethod, grant.codeChallenge, verifier ?? '')
  ) {
    throw new OAuthError('invalid_grant');
  }
  grant.revokedAt = now;
  return ctx.tables.issueToken({
    applicationId: client.id,
    userId: grant.userId,
    scopes: grant.scopes,
    createdAt: now,
    expiresInS: ctx.settings.accessTokenLifetimeS,
  });
}

export function refreshTokenGrant(
  ctx: OAuthContext,
  form: URLSearchParams,
  credentials: ClientCredentials | null,
): IssuedTokens {
  const given = param(form, 'refresh_token');
  if (given === null) throw OAuthError.missing('refresh_token');
  const row = ctx.tables.byRefreshToken(given);
  if (!row || row.revokedAt !== null) throw new OAuthError('invalid_grant');
  const client = authenticatedClient(ctx, credentials);
  if (credentials && !client) throw new OAuthError('invalid_client');
  if (!client || client.id !== row.applicationId) throw new OAuthError('invalid_grant');
  assertEnabled(client);
  const requested = param(form, 'scope');
  const scopes = requested === null ? row.scopes : scopesOf(requested);
  if (!scopes.every((scope) => row.scopes.includes(scope))) throw new OAuthError('invalid_scope');
  return ctx.tables.issueToken(
    {
      applicationId: row.applicationId,
      userId: row.userId,
      scopes,
      createdAt: ctx.now(),
      expiresInS: ctx.settings.accessTokenLifetimeS,
    },
    row.refreshTokenHash,
  );
}
