/**
 * What OpenProject's Doorkeeper keeps: OAuth applications, access grants (authorization codes)
 * and access tokens, one row per issued access token with its refresh token, as in
 * `oauth_access_tokens` (incl. `previous_refresh_token` for delayed revocation). Secrets are kept
 * hashed (`hash_token_secrets`, `hash_application_secrets`): the server cannot show them again.
 */
import { createHash, randomBytes } from 'node:crypto';

export const DEFAULT_SCOPE = 'api_v3';
/** The scopes OpenProject configures (`enforce_configured_scopes`). */
export const SERVER_SCOPES = ['api_v3', 'scim_v2', 'mcp'] as const;
/** `access_token_expires_in 2.hours`. */
export const DEFAULT_ACCESS_TOKEN_LIFETIME_S = 7200;
/** `authorization_code_expires_in 10.minutes`. */
export const AUTHORIZATION_CODE_LIFETIME_S = 600;
export const OOB_URI = 'urn:ietf:wg:oauth:2.0:oob';

export interface OAuthApplication {
  id: number;
  /** The client id (Doorkeeper `uid`). */
  uid: string;
  name: string;
  secretHash: string;
  redirectUris: string[];
  scopes: string[];
  confidential: boolean;
  enabled: boolean;
}

export interface AccessGrant {
  codeHash: string;
  applicationId: number;
  userId: number;
  redirectUri: string;
  scopes: string[];
  codeChallenge: string | null;
  codeChallengeMethod: 'S256' | 'plain' | null;
  createdAt: number;
  revokedAt: number | null;
}

export interface AccessTokenRow {
  id: number;
  tokenHash: string;
  refreshTokenHash: string | null;
  applicationId: number;
  userId: number;
  scopes: string[];
  createdAt: number;
  expiresInS: number;
  revokedAt: number | null;
  /** The refresh token this one replaced; revoked when this access token is first used. */
  previousRefreshTokenHash: string | null;
}

/** A new random secret as Doorkeeper makes them (43 base64url characters). */
export function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

export function hashSecret(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

export function isExpired(row: { createdAt: number; expiresInS: number }, now: number): boolean {
  return now >= row.createdAt + row.expiresInS * 1000;
}

/** The OAuth tables of one simulated OpenProject. */
export class OAuthTables {
  readonly applications = new Map<number, OAuthApplication>();
  readonly grants = new Map<string, AccessGrant>();
  readonly tokens = new Map<number, AccessTokenRow>();
  #nextAppId = 1;
  #nextTokenId = 1;

  addApplication(app: Omit<OAuthApplication, 'id'>): OAuthApplication {
    const created = { ...app, id: this.#nextAppId++ };
    this.applications.set(created.id, created);
    return created;
  }

  applicationByUid(uid: string): OAuthApplication | undefined {
    return [...this.applications.values()].find((app) => app.uid === uid);
  }

  /** Doorkeeper `by_uid_and_secret`: a public app needs no secret; a given secret must match. */
  authenticateClient(uid: string, secret: string | null): OAuthApplication | undefined {
    const app = this.applicationByUid(uid);
    if (!app) return undefined;
    if (!secret && !app.confidential) return app;
    return secret && hashSecret(secret) === app.secretHash ? app : undefined;
  }

  addGrant(grant: Omit<AccessGrant, 'codeHash' | 'revokedAt'>): string {
    const code = newSecret();
    this.grants.set(hashSecret(code), { ...grant, codeHash: hashSecret(code), revokedAt: null });
    return code;
  }

  issueToken(
    input: Pick<AccessTokenRow, 'applicationId' | 'userId' | 'scopes' | 'createdAt' | 'expiresInS'>,
    previousRefreshTokenHash: string | null = null,
  ): { row: AccessTokenRow; accessToken: string; refreshToken: string } {
    const accessToken = newSecret();
    const refreshToken = newSecret();
    const row: AccessTokenRow = {
      ...input,
      id: this.#nextTokenId++,
      tokenHash: hashSecret(accessToken),
      refreshTokenHash: hashSecret(refreshToken),
      revokedAt: null,
      previousRefreshTokenHash,
    };
    this.tokens.set(row.id, row);
    return { row, accessToken, refreshToken };
  }

  byAccessToken(token: string): AccessTokenRow | undefined {
    const hash = hashSecret(token);
    return [...this.tokens.values()].find((row) => row.tokenHash === hash);
  }

  byRefreshToken(token: string): AccessTokenRow | undefined {
    const hash = hashSecret(token);
    return [...this.tokens.values()].find((row) => row.refreshTokenHash === hash);
  }

  /**
   * Doorkeeper `revoke_previous_refresh_token!`: on the first use of a refreshed access token, the
   * row it replaced (its access and refresh token) is revoked.
   */
  revokePrevious(row: AccessTokenRow, now: number): void {
    const previous = row.previousRefreshTokenHash;
    if (!previous) return;
    const old = [...this.tokens.values()].find((other) => other.refreshTokenHash === previous);
    if (old && old.revokedAt === null) old.revokedAt = now;
    row.previousRefreshTokenHash = null;
  }

  /** Revokes every token (and pending code) matching the filter; returns how many tokens. */
  revokeWhere(filter: { userId?: number; applicationId?: number }, now: number): number {
    const matches = (item: { userId: number; applicationId: number }) =>
      (filter.userId === undefined || item.userId === filter.userId) &&
      (filter.applicationId === undefined || item.applicationId === filter.applicationId);
    let count = 0;
    for (const row of this.tokens.values()) {
      if (row.revokedAt === null && matches(row)) {
        row.revokedAt = now;
        count += 1;
      }
    }
    for (const grant of this.grants.values()) {
      if (grant.revokedAt === null && matches(grant)) grant.revokedAt = now;
    }
    return count;
  }
}
