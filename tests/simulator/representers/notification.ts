/**
 * The Notification resource. In collections the associated resources are links only (with
 * titles), but `_embedded.details` is always there; the single GET embeds actor, project,
 * activity and resource. `readIAN` is linked only when unread, `unreadIAN` only when read.
 * A date alert has no actor and no activity: those links are left out (as the server's
 * `skip_render` does) or written `{href: null}` when the instance is set so.
 */
import { userName } from '../data/events';
import type { Notification, NotificationDetail } from '../data/model';
import { iso, link, type Link, type RepresenterContext } from './context';
import {
  activityRepresentation,
  isValueSchemaProperty,
  projectRepresentation,
  userRepresentation,
  valueSchemaRepresentation,
} from './resources';
import { workPackageRepresentation } from './work-package';

export function detailRepresentation(
  ctx: RepresenterContext,
  notificationId: number,
  detail: NotificationDetail,
  index: number,
): Record<string, unknown> {
  return {
    _type: 'Values::Property',
    property: detail.property,
    value: detail.value,
    _links: {
      self: { href: ctx.paths.api(`/notifications/${notificationId}/details/${index}`) },
      schema: { href: ctx.paths.api(`/values/schemas/${detail.property}`) },
    },
  };
}

export function notificationRepresentation(
  ctx: RepresenterContext,
  n: Notification,
  embed: boolean,
): Record<string, unknown> {
  const { state, paths } = ctx;
  const wp = state.workPackages.get(n.resourceId);
  const project = state.projects.get(n.projectId);
  const actor = n.actorId === null ? undefined : state.users.get(n.actorId);
  const journal = n.journalId === null ? undefined : state.journals.get(n.journalId);
  const absent = ctx.absentLinks === 'null' ? { href: null } : undefined;

  const links: Record<string, Link | undefined> = {
    self: link(paths.api(`/notifications/${n.id}`)),
    ...(n.readIAN
      ? { unreadIAN: { href: paths.api(`/notifications/${n.id}/unread_ian`), method: 'post' } }
      : { readIAN: { href: paths.api(`/notifications/${n.id}/read_ian`), method: 'post' } }),
    actor: actor ? link(paths.api(`/users/${actor.id}`), userName(actor)) : absent,
    project: link(paths.api(`/projects/${n.projectId}`), project?.name),
    activity: journal ? link(paths.api(`/activities/${journal.id}`)) : absent,
    resource: link(paths.api(`/work_packages/${n.resourceId}`), wp?.subject),
  };
  for (const key of Object.keys(links)) if (links[key] === undefined) delete links[key];

  const embedded: Record<string, unknown> = {};
  if (embed) {
    if (actor) embedded.actor = userRepresentation(ctx, actor);
    if (project) embedded.project = projectRepresentation(ctx, project);
    if (journal) embedded.activity = activityRepresentation(ctx, journal);
    if (wp) embedded.resource = workPackageRepresentation(ctx, wp, false);
  }
  embedded.details = n.details.map((d, i) => detailRepresentation(ctx, n.id, d, i));

  return {
    _type: 'Notification',
    id: n.id,
    readIAN: n.readIAN,
    reason: n.reason,
    createdAt: iso(n.createdAt),
    updatedAt: iso(n.updatedAt),
    _embedded: embedded,
    _links: links,
  };
}

/** `detailsSchemas` of a collection page: one Schema per detail property used on the page. */
export function detailsSchemas(ctx: RepresenterContext, page: readonly Notification[]): unknown[] {
  const properties = new Set(page.flatMap((n) => n.details.map((d) => d.property)));
  return [...properties]
    .filter(isValueSchemaProperty)
    .map((p) => valueSchemaRepresentation(ctx, p));
}
