/**
 * Calls to the token and revocation endpoints, through oauth4webapi (which builds the form
 * requests and validates the answers). Failures come out as SignInErrors.
 */
import * as oauth from 'oauth4webapi';
import { SignInError, toSignInError } from './oauth-errors';
import type { ResolvedProvider } from './providers';
import { tokenSetFromResponse, type TokenSet } from './token-set';

function withSignal(provider: ResolvedProvider, signal?: AbortSignal) {
  return signal ? { ...provider.http, signal } : provider.http;
}

/** The refresh_token grant; the answer's rotated refresh token replaces the old one. */
export async function refreshTokens(
  provider: ResolvedProvider,
  refreshToken: string,
  now: number,
  signal?: AbortSignal,
): Promise<TokenSet> {
  try {
    const response = await oauth.refreshTokenGrantRequest(
      provider.as,
      provider.client,
      provider.clientAuth,
      refreshToken,
      withSignal(provider, signal),
    );
    const body = await oauth.processRefreshTokenResponse(provider.as, provider.client, response);
    return tokenSetFromResponse(body, now, refreshToken);
  } catch (error) {
    throw toSignInError(error, provider.serverName);
  }
}

/**
 * Revokes `token` (RFC 7009: form-encoded `token`, `token_type_hint`, the client id, and the
 * secret of a confidential client). Throws a SignInError when the server has no revocation
 * endpoint or the call fails.
 */
export async function revokeToken(
  provider: ResolvedProvider,
  token: string,
  hint: 'refresh_token' | 'access_token',
  signal?: AbortSignal,
): Promise<void> {
  if (!provider.as.revocation_endpoint) {
    throw new SignInError(
      'unsupported',
      `${provider.serverName} offers no way to revoke the sign-in from the app: revoke it in your account settings there.`,
    );
  }
  try {
    const response = await oauth.revocationRequest(
      provider.as,
      provider.client,
      provider.clientAuth,
      token,
      {
        ...withSignal(provider, signal),
        additionalParameters: { token_type_hint: hint },
      },
    );
    await oauth.processRevocationResponse(response);
  } catch (error) {
    throw toSignInError(error, provider.serverName);
  }
}
