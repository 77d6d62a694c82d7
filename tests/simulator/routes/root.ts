/**
 * `/api/v3` (Root: `coreVersion` for admins only, `_links.user` only when logged in),
 * `/api/v3/configuration`, and the spec links the `Link: rel="service-desc"` header points to.
 */
import { userName } from '../data/events';
import { sendHal, sendJson } from '../http';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../query/params';
import type { ApiCall, ApiRoute } from './types';

function root(call: ApiCall): void {
  const { sim, principal } = call;
  const api = (p: string) => ({ href: sim.paths.api(p) });
  const user = principal.user;
  sendHal(call.ex, 200, {
    _type: 'Root',
    instanceName: sim.settings.instanceName,
    ...(user?.admin ? { coreVersion: sim.settings.coreVersion } : {}),
    _links: {
      self: api(''),
      configuration: api('/configuration'),
      memberships: api('/memberships'),
      priorities: api('/priorities'),
      relations: api('/relations'),
      statuses: api('/statuses'),
      time_entries: api('/time_entries'),
      types: api('/types'),
      ...(user
        ? { user: { href: sim.paths.api(`/users/${user.id}`), title: userName(user) } }
        : {}),
      userPreferences: api(user ? `/users/${user.id}/preferences` : '/my_preferences'),
      workPackages: api('/work_packages'),
    },
  });
}

function configuration(call: ApiCall): void {
  const { sim } = call;
  sendHal(call.ex, 200, {
    _type: 'Configuration',
    maximumAttachmentFileSize: 5_242_880,
    maximumApiV3PageSize: MAX_PAGE_SIZE,
    perPageOptions: [DEFAULT_PAGE_SIZE, 100],
    durationFormat: 'hours_only',
    hostName: new URL(sim.origin()).host,
    activeFeatureFlags: [],
    availableFeatures: sim.settings.dateAlertsFeature ? ['date_alerts'] : [],
    trialRequested: false,
    _links: {
      self: { href: sim.paths.api('/configuration') },
      userPreferences: { href: sim.paths.api('/my_preferences') },
    },
  });
}

/** A stand-in for the spec document (the real server serves its OpenAPI document here). */
function openapi(call: ApiCall): void {
  sendJson(call.ex, 200, {
    openapi: '3.1.2',
    info: { title: 'OpenProject API V3 (Stable)', version: '3' },
    servers: [{ url: `${call.sim.origin()}${call.sim.paths.basePath}` }],
    paths: {},
  });
}

export const rootRoutes: ApiRoute[] = [
  { method: 'GET', path: '', handle: root },
  { method: 'GET', path: '/', handle: root },
  { method: 'GET', path: '/configuration', handle: configuration },
  { method: 'GET', path: '/openapi.json', handle: openapi },
  { method: 'GET', path: '/spec.json', handle: openapi },
];
