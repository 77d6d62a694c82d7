/**
 * Doorkeeper 5.9 `PreAuthorization` as OpenProject configures it: the checks on an authorization
 * request, in Doorkeeper's order, before any consent is shown — client, enabled application
 * (`allow_grant_flow_for_client`), redirect URI, response type, scopes, and PKCE (`force_pkce`:
 * required for public clients only; methods plain and S256).
 */
import type { OAuthContext } from './context';
import { CODE_CHALLENGE_REQUIRED, OAuthError } from './errors';
import { DEFAULT_SCOPE, SERVER_SCOPES, type OAuthApplication } from './model';
import { redirectUriAllowed } from './redirect-uri';

/** The parameters the consent forms carry over (`Doorkeeper::OAuth::PreAuthorization`). */
export const PRE_AUTH_PARAMS = [
  'client_id',
  'redirect_uri',
  'state',
  'response_type',
  'response_mode',
  'scope',
  'code_challenge',
  'code_challenge_method',
  'nonce',
] as const;

export interface PreAuthorization {
  app: OAuthApplication;
  redirectUri: string;
  scopes: string[];
  state: string | null;
  codeChallenge: string | null;
  codeChallengeMethod: 'S256' | 'plain' | null;
  /** The parameters, as the consent forms submit them again. */
  params: Record<string, string>;
}

export function scopesOf(value: string | null): string[] {
  const scopes = (value ?? '').split(/\s+/).filter(Boolean);
  return scopes.length === 0 ? [DEFAULT_SCOPE] : [...new Set(scopes)];
}

/** Validates the request; throws the OAuthError Doorkeeper renders on its error page. */
export function preAuthorize(ctx: OAuthContext, input: URLSearchParams): PreAuthorization {
  const get = (name: string) => {
    const value = input.get(name);
    return value === null || value === '' ? null : value;
  };
  const clientId = get('client_id');
  if (!clientId) throw OAuthError.missing('client_id');
  const app = ctx.tables.applicationByUid(clientId);
  if (!app) throw new OAuthError('invalid_client');
  if (!app.enabled) throw new OAuthError('unauthorized_client');
  const redirectUri = get('redirect_uri');
  if (!redirectUri || !redirectUriAllowed(redirectUri, app.redirectUris)) {
    throw new OAuthError('invalid_redirect_uri');
  }
  const responseType = get('response_type');
  if (!responseType) throw OAuthError.missing('response_type');
  if (responseType !== 'code') throw new OAuthError('unsupported_response_type');
  const scopes = scopesOf(get('scope'));
  const allowed = app.scopes.length > 0 ? app.scopes : [DEFAULT_SCOPE];
  const known = (scope: string) => (SERVER_SCOPES as readonly string[]).includes(scope);
  if (!scopes.every((scope) => known(scope) && allowed.includes(scope))) {
    throw new OAuthError('invalid_scope');
  }
  const codeChallenge = get('code_challenge');
  if (!codeChallenge && !app.confidential) {
    throw new OAuthError('invalid_request', CODE_CHALLENGE_REQUIRED);
  }
  const method = get('code_challenge_method');
  if (codeChallenge && method !== 'S256' && method !== 'plain') {
    throw new OAuthError('invalid_code_challenge_method');
  }
  const params: Record<string, string> = {};
  for (const name of PRE_AUTH_PARAMS) {
    const value = input.get(name);
    if (value !== null) params[name] = value;
  }
  return {
    app,
    redirectUri,
    scopes,
    state: input.get('state'),
    codeChallenge,
    codeChallengeMethod: codeChallenge ? (method as 'S256' | 'plain') : null,
    params,
  };
}
