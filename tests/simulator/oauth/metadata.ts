/**
 * OpenProject's discovery documents (`OAuthMetadataController`): RFC 8414 authorization-server
 * metadata WITHOUT `revocation_endpoint` and WITHOUT `code_challenge_methods_supported`, the
 * issuer built from the `host_name` setting (not from the URL the client typed) and the endpoints
 * from the request's host; and the RFC 9728 protected-resource metadata. With `metadata: false`
 * the first answers 404, as on versions before it existed.
 */
import { sendJson } from '../http';
import type { PlainRoute } from '../routes/types';
import type { OAuthContext } from './context';
import { SERVER_SCOPES } from './model';
import { sendPage } from './pages';

export interface MetadataOptions {
  /** Issuers of the external OpenID providers OpenProject accepts JWTs from. */
  externalIssuers: () => string[];
}

export function metadataRoutes(ctx: OAuthContext, options: MetadataOptions): PlainRoute[] {
  return [
    {
      method: 'GET',
      path: '/.well-known/oauth-authorization-server',
      handle(ex) {
        if (!ctx.settings.metadata) {
          return sendPage(
            ex,
            'Not found',
            '<h1>The page you were looking for does not exist.</h1>',
            {
              status: 404,
            },
          );
        }
        sendJson(ex, 200, {
          issuer: ctx.issuer(),
          authorization_endpoint: ctx.url('/oauth/authorize'),
          token_endpoint: ctx.url('/oauth/token'),
          introspection_endpoint: ctx.url('/oauth/introspect'),
          scopes_supported: [...SERVER_SCOPES],
          response_types_supported: ['code'],
          grant_types_supported: ['authorization_code', 'client_credentials', 'refresh_token'],
          service_documentation:
            'https://www.openproject.org/docs/system-admin-guide/authentication/oauth-applications/',
        });
      },
    },
    {
      method: 'GET',
      path: '/.well-known/oauth-protected-resource',
      handle(ex) {
        sendJson(ex, 200, {
          resource: ctx.issuer(),
          resource_name: 'OpenProject',
          authorization_servers: [...options.externalIssuers(), ctx.issuer()],
          scopes_supported: [...SERVER_SCOPES],
          bearer_methods_supported: ['header'],
          resource_documentation: 'https://www.openproject.org/docs/api/',
        });
      },
    },
  ];
}
