/**
 * Programmatic control of the simulated OAuth, acting as the administrator (applications, token
 * lifetime, host name), as the user elsewhere ("revoke" in My account → Access tokens), or as a
 * misbehaving server (token-endpoint faults); plus what tests want to read back.
 */
import type { UserRef } from '../types';
import {
  applicationInfo,
  ApplicationError,
  createApplication,
  TRAY_CLIENT_ID,
  updateApplication,
  type ApplicationInfo,
  type ApplicationInput,
} from './applications';
import type { OAuthRequestRecord, OAuthSettings, TokenFault } from './context';
import type { JwtProvider } from './jwt-oidc';
import { DEFAULT_SCOPE, isExpired, type OAuthApplication, type OAuthTables } from './model';
import type { Sessions } from './session';

export interface TokenInfo {
  clientId: string;
  userId: number;
  scopes: string[];
  createdAt: string;
  expiresAt: string;
  expired: boolean;
  revoked: boolean;
  /** Issued by a refresh whose predecessor is not revoked yet (new token not used so far). */
  pendingRotation: boolean;
}

export interface OAuthControl {
  applications(): ApplicationInfo[];
  createApplication(input: ApplicationInput): ApplicationInfo & { clientSecret: string };
  updateApplication(
    clientId: string,
    patch: Partial<
      Pick<ApplicationInput, 'name' | 'redirectUris' | 'confidential' | 'enabled' | 'scopes'>
    >,
  ): ApplicationInfo;
  /** Deletes the application with its codes and tokens. */
  deleteApplication(clientId: string): boolean;
  /** Revokes the tokens of a user and/or an application (My account → Access tokens → Revoke). */
  revokeTokens(filter?: { user?: UserRef; clientId?: string }): number;
  /** Mints a token pair without a browser (e.g. one without scope api_v3). */
  issueToken(input?: { user?: UserRef; clientId?: string; scopes?: readonly string[] }): {
    accessToken: string;
    refreshToken: string;
  };
  tokens(filter?: { user?: UserRef; clientId?: string }): TokenInfo[];
  /** `access_token_expires_in` for tokens issued from now on (default 7200 s). */
  setAccessTokenLifetime(seconds: number): void;
  /** OpenProject's `host_name` ("host[:port][/path]"); null = this simulator's own address. */
  setHostName(hostName: string | null): void;
  /** false: `/.well-known/oauth-authorization-server` answers 404 (older versions). */
  setMetadataEnabled(enabled: boolean): void;
  setPassword(login: string, password: string): void;
  /** Every browser session ends (the next authorize shows the login page again). */
  signOutBrowsers(): void;
  /** Accepts JWT access tokens of this external OpenID provider on the API (jwt-oidc.ts). */
  addOidcProvider(provider: JwtProvider): void;
  injectTokenFault(fault: TokenFault): string;
  clearTokenFaults(id?: string): void;
  /** `/oauth/token` and `/oauth/revoke` calls so far, oldest first. */
  requests(filter?: { endpoint?: 'token' | 'revoke'; grantType?: string }): OAuthRequestRecord[];
  clearRequests(): void;
}

export interface ControlDeps {
  tables: OAuthTables;
  settings: OAuthSettings;
  sessions: Sessions;
  faults: (TokenFault & { id: string })[];
  log: OAuthRequestRecord[];
  providers: JwtProvider[];
  now(): number;
  userId(ref: UserRef | undefined): number;
}

export function createOAuthControl(deps: ControlDeps): OAuthControl {
  const { tables, settings } = deps;
  let faultCounter = 0;
  const app = (clientId: string): OAuthApplication => {
    const found = tables.applicationByUid(clientId);
    if (!found) throw new ApplicationError(`There is no OAuth application ${clientId}.`);
    return found;
  };
  const filterOf = (filter: { user?: UserRef; clientId?: string } = {}) => ({
    ...(filter.user === undefined ? {} : { userId: deps.userId(filter.user) }),
    ...(filter.clientId === undefined ? {} : { applicationId: app(filter.clientId).id }),
  });
  return {
    applications: () => [...tables.applications.values()].map(applicationInfo),
    createApplication: (input) => createApplication(tables, input),
    updateApplication(clientId, patch) {
      const found = app(clientId);
      updateApplication(found, patch);
      return applicationInfo(found);
    },
    deleteApplication(clientId) {
      const found = tables.applicationByUid(clientId);
      if (!found) return false;
      tables.applications.delete(found.id);
      for (const [key, grant] of tables.grants)
        if (grant.applicationId === found.id) tables.grants.delete(key);
      for (const [key, row] of tables.tokens)
        if (row.applicationId === found.id) tables.tokens.delete(key);
      return true;
    },
    revokeTokens: (filter) => tables.revokeWhere(filterOf(filter), deps.now()),
    issueToken(input = {}) {
      const { row: _row, ...pair } = tables.issueToken({
        applicationId: app(input.clientId ?? TRAY_CLIENT_ID).id,
        userId: deps.userId(input.user),
        scopes: [...(input.scopes ?? [DEFAULT_SCOPE])],
        createdAt: deps.now(),
        expiresInS: settings.accessTokenLifetimeS,
      });
      return pair;
    },
    tokens(filter) {
      const { userId, applicationId }: { userId?: number; applicationId?: number } =
        filterOf(filter);
      const now = deps.now();
      return [...tables.tokens.values()]
        .filter(
          (row) =>
            (userId === undefined || row.userId === userId) &&
            (applicationId === undefined || row.applicationId === applicationId),
        )
        .map((row) => ({
          clientId: tables.applications.get(row.applicationId)?.uid ?? '',
          userId: row.userId,
          scopes: [...row.scopes],
          createdAt: new Date(row.createdAt).toISOString(),
          expiresAt: new Date(row.createdAt + row.expiresInS * 1000).toISOString(),
          expired: isExpired(row, now),
          revoked: row.revokedAt !== null,
          pendingRotation: row.previousRefreshTokenHash !== null,
        }));
    },
    setAccessTokenLifetime(seconds) {
      if (!Number.isInteger(seconds) || seconds <= 0) {
        throw new ApplicationError(
          'The access token lifetime must be a positive number of seconds.',
        );
      }
      settings.accessTokenLifetimeS = seconds;
    },
    setHostName(hostName) {
      settings.hostName = hostName;
    },
    setMetadataEnabled(enabled) {
      settings.metadata = enabled;
    },
    setPassword(login, password) {
      settings.passwords.set(login, password);
    },
    signOutBrowsers: () => deps.sessions.clear(),
    addOidcProvider: (provider) => void deps.providers.push(provider),
    injectTokenFault(fault) {
      const id = `oauth-fault-${++faultCounter}`;
      deps.faults.push({ ...fault, id });
      return id;
    },
    clearTokenFaults(id) {
      const keep = deps.faults.filter((fault) => id !== undefined && fault.id !== id);
      deps.faults.splice(0, deps.faults.length, ...keep);
    },
    requests(filter = {}) {
      return deps.log
        .filter((entry) => filter.endpoint === undefined || entry.endpoint === filter.endpoint)
        .filter(
          (entry) => filter.grantType === undefined || entry.form.grant_type === filter.grantType,
        )
        .map((entry) => ({ ...entry, form: { ...entry.form } }));
    },
    clearRequests: () => void deps.log.splice(0),
  };
}
