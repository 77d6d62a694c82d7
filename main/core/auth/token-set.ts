/**
 * The OAuth tokens of one account as they are kept in the SecretStore (JSON, encrypted by the
 * store), and when they are due for refresh.
 */
import type { TokenEndpointResponse } from 'oauth4webapi';
import { z } from 'zod';

export const StoredTokensSchema = z.object({
  version: z.literal(1),
  accessToken: z.string().min(1),
  refreshToken: z.string().min(1).nullable(),
  /** Epoch ms; null when the server did not say (then only a 401 triggers a refresh). */
  expiresAt: z.number().nullable(),
  /** Epoch ms when this access token was received. */
  receivedAt: z.number(),
  scope: z.string().nullable(),
});
export type TokenSet = z.infer<typeof StoredTokensSchema>;

/** Refresh at most this long before expiry… */
export const REFRESH_MARGIN_MAX_MS = 2 * 60_000;
/** …and at most this share of the token's lifetime before it (for short-lived tokens). */
export const REFRESH_MARGIN_SHARE = 0.1;

/**
 * A token set from a token endpoint answer. A refresh answer without a new refresh token keeps
 * the previous one (servers that do not rotate).
 */
export function tokenSetFromResponse(
  response: TokenEndpointResponse,
  receivedAt: number,
  previousRefreshToken: string | null = null,
): TokenSet {
  const expiresIn = typeof response.expires_in === 'number' ? response.expires_in : null;
  return {
    version: 1,
    accessToken: response.access_token,
    refreshToken: response.refresh_token ?? previousRefreshToken,
    expiresAt: expiresIn === null ? null : receivedAt + expiresIn * 1000,
    receivedAt,
    scope: typeof response.scope === 'string' ? response.scope : null,
  };
}

/** When to refresh: min(2 minutes, 10 % of the lifetime) before expiry; null = no expiry known. */
export function refreshDueAt(tokens: TokenSet): number | null {
  if (tokens.expiresAt === null) return null;
  const lifetime = Math.max(0, tokens.expiresAt - tokens.receivedAt);
  return tokens.expiresAt - Math.min(REFRESH_MARGIN_MAX_MS, lifetime * REFRESH_MARGIN_SHARE);
}

export function serializeTokens(tokens: TokenSet): string {
  return JSON.stringify(tokens);
}

/** Parses stored tokens; null when the value is not a token set we wrote. */
export function parseStoredTokens(value: string | null): TokenSet | null {
  if (value === null) return null;
  try {
    const parsed = StoredTokensSchema.safeParse(JSON.parse(value));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
