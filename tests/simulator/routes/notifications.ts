/**
 * `/api/v3/notifications`: the collection (filters, sort, groups, paging, select), one
 * notification, its details, and read/unread, single and in bulk (204, `updatedAt` bumped).
 */
import type { Notification, User } from '../data/model';
import { sendHal, sendNoContent } from '../http';
import { notFound } from '../problems';
import {
  groupNotifications,
  notificationPredicate,
  sortNotifications,
} from '../query/notification-filters';
import { pageOf, parseFilters, parsePage } from '../query/params';
import { paginatedCollection } from '../representers/collection';
import {
  detailRepresentation,
  detailsSchemas,
  notificationRepresentation,
} from '../representers/notification';
import { parseSelect, selectCollection } from '../representers/select';
import type { ApiCall, ApiRoute } from './types';

function viewer(call: ApiCall): User {
  const user = call.principal.user;
  if (!user) throw new Error('route requires a logged-in user');
  return user;
}

function queryOptions(call: ApiCall) {
  return {
    state: call.sim.store.state,
    userId: viewer(call).id,
    dateAlertsFeature: call.sim.settings.dateAlertsFeature,
  };
}

/** The filters as the links carry them: the parsed clauses written back as JSON (`[]` when none). */
function carriedFilters(raw: string | null): string {
  const clauses = parseFilters(raw) ?? [];
  return JSON.stringify(
    clauses.map((c) => ({ [c.name]: { operator: c.operator, values: c.values } })),
  );
}

function list(call: ApiCall): void {
  const { ex, sim, rep } = call;
  const { state } = sim.store;
  const predicate = notificationPredicate(ex.query.get('filters'), queryOptions(call));
  const matching = sortNotifications(
    state,
    sim.store.notificationsOf(viewer(call).id).filter(predicate),
    ex.query.get('sortBy'),
  );
  const groups = groupNotifications(state, matching, ex.query.get('groupBy'), (id) =>
    sim.paths.api(`/projects/${id}`),
  );
  const page = parsePage(ex.query);
  const elements = pageOf(matching, page);
  const carried: Record<string, string> = { filters: carriedFilters(ex.query.get('filters')) };
  for (const key of ['sortBy', 'groupBy', 'select']) {
    const value = ex.query.get(key);
    if (value !== null) carried[key] = value;
  }
  const schemas = detailsSchemas(rep, elements);
  const full = paginatedCollection({
    selfPath: sim.paths.api('/notifications'),
    carried,
    page,
    total: matching.length,
    elements: elements.map((n) => notificationRepresentation(rep, n, false)),
    ...(schemas.length > 0 ? { embedded: { detailsSchemas: schemas } } : {}),
    ...(groups ? { extra: { groups } } : {}),
  });
  const selection = parseSelect(ex.query.get('select'));
  // The notifications' SQL representer selects collection-level fields only.
  sendHal(ex, 200, selection ? selectCollection(full, selection) : full);
}

function ownNotification(call: ApiCall): Notification {
  const n = call.sim.store.state.notifications.get(Number(call.params.id));
  if (!n || n.recipientId !== viewer(call).id) throw notFound();
  return n;
}

function bulk(read: boolean) {
  return (call: ApiCall): void => {
    const { store } = call.sim;
    const predicate = notificationPredicate(call.ex.query.get('filters'), queryOptions(call), true);
    store.setRead(
      store
        .notificationsOf(viewer(call).id)
        .filter(predicate)
        .map((n) => n.id),
      read,
    );
    sendNoContent(call.ex);
  };
}

function single(read: boolean) {
  return (call: ApiCall): void => {
    call.sim.store.setRead([ownNotification(call).id], read);
    sendNoContent(call.ex);
  };
}

const guarded = { loggedIn: true, area: 'notifications' } as const;

export const notificationRoutes: ApiRoute[] = [
  { method: 'GET', path: '/notifications', ...guarded, handle: list },
  { method: 'POST', path: '/notifications/read_ian', ...guarded, handle: bulk(true) },
  { method: 'POST', path: '/notifications/unread_ian', ...guarded, handle: bulk(false) },
  {
    method: 'GET',
    path: '/notifications/:id',
    integers: ['id'],
    ...guarded,
    handle: (call) =>
      sendHal(call.ex, 200, notificationRepresentation(call.rep, ownNotification(call), true)),
  },
  {
    method: 'GET',
    path: '/notifications/:id/details/:index',
    integers: ['id', 'index'],
    ...guarded,
    handle: (call) => {
      const n = ownNotification(call);
      const index = Number(call.params.index);
      const detail = n.details[index];
      if (!detail) throw notFound();
      sendHal(call.ex, 200, detailRepresentation(call.rep, n.id, detail, index));
    },
  },
  {
    method: 'POST',
    path: '/notifications/:id/read_ian',
    integers: ['id'],
    ...guarded,
    handle: single(true),
  },
  {
    method: 'POST',
    path: '/notifications/:id/unread_ian',
    integers: ['id'],
    ...guarded,
    handle: single(false),
  },
];
