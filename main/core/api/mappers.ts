/**
 * Validated HAL resources → the plain domain objects of domain.ts.
 */
import type { CurrentUser, NotificationItem, Person, WorkPackageSummary } from '../domain';
import type { Link, Notification, User, WorkPackage } from './schemas';
import { idFromHref } from './url';

/** The title of a link that points somewhere; null for absent links and `{href: null}`. */
function linkTitle(link: Link | null | undefined): string | null {
  if (!link || link.href === null) return null;
  return link.title ?? null;
}

function workPackageIdFromHref(href: string | null | undefined): number | null {
  if (!href || !/\/work_packages\//.test(href)) return null;
  return idFromHref(href);
}

function actorOf(notification: Notification): Person | null {
  const link = notification._links.actor;
  const id = idFromHref(link?.href);
  if (id === null) return null;
  const embedded = notification._embedded?.actor;
  const name = link?.title ?? (embedded?.id === id ? embedded.name : undefined);
  return { id, name: name ?? `User ${id}` };
}

export function toNotificationItem(notification: Notification): NotificationItem {
  const { resource, project } = notification._links;
  return {
    id: notification.id,
    readIAN: notification.readIAN,
    reason: notification.reason,
    createdAt: notification.createdAt,
    updatedAt: notification.updatedAt,
    workPackageId: workPackageIdFromHref(resource?.href),
    workPackageSubject: linkTitle(resource),
    projectId: idFromHref(project?.href),
    projectName: linkTitle(project),
    actor: actorOf(notification),
    details: (notification._embedded?.details ?? []).map((detail) => ({
      property: detail.property,
      value: detail.value ?? null,
    })),
  };
}

export function toWorkPackageSummary(
  workPackage: WorkPackage,
  url: (id: number) => string,
): WorkPackageSummary {
  const links = workPackage._links;
  const displayId = workPackage.displayId;
  return {
    id: workPackage.id,
    displayId:
      displayId === null || displayId === undefined || displayId === ''
        ? String(workPackage.id)
        : String(displayId),
    subject: workPackage.subject,
    type: linkTitle(links?.type),
    status: linkTitle(links?.status),
    project: linkTitle(links?.project),
    assignee: linkTitle(links?.assignee),
    updatedAt: workPackage.updatedAt ?? null,
    url: url(workPackage.id),
  };
}

/**
 * `/users/me` answers the anonymous user (200) when the instance lets anonymous visitors in:
 * that is not a sign-in. Real users always see their own non-empty `login`.
 */
export function isAnonymousUser(user: User): boolean {
  return user._type !== 'User' || !user.login;
}

export function toCurrentUser(user: User): CurrentUser {
  return {
    id: user.id,
    name: user.name,
    login: user.login ?? null,
    email: user.email || null,
    avatar: user.avatar || null,
    admin: user.admin ?? false,
  };
}
