/**
 * `POST /oauth/token` and `POST /oauth/revoke`: form-encoded only (415 `{}` otherwise, Doorkeeper's
 * `enforce_content_type`), client credentials from HTTP Basic or the form, Doorkeeper JSON answers.
 * Token answers: `{access_token, token_type: "Bearer", expires_in, refresh_token, scope,
 * created_at}`. Revocation (RFC 7009): 200 `{}` also for unknown tokens; a public client needs only
 * its client_id; another application's token is refused (403). Every call is logged for tests, and
 * injected TokenFaults change the token endpoint's answer.
 */
import { sendJson, type Exchange } from '../http';
import type { PlainRoute } from '../routes/types';
import type { OAuthContext, TokenFault } from './context';
import { NO_STORE, OAuthError, sendOAuthError } from './errors';
import { clientCredentials, readForm, type ClientCredentials } from './form';
import { authorizationCodeGrant, refreshTokenGrant, type IssuedTokens } from './grants';

function record(
  ctx: OAuthContext,
  ex: Exchange,
  endpoint: 'token' | 'revoke',
  form: URLSearchParams | null,
  credentials: ClientCredentials | null,
): void {
  ctx.log.push({
    endpoint,
    status: ex.res.statusCode,
    contentType: ex.req.headers['content-type'] ?? null,
    clientId: credentials?.clientId ?? null,
    basicAuth: credentials?.basic ?? false,
    form: Object.fromEntries(form ?? []),
  });
}

/** The first fault for this grant type; its count is used up. */
function takeFault(ctx: OAuthContext, grantType: string | null): TokenFault | undefined {
  const fault = ctx.faults.find((f) => f.grantType === undefined || f.grantType === grantType);
  if (fault?.times !== undefined) {
    fault.times -= 1;
    if (fault.times <= 0) ctx.faults.splice(ctx.faults.indexOf(fault), 1);
  }
  return fault;
}

function tokenAnswer(issued: IssuedTokens, fault: TokenFault | undefined): Record<string, unknown> {
  const body: Record<string, unknown> = {
    access_token: issued.accessToken,
    token_type: 'Bearer',
    expires_in: issued.row.expiresInS,
    refresh_token: issued.refreshToken,
    scope: issued.row.scopes.join(' '),
    created_at: Math.floor(issued.row.createdAt / 1000),
  };
  if (fault?.kind === 'omit') for (const field of fault.fields) delete body[field];
  return body;
}

function issue(
  ctx: OAuthContext,
  grantType: string | null,
  form: URLSearchParams,
  credentials: ClientCredentials | null,
): IssuedTokens {
  switch (grantType) {
    case null:
    case '':
      throw OAuthError.missing('grant_type');
    case 'authorization_code':
      return authorizationCodeGrant(ctx, form, credentials);
    case 'refresh_token':
      return refreshTokenGrant(ctx, form, credentials);
    case 'client_credentials':
      // OpenProject issues these only for an application with a client-credentials user.
      throw new OAuthError('unauthorized_client');
    default:
      throw new OAuthError('unsupported_grant_type');
  }
}

function token(
  ctx: OAuthContext,
  ex: Exchange,
  form: URLSearchParams,
  credentials: ClientCredentials | null,
): void {
  const grantType = form.get('grant_type');
  const fault = takeFault(ctx, grantType);
  if (fault?.kind === 'error')
    return sendOAuthError(ex, fault.error, fault.description, fault.status);
  try {
    const issued = issue(ctx, grantType, form, credentials);
    sendJson(ex, 200, tokenAnswer(issued, fault), NO_STORE);
  } catch (error) {
    if (!(error instanceof OAuthError)) throw error;
    sendOAuthError(ex, error.code, error.description);
  }
}

function revoke(
  ctx: OAuthContext,
  ex: Exchange,
  form: URLSearchParams,
  credentials: ClientCredentials | null,
): void {
  const client =
    credentials && ctx.tables.authenticateClient(credentials.clientId, credentials.secret);
  if (!client) return sendOAuthError(ex, 'invalid_client');
  const value = form.get('token') ?? '';
  const byRefresh = form.get('token_type_hint') === 'refresh_token';
  const row = byRefresh
    ? (ctx.tables.byRefreshToken(value) ?? ctx.tables.byAccessToken(value))
    : (ctx.tables.byAccessToken(value) ?? ctx.tables.byRefreshToken(value));
  if (row && row.applicationId !== client.id) {
    return sendJson(ex, 403, {
      error: 'unauthorized_client',
      error_description: 'You are not authorized to revoke this token',
    });
  }
  if (row && row.revokedAt === null) row.revokedAt = ctx.now();
  sendJson(ex, 200, {}, NO_STORE);
}

function endpoint(ctx: OAuthContext, name: 'token' | 'revoke', answer: typeof token): PlainRoute {
  return {
    method: 'POST',
    path: `/oauth/${name}`,
    async handle(ex) {
      const form = await readForm(ex);
      const credentials = form ? clientCredentials(ex, form) : null;
      if (!form) sendJson(ex, 415, {});
      else answer(ctx, ex, form, credentials);
      record(ctx, ex, name, form, credentials);
    },
  };
}

export function tokenRoutes(ctx: OAuthContext): PlainRoute[] {
  return [endpoint(ctx, 'token', token), endpoint(ctx, 'revoke', revoke)];
}
