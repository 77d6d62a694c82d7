/**
 * `/oauth/authorize`: GET shows the consent page (after the login page when the browser has no
 * session), POST approves (302 to the redirect URI with `code` and `state`), DELETE — or POST
 * with `_method=delete`, as the Deny form sends it — denies (302 with `error=access_denied`).
 * Pre-authorization errors are rendered as an HTML page (400), never redirected. Consent is shown
 * every time for public clients; a confidential client with a matching token is approved at once.
 */
import type { Exchange } from '../http';
import type { PlainRoute } from '../routes/types';
import type { OAuthContext } from './context';
import { OAuthError } from './errors';
import { readForm } from './form';
import { OOB_URI } from './model';
import { consentPage, errorPage, nativeCodePage } from './pages';
import { preAuthorize, type PreAuthorization } from './pre-authorization';
import { formActionSources } from './redirect-uri';
import { csrfValid, redirect, requireLogin, sendCsrfFailure } from './session';

function withQuery(uri: string, params: Record<string, string | null>): string {
  const url = new URL(uri);
  for (const [key, value] of Object.entries(params)) {
    if (value !== null) url.searchParams.set(key, value);
  }
  return url.href;
}

/** Runs the pre-authorization, or renders its error and returns null. */
function checked(ex: Exchange, ctx: OAuthContext, input: URLSearchParams): PreAuthorization | null {
  try {
    return preAuthorize(ctx, input);
  } catch (error) {
    if (!(error instanceof OAuthError)) throw error;
    errorPage(ex, error.code, error.description);
    return null;
  }
}

function approve(ex: Exchange, ctx: OAuthContext, pre: PreAuthorization, userId: number): void {
  const code = ctx.tables.addGrant({
    applicationId: pre.app.id,
    userId,
    redirectUri: pre.redirectUri,
    scopes: pre.scopes,
    codeChallenge: pre.codeChallenge,
    codeChallengeMethod: pre.codeChallengeMethod,
    createdAt: ctx.now(),
  });
  if (pre.redirectUri === OOB_URI) {
    return redirect(ex, `${ctx.url('/oauth/authorize/native')}?code=${encodeURIComponent(code)}`);
  }
  redirect(ex, withQuery(pre.redirectUri, { code, state: pre.state }));
}

function deny(ex: Exchange, pre: PreAuthorization): void {
  const denied = new OAuthError('access_denied');
  if (pre.redirectUri === OOB_URI) return errorPage(ex, denied.code, denied.description);
  redirect(
    ex,
    withQuery(pre.redirectUri, {
      error: denied.code,
      error_description: denied.description,
      state: pre.state,
    }),
  );
}

/** Doorkeeper `matching_token?`: a live token of this user for this app with the same scopes. */
function hasMatchingToken(ctx: OAuthContext, pre: PreAuthorization, userId: number): boolean {
  const wanted = [...pre.scopes].sort().join(' ');
  return [...ctx.tables.tokens.values()].some(
    (row) =>
      row.revokedAt === null &&
      row.applicationId === pre.app.id &&
      row.userId === userId &&
      [...row.scopes].sort().join(' ') === wanted,
  );
}

async function decide(ex: Exchange, ctx: OAuthContext, denyIt: boolean): Promise<void> {
  const form = (await readForm(ex)) ?? new URLSearchParams();
  const session = requireLogin(ex, ctx);
  if (!session) return;
  if (!csrfValid(session, form.get('authenticity_token'))) return sendCsrfFailure(ex);
  const pre = checked(ex, ctx, form);
  if (!pre) return;
  if (denyIt || form.get('_method')?.toLowerCase() === 'delete') return deny(ex, pre);
  approve(ex, ctx, pre, session.userId);
}

export function authorizeRoutes(ctx: OAuthContext): PlainRoute[] {
  return [
    {
      method: 'GET',
      path: '/oauth/authorize',
      handle(ex) {
        const session = requireLogin(ex, ctx);
        if (!session) return;
        const pre = checked(ex, ctx, ex.query);
        if (!pre) return;
        if (pre.app.confidential && hasMatchingToken(ctx, pre, session.userId)) {
          return approve(ex, ctx, pre, session.userId);
        }
        const user = ctx.host.findUser(session.userId);
        consentPage(ex, {
          action: ctx.url('/oauth/authorize'),
          appName: pre.app.name,
          login: user?.login ?? '',
          scopes: pre.scopes,
          params: pre.params,
          csrf: session.csrf,
          formAction: formActionSources(pre.app.redirectUris),
        });
      },
    },
    { method: 'POST', path: '/oauth/authorize', handle: (ex) => decide(ex, ctx, false) },
    { method: 'DELETE', path: '/oauth/authorize', handle: (ex) => decide(ex, ctx, true) },
    {
      method: 'GET',
      path: '/oauth/authorize/native',
      handle(ex) {
        if (!requireLogin(ex, ctx)) return;
        nativeCodePage(ex, ex.query.get('code') ?? '');
      },
    },
  ];
}
