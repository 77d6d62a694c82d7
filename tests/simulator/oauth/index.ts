/**
 * OpenProject's OAuth 2.0 (Doorkeeper 5.9 as OpenProject 17 configures it, server notes §6) as a
 * simulator extension: applications, the login and consent pages, `/oauth/authorize`,
 * `/oauth/token`, `/oauth/revoke`, the discovery documents, and Bearer authentication of the API
 * with the issued tokens (plus JWTs of configured external OpenID providers).
 *
 *   const oauth = createSimulatedOAuth();
 *   const sim = await startSimulator({ extensions: [oauth.extension] });
 *   oauth.control.revokeTokens({ user: 'jane' });
 */
import { startSimulator } from '../index';
import type {
  ExtensionFactory,
  ExtensionHost,
  Simulator,
  SimulatorOptions,
  UserRef,
} from '../types';
import { seedApplications } from './applications';
import { authorizeRoutes } from './authorize';
import { doorkeeperResolver } from './bearer';
import {
  createContextUrls,
  type OAuthContext,
  type OAuthRequestRecord,
  type OAuthSettings,
  type TokenFault,
} from './context';
import { createOAuthControl, type OAuthControl } from './control';
import { jwtOidcResolver, type JwtProvider } from './jwt-oidc';
import { metadataRoutes } from './metadata';
import { DEFAULT_ACCESS_TOKEN_LIFETIME_S, OAuthTables } from './model';
import { loginRoutes, Sessions } from './session';
import { tokenRoutes } from './token-endpoint';

export * from './applications';
export type { OAuthControl, TokenInfo } from './control';
export type { OAuthRequestRecord, TokenFault } from './context';
export type { JwtProvider } from './jwt-oidc';
export { DEFAULT_ACCESS_TOKEN_LIFETIME_S } from './model';
export { INVALID_LOGIN_MESSAGE, SESSION_COOKIE } from './session';

/** Every user's password unless `passwords` says otherwise. */
export const DEFAULT_PASSWORD = 'openproject-tray-sim';

export interface OAuthOptions {
  /** OpenProject's `host_name` (issuer `http://<hostName>`); default: the simulator's own address. */
  hostName?: string;
  accessTokenLifetimeSeconds?: number;
  /** false: no `/.well-known/oauth-authorization-server` (older OpenProject). Default true. */
  metadata?: boolean;
  /** Redirect URIs of the seeded "OpenProject Tray" app (default: port 47651 on 127.0.0.1 and [::1]). */
  trayRedirectUris?: readonly string[];
  defaultPassword?: string;
  passwords?: Readonly<Record<string, string>>;
  /** External OpenID providers whose JWT access tokens the API accepts. */
  oidcProviders?: readonly JwtProvider[];
}

export interface SimulatedOAuth {
  /** For `startSimulator({ extensions: [...] })` or `sim.use(...)`; usable once. */
  extension: ExtensionFactory;
  control: OAuthControl;
}

export function createSimulatedOAuth(options: OAuthOptions = {}): SimulatedOAuth {
  const tables = new OAuthTables();
  seedApplications(tables, options.trayRedirectUris);
  const settings: OAuthSettings = {
    hostName: options.hostName ?? null,
    accessTokenLifetimeS: options.accessTokenLifetimeSeconds ?? DEFAULT_ACCESS_TOKEN_LIFETIME_S,
    metadata: options.metadata ?? true,
    passwords: new Map(Object.entries(options.passwords ?? {})),
    defaultPassword: options.defaultPassword ?? DEFAULT_PASSWORD,
  };
  const sessions = new Sessions();
  const faults: (TokenFault & { id: string })[] = [];
  const log: OAuthRequestRecord[] = [];
  const providers: JwtProvider[] = [...(options.oidcProviders ?? [])];
  let host: ExtensionHost | undefined;
  const attached = (): ExtensionHost => {
    if (!host) throw new Error('The simulated OAuth is not attached to a simulator yet.');
    return host;
  };
  const now = () => attached().now().getTime();
  const userId = (ref: UserRef | undefined): number => {
    const h = attached();
    const user = h.findUser(ref ?? h.demoUserId);
    if (!user) throw new Error(`There is no user ${String(ref)}.`);
    return user.id;
  };

  const extension: ExtensionFactory = (given) => {
    if (host) throw new Error('This simulated OAuth is already attached to a simulator.');
    host = given;
    const ctx: OAuthContext = {
      host: given,
      tables,
      sessions,
      settings,
      faults,
      log,
      now,
      ...createContextUrls(given, settings),
    };
    const findUserId = (login: string) => {
      const user = given.findUser(login);
      return user && user.login === login ? user.id : undefined;
    };
    const doorkeeper = doorkeeperResolver(ctx);
    const jwtOidc = jwtOidcResolver({ providers, now, findUserId });
    return {
      routes: [
        ...loginRoutes(ctx),
        ...authorizeRoutes(ctx),
        ...tokenRoutes(ctx),
        ...metadataRoutes(ctx, { externalIssuers: () => providers.map((p) => p.issuer) }),
      ],
      resolveBearer: (token) => doorkeeper(token) ?? jwtOidc(token),
    };
  };

  const control = createOAuthControl({
    tables,
    settings,
    sessions,
    faults,
    log,
    providers,
    now,
    userId,
  });
  return { extension, control };
}

/** A simulator with OAuth, for tests: `{ sim, oauth }` (the OAuth control). */
export async function startOAuthSimulator(
  options: SimulatorOptions & { oauth?: OAuthOptions } = {},
): Promise<{ sim: Simulator; oauth: OAuthControl }> {
  const { oauth: oauthOptions, ...simOptions } = options;
  const oauth = createSimulatedOAuth(oauthOptions);
  const sim = await startSimulator({
    ...simOptions,
    extensions: [...(simOptions.extensions ?? []), oauth.extension],
  });
  return { sim, oauth: oauth.control };
}
