/**
 * Where to sign in: the authorization server, the client and its authentication for one OAuth
 * connection. OpenProject's own OAuth (Doorkeeper) uses fixed paths under the instance URL, with
 * its RFC 8414 metadata read only for the issuer (which comes from the server's host_name
 * setting, so it is compared loosely); external OpenID Connect providers are discovered from
 * their issuer URL.
 */
import * as oauth from 'oauth4webapi';
import { z } from 'zod';
import type { OAuthConnection, ProviderType } from '../settings/schema';
import type { FetchLike } from './got-fetch';
import { SignInError, toSignInError } from './oauth-errors';

export interface ResolvedProvider {
  as: oauth.AuthorizationServer;
  client: oauth.Client;
  clientAuth: oauth.ClientAuth;
  scope: string;
  /** The server's host, for messages. */
  serverName: string;
  /** Transport options for every oauth4webapi call: our fetch, and http allowed where configured. */
  http: HttpOptions;
}

export interface HttpOptions {
  [oauth.customFetch]: FetchLike;
  [oauth.allowInsecureRequests]: boolean;
  signal?: AbortSignal;
}

export interface ProviderContext {
  /** The OpenProject base URL (with sub-path, no trailing slash). */
  baseUrl: string;
  connection: OAuthConnection;
  /** Only for confidential clients. */
  clientSecret?: string | null;
  fetch: FetchLike;
  signal?: AbortSignal;
}

/** The scope asked for when the connection does not set one. */
export function defaultScope(provider: ProviderType, clientId: string): string {
  switch (provider) {
    case 'openproject':
    case 'keycloak':
    case 'generic-oidc':
      return 'api_v3';
    case 'entra':
      // Entra needs resource-qualified scopes; the app registration exposes `api_v3`.
      return `offline_access api://${clientId}/api_v3`;
    case 'google':
      return 'openid email';
  }
}

/** The issuer to discover, or null for OpenProject (discovered from the instance URL). */
export function issuerUrl(connection: OAuthConnection): URL | null {
  switch (connection.provider) {
    case 'openproject':
      return null;
    case 'entra':
      return new URL(
        `https://login.microsoftonline.com/${connection.tenant ?? 'organizations'}/v2.0`,
      );
    case 'google':
      return new URL('https://accounts.google.com');
    case 'keycloak':
    case 'generic-oidc':
      if (!connection.issuer) {
        throw new SignInError('discovery-failed', 'Enter the issuer URL of the identity provider.');
      }
      return new URL(connection.issuer);
  }
}

const IssuerOnly = z.looseObject({ issuer: z.url() });

function httpOptions(context: ProviderContext, url: URL): HttpOptions {
  return {
    [oauth.customFetch]: context.fetch,
    // http only where the user configured an http address (e.g. an instance in the LAN).
    [oauth.allowInsecureRequests]: url.protocol === 'http:',
    ...(context.signal ? { signal: context.signal } : {}),
  };
}

function clientAuthFor(context: ProviderContext, as: oauth.AuthorizationServer): oauth.ClientAuth {
  const secret = context.connection.confidential ? context.clientSecret : null;
  if (!secret) return oauth.None();
  const methods = as.token_endpoint_auth_methods_supported;
  const post =
    context.connection.provider === 'openproject' ||
    !methods ||
    methods.includes('client_secret_post');
  return post ? oauth.ClientSecretPost(secret) : oauth.ClientSecretBasic(secret);
}

/** OpenProject: fixed Doorkeeper paths; the metadata (when there is any) gives the issuer. */
async function openProjectServer(context: ProviderContext): Promise<oauth.AuthorizationServer> {
  const base = context.baseUrl.replace(/\/+$/, '');
  let issuer = base;
  let issParameter = false;
  const response = await context.fetch(`${base}/.well-known/oauth-authorization-server`, {
    method: 'GET',
    headers: { accept: 'application/json' },
    redirect: 'manual',
    ...(context.signal ? { signal: context.signal } : {}),
  });
  if (response.status === 200) {
    const claimed = IssuerOnly.safeParse(
      await response
        .clone()
        .json()
        .catch(() => null),
    );
    if (claimed.success) {
      // Loose: the issuer is built from OpenProject's host_name setting, not the typed URL.
      const metadata = await oauth.processDiscoveryResponse(new URL(claimed.data.issuer), response);
      issuer = metadata.issuer;
      issParameter = metadata.authorization_response_iss_parameter_supported === true;
    }
  } else if (response.status >= 500) {
    throw new SignInError(
      'server-error',
      `${new URL(base).host} had a problem (HTTP ${response.status}): try again in a few minutes.`,
    );
  }
  // Anything else (404 on older versions, a login page): the fixed paths below.
  return {
    issuer,
    authorization_endpoint: `${base}/oauth/authorize`,
    token_endpoint: `${base}/oauth/token`,
    // Not in OpenProject's metadata; the route exists.
    revocation_endpoint: `${base}/oauth/revoke`,
    // Not in the metadata either; Doorkeeper supports it (and requires PKCE for public clients).
    code_challenge_methods_supported: ['S256'],
    authorization_response_iss_parameter_supported: issParameter,
    token_endpoint_auth_methods_supported: ['client_secret_post', 'client_secret_basic', 'none'],
  };
}

/** Entra answers with a tenant-id issuer when asked by domain: accept its own v2.0 issuers. */
function entraIssuerMatches(claimed: string, asked: URL): boolean {
  const url = new URL(claimed);
  return url.origin === asked.origin && url.pathname.endsWith('/v2.0');
}

async function oidcServer(
  context: ProviderContext,
  issuer: URL,
): Promise<oauth.AuthorizationServer> {
  const response = await oauth.discoveryRequest(issuer, {
    algorithm: 'oidc',
    ...httpOptions(context, issuer),
  });
  if (response.status !== 200) {
    throw new SignInError(
      'discovery-failed',
      `No OpenID Connect configuration was found for ${issuer.href} (HTTP ${response.status}): check the issuer URL.`,
    );
  }
  let expected = issuer;
  if (context.connection.provider === 'entra') {
    const claimed = IssuerOnly.safeParse(
      await response
        .clone()
        .json()
        .catch(() => null),
    );
    if (claimed.success && entraIssuerMatches(claimed.data.issuer, issuer)) {
      expected = new URL(claimed.data.issuer);
    }
  }
  try {
    return await oauth.processDiscoveryResponse(expected, response);
  } catch (error) {
    if (
      error instanceof oauth.OperationProcessingError &&
      error.code === oauth.JSON_ATTRIBUTE_COMPARISON
    ) {
      throw new SignInError(
        'discovery-failed',
        `The identity provider at ${issuer.host} names a different issuer than ${issuer.href}: check the issuer URL (for Keycloak, the realm URL).`,
      );
    }
    throw error;
  }
}

/** Discovers the server of `context.connection` and prepares the client. */
export async function resolveProvider(context: ProviderContext): Promise<ResolvedProvider> {
  const { connection } = context;
  const issuer = issuerUrl(connection);
  const serverName = issuer ? issuer.host : new URL(context.baseUrl).host;
  let as: oauth.AuthorizationServer;
  try {
    as = issuer ? await oidcServer(context, issuer) : await openProjectServer(context);
  } catch (error) {
    const mapped = toSignInError(error, serverName);
    if (mapped.kind === 'bad-response') {
      throw new SignInError(
        'discovery-failed',
        `The sign-in settings of ${serverName} could not be read: check the address and the provider type.`,
      );
    }
    throw mapped;
  }
  const endpoint = new URL(as.authorization_endpoint ?? 'about:blank');
  if (endpoint.protocol !== 'https:' && endpoint.protocol !== 'http:') {
    throw new SignInError(
      'discovery-failed',
      `${serverName} has no usable sign-in page: check the provider type in the sign-in options.`,
    );
  }
  return {
    as,
    client: { client_id: connection.clientId },
    clientAuth: clientAuthFor(context, as),
    scope: connection.scope ?? defaultScope(connection.provider, connection.clientId),
    serverName,
    http: httpOptions(context, new URL(as.token_endpoint ?? endpoint.href)),
  };
}
