/**
 * OAuth applications as an administrator registers them (Administration → Authentication →
 * OAuth applications): name, redirect URIs (one per line, checked like OpenProject's contract),
 * scopes (none = api_v3), confidential or public, enabled. The secret is shown once. Seeded: the
 * public "OpenProject Tray" of the setup guide (§6.6), a confidential app, a disabled one.
 */
import type { OAuthTables } from './model';
import {
  DEFAULT_SCOPE,
  hashSecret,
  newSecret,
  SERVER_SCOPES,
  type OAuthApplication,
} from './model';
import { registrationProblem } from './redirect-uri';

export const TRAY_CLIENT_ID = 'sim-openproject-tray-public-client';
export const TRAY_APP_NAME = 'OpenProject Tray';
export const TRAY_REDIRECT_URIS = [
  'http://127.0.0.1:47651/oauth-callback',
  'http://[::1]:47651/oauth-callback',
] as const;
export const CONFIDENTIAL_CLIENT_ID = 'sim-confidential-client';
export const CONFIDENTIAL_CLIENT_SECRET = 'sim-confidential-client-secret';
export const CONFIDENTIAL_REDIRECT_URIS = [
  'https://integration.example.com/oauth/callback',
  'http://127.0.0.1:47652/oauth-callback',
] as const;
export const DISABLED_CLIENT_ID = 'sim-disabled-client';

export class ApplicationError extends Error {
  override readonly name = 'ApplicationError';
}

export interface ApplicationInput {
  name: string;
  /** One URI per entry, or the admin form's textarea (one per line). */
  redirectUris: readonly string[] | string;
  confidential?: boolean;
  enabled?: boolean;
  /** Default (none ticked): api_v3. */
  scopes?: readonly string[];
  /** Default: a random one, as Doorkeeper generates it. */
  clientId?: string;
  clientSecret?: string;
}

export interface ApplicationInfo {
  clientId: string;
  name: string;
  redirectUris: string[];
  scopes: string[];
  confidential: boolean;
  enabled: boolean;
}

export function applicationInfo(app: OAuthApplication): ApplicationInfo {
  return {
    clientId: app.uid,
    name: app.name,
    redirectUris: [...app.redirectUris],
    scopes: [...app.scopes],
    confidential: app.confidential,
    enabled: app.enabled,
  };
}

export function checkedRedirectUris(value: readonly string[] | string): string[] {
  const uris = (typeof value === 'string' ? value.split(/\s+/) : value)
    .map((uri) => uri.trim())
    .filter(Boolean);
  if (uris.length === 0) throw new ApplicationError("Redirect URI can't be blank.");
  for (const uri of uris) {
    const problem = registrationProblem(uri);
    if (problem) throw new ApplicationError(`Redirect URI ${problem}`);
  }
  return uris;
}

function checkedScopes(scopes: readonly string[] | undefined): string[] {
  const list = scopes && scopes.length > 0 ? [...new Set(scopes)] : [DEFAULT_SCOPE];
  const unknown = list.filter((scope) => !(SERVER_SCOPES as readonly string[]).includes(scope));
  if (unknown.length > 0) {
    throw new ApplicationError(
      `Scopes ${unknown.join(', ')} don't match configured on the server.`,
    );
  }
  return list;
}

/** Registers an application; returns it with its secret (shown this once). */
export function createApplication(
  tables: OAuthTables,
  input: ApplicationInput,
): ApplicationInfo & { clientSecret: string } {
  const name = input.name.trim();
  if (name === '') throw new ApplicationError("Name can't be blank.");
  const clientId = input.clientId ?? newSecret();
  if (tables.applicationByUid(clientId)) {
    throw new ApplicationError(`There is already an application with client id ${clientId}.`);
  }
  const clientSecret = input.clientSecret ?? newSecret();
  const app = tables.addApplication({
    uid: clientId,
    name,
    secretHash: hashSecret(clientSecret),
    redirectUris: checkedRedirectUris(input.redirectUris),
    scopes: checkedScopes(input.scopes),
    confidential: input.confidential ?? true,
    enabled: input.enabled ?? true,
  });
  return { ...applicationInfo(app), clientSecret };
}

export function updateApplication(
  app: OAuthApplication,
  patch: Partial<
    Pick<ApplicationInput, 'name' | 'redirectUris' | 'confidential' | 'enabled' | 'scopes'>
  >,
): void {
  if (patch.name !== undefined) {
    if (patch.name.trim() === '') throw new ApplicationError("Name can't be blank.");
    app.name = patch.name.trim();
  }
  if (patch.redirectUris !== undefined) app.redirectUris = checkedRedirectUris(patch.redirectUris);
  if (patch.scopes !== undefined) app.scopes = checkedScopes(patch.scopes);
  if (patch.confidential !== undefined) app.confidential = patch.confidential;
  if (patch.enabled !== undefined) app.enabled = patch.enabled;
}

export function seedApplications(
  tables: OAuthTables,
  trayRedirectUris: readonly string[] = TRAY_REDIRECT_URIS,
): void {
  createApplication(tables, {
    name: TRAY_APP_NAME,
    clientId: TRAY_CLIENT_ID,
    redirectUris: trayRedirectUris,
    confidential: false,
  });
  createApplication(tables, {
    name: 'Confidential integration',
    clientId: CONFIDENTIAL_CLIENT_ID,
    clientSecret: CONFIDENTIAL_CLIENT_SECRET,
    redirectUris: CONFIDENTIAL_REDIRECT_URIS,
    confidential: true,
  });
  createApplication(tables, {
    name: 'Disabled app',
    clientId: DISABLED_CLIENT_ID,
    redirectUris: [TRAY_REDIRECT_URIS[0]],
    confidential: false,
    enabled: false,
  });
}
