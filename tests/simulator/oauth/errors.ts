/**
 * Doorkeeper's errors: the code, its English description (doorkeeper `en.yml`), and the JSON
 * answer of the token and revocation endpoints (400, or 401 for client errors, with a
 * `WWW-Authenticate: Bearer realm="Doorkeeper", …` header and `Cache-Control: no-store`).
 */
import { sendJson, type Exchange } from '../http';

export type OAuthErrorCode =
  | 'invalid_request'
  | 'invalid_client'
  | 'invalid_grant'
  | 'invalid_redirect_uri'
  | 'invalid_scope'
  | 'invalid_code_challenge_method'
  | 'unauthorized_client'
  | 'unsupported_grant_type'
  | 'unsupported_response_type'
  | 'access_denied'
  | 'server_error';

const DESCRIPTIONS: Record<OAuthErrorCode, string> = {
  invalid_request:
    'The request is missing a required parameter, includes an unsupported parameter value, or is otherwise malformed.',
  invalid_client:
    'Client authentication failed due to unknown client, no client authentication included, or unsupported authentication method.',
  invalid_grant:
    'The provided authorization grant is invalid, expired, revoked, does not match the redirection URI used in the authorization request, or was issued to another client.',
  invalid_redirect_uri:
    "The requested redirect uri is malformed or doesn't match client redirect URI.",
  invalid_scope: 'The requested scope is invalid, unknown, or malformed.',
  invalid_code_challenge_method: 'The code challenge method must be plain or S256.',
  unauthorized_client: 'The client is not authorized to perform this request using this method.',
  unsupported_grant_type:
    'The authorization grant type is not supported by the authorization server.',
  unsupported_response_type: 'The authorization server does not support this response type.',
  access_denied: 'The resource owner or authorization server denied the request.',
  server_error:
    'The authorization server encountered an unexpected condition which prevented it from fulfilling the request.',
};

/** An OAuth error with Doorkeeper's description (or a more specific one, e.g. a missing parameter). */
export class OAuthError extends Error {
  readonly code: OAuthErrorCode;
  readonly description: string;

  constructor(code: OAuthErrorCode, description?: string) {
    super(code);
    this.code = code;
    this.description = description ?? DESCRIPTIONS[code];
  }

  static missing(param: string): OAuthError {
    return new OAuthError('invalid_request', `Missing required parameter: ${param}.`);
  }
}

export const CODE_CHALLENGE_REQUIRED = 'Code challenge is required.';

/** Doorkeeper `ErrorResponse#status`: client errors are 401, the rest 400. */
export function errorStatus(code: string): number {
  return code === 'invalid_client' || code === 'unauthorized_client' ? 401 : 400;
}

export const NO_STORE = { 'Cache-Control': 'no-store', Pragma: 'no-cache' };

/** The JSON error answer of `/oauth/token` and `/oauth/revoke`. */
export function sendOAuthError(
  ex: Exchange,
  code: string,
  description: string = DESCRIPTIONS[code as OAuthErrorCode] ?? code,
  status = errorStatus(code),
): void {
  sendJson(
    ex,
    status,
    { error: code, error_description: description },
    {
      ...NO_STORE,
      'WWW-Authenticate': `Bearer realm="Doorkeeper", error="${code}", error_description="${description}"`,
    },
  );
}
