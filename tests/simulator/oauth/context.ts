/**
 * The state the OAuth routes share: the Doorkeeper tables, browser sessions, settings that
 * control can change, injected token-endpoint faults and a log of token/revoke requests.
 */
import type { ExtensionHost } from '../types';
import type { OAuthTables } from './model';
import type { Sessions } from './session';

export interface OAuthSettings {
  /** OpenProject's `host_name` ("Host name and path"); the issuer is `http://<hostName>`. */
  hostName: string | null;
  accessTokenLifetimeS: number;
  /** Serve `/.well-known/oauth-authorization-server` (false: 404, like older versions). */
  metadata: boolean;
  /** Password per login; users not listed use `defaultPassword`. */
  passwords: Map<string, string>;
  defaultPassword: string;
}

/** A changed answer of `/oauth/token`, for the next `times` matching requests (default: until cleared). */
export type TokenFault = { id?: string; times?: number; grantType?: string } & (
  | { kind: 'omit'; fields: readonly ('access_token' | 'refresh_token' | 'expires_in')[] }
  | { kind: 'error'; error: string; status?: number; description?: string }
);

export interface OAuthRequestRecord {
  endpoint: 'token' | 'revoke';
  status: number;
  contentType: string | null;
  /** `client_id` from the form or HTTP Basic. */
  clientId: string | null;
  /** Whether the client authenticated with HTTP Basic. */
  basicAuth: boolean;
  /** The form as sent (tokens included: this is a test double). */
  form: Record<string, string>;
}

export interface OAuthContext {
  host: ExtensionHost;
  tables: OAuthTables;
  sessions: Sessions;
  settings: OAuthSettings;
  faults: (TokenFault & { id: string })[];
  log: OAuthRequestRecord[];
  now(): number;
  /** An absolute URL below the sub-path, e.g. `url('/login')`. */
  url(path: string): string;
  issuer(): string;
}

export function createContextUrls(host: ExtensionHost, settings: OAuthSettings) {
  const url = (path: string) => `${host.origin()}${host.basePath}${path}`;
  const issuer = () =>
    settings.hostName === null
      ? `${host.origin()}${host.basePath}`
      : `http://${settings.hostName.replace(/\/+$/, '')}`;
  return { url, issuer };
}
