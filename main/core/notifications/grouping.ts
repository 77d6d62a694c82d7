/**
 * Unread notifications grouped by work package, as the widget and the CLI show them.
 */
import type { NotificationDetail, NotificationItem, WorkPackageGroup } from '../domain';

const DATE_PROPERTIES = new Set(['startDate', 'dueDate', 'date']);

const time = (iso: string): number => {
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? 0 : ms;
};

/** Newest first: by updatedAt, then by id (higher ids are newer). */
export function newestFirst(a: NotificationItem, b: NotificationItem): number {
  return time(b.updatedAt) - time(a.updatedAt) || b.id - a.id;
}

function dateAlertDetail(item: NotificationItem): NotificationDetail | null {
  if (item.reason !== 'dateAlert') return null;
  return item.details.find((detail) => DATE_PROPERTIES.has(detail.property)) ?? null;
}

/**
 * One group per work package (notifications without one are left out), groups newest first.
 * A group's subject and project come from its newest notification that names them; reasons are
 * distinct, most recent first; the actor is the most recent one (date alerts have none); the
 * date alert is the most recent date alert's date.
 */
export function groupByWorkPackage(
  items: readonly NotificationItem[],
  workPackageUrl: (id: number) => string,
): WorkPackageGroup[] {
  const groups = new Map<number, WorkPackageGroup>();
  for (const item of [...items].sort(newestFirst)) {
    const id = item.workPackageId;
    if (id === null) continue;
    let group = groups.get(id);
    if (!group) {
      group = {
        workPackageId: id,
        subject: '',
        projectId: null,
        projectName: null,
        reasons: [],
        count: 0,
        latestAt: item.updatedAt,
        actor: null,
        notificationIds: [],
        dateAlert: null,
        url: workPackageUrl(id),
      };
      groups.set(id, group);
    }
    group.count += 1;
    group.notificationIds.push(item.id);
    if (!group.reasons.includes(item.reason)) group.reasons.push(item.reason);
    if (group.subject === '' && item.workPackageSubject) group.subject = item.workPackageSubject;
    if (group.projectId === null && item.projectId !== null) {
      group.projectId = item.projectId;
      group.projectName = item.projectName;
    }
    group.actor ??= item.actor;
    group.dateAlert ??= dateAlertDetail(item);
  }
  const result = [...groups.values()];
  for (const group of result) {
    if (group.subject === '') group.subject = `Work package #${group.workPackageId}`;
  }
  return result.sort(
    (a, b) => time(b.latestAt) - time(a.latestAt) || b.workPackageId - a.workPackageId,
  );
}
