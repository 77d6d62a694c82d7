/**
 * The API v3 pipeline, in OpenProject's order: route + Grape parameter validation (400),
 * authentication (401), login_required (401), Content-Type of writes (406/415), the endpoint's
 * own checks (403 MissingPermission), then the endpoint. Unknown routes are 404 NotFound.
 */
import { authenticate, needAuthentication } from '../auth';
import { SERVICE_DESC_LINK, sendText, type Exchange } from '../http';
import { badRequest, missingPermission, notFound, typeNotSupported } from '../problems';
import type { RepresenterContext } from '../representers/context';
import { compile, match } from '../router';
import { notificationRoutes } from './notifications';
import { resourceRoutes } from './resources';
import { rootRoutes } from './root';
import type { ApiRoute, SimContext } from './types';
import { workPackageRoutes } from './work-packages';

const API_ROUTES = [
  ...rootRoutes,
  ...notificationRoutes,
  ...workPackageRoutes,
  ...resourceRoutes,
].map((r) => compile<ApiRoute>(r));

export const API_PREFIX = '/api/v3';

const ALLOWED_CONTENT_TYPES = ['application/json', 'application/hal+json'];

/** `true` when the request was answered here (406 is plain text, not an API error body). */
function contentTypeRejected(ex: Exchange): boolean {
  if (ex.method === 'GET') return false;
  const contentType = (ex.req.headers['content-type'] ?? '').trim();
  if (contentType === '') {
    sendText(ex, 406, 'Missing content-type header');
    return true;
  }
  if (!ALLOWED_CONTENT_TYPES.some((type) => contentType.startsWith(type)))
    throw typeNotSupported(contentType);
  return false;
}

/** Handles a request whose path (below the sub-path) starts with `/api/v3`. */
export async function handleApi(ex: Exchange, sim: SimContext): Promise<void> {
  ex.res.setHeader('Link', SERVICE_DESC_LINK);
  const sub = ex.path.slice(API_PREFIX.length);
  const found = match(API_ROUTES, ex.method, sub);
  for (const name of found?.route.integers ?? []) {
    if (!/^-?\d+$/.test(found?.params[name] ?? '')) throw badRequest(`${name} is invalid`);
  }
  const authContext = {
    state: sim.store.state,
    bearerResolvers: sim.bearerResolvers,
    resourceMetadata: `${sim.origin()}${sim.paths.web('/.well-known/oauth-protected-resource')}`,
  };
  const principal = authenticate(ex, authContext);
  if (!principal.user && sim.settings.loginRequired) throw needAuthentication(authContext);
  if (contentTypeRejected(ex)) return;
  if (!found) throw notFound();
  const { route, params } = found;
  if (route.loggedIn && !principal.user) throw missingPermission();
  if (route.area && principal.deny.includes(route.area)) throw missingPermission();
  const rep: RepresenterContext = {
    state: sim.store.state,
    paths: sim.paths,
    origin: sim.origin(),
    viewer: principal.user,
    absentLinks: sim.settings.absentLinks,
    semanticIds: sim.settings.semanticIds,
  };
  await route.handle({ ex, params, principal, sim, rep });
}
