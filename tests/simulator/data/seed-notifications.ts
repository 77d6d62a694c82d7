/**
 * Seeds notifications: the demo set (hundreds of every reason, mostly unread), exactly N unread
 * for benchmarks, or none. Events are generated for all recipients, sorted by time, then given
 * ids, so ids grow with time as in a real database.
 */
import type { Random } from '../prng';
import { DAY, isoDate, MINUTE } from './clock';
import { dateAlertDetail, journalContent, reminderDetail } from './events';
import type { ApiReason, Notification } from './model';
import { addJournal, markOlderDateAlertsRead } from './mutations';
import type { State } from './state';

export type NotificationPlan =
  { kind: 'demo' } | { kind: 'unread'; count: number } | { kind: 'empty' };

/** How many notifications the demo data set gives the demo user and the second user. */
export const DEMO_COUNTS = { demoUser: 300, otherUser: 40 } as const;

/** Seeded notifications are at least this old, so a test's first change is never aggregated into one. */
export const NEWEST_SEED_AGE = 10 * MINUTE;

const REASON_WEIGHTS: Record<ApiReason, number> = {
  mentioned: 14,
  assigned: 11,
  watched: 16,
  subscribed: 2,
  commented: 14,
  created: 5,
  processed: 10,
  prioritized: 4,
  scheduled: 5,
  responsible: 6,
  dateAlert: 8,
  shared: 3,
  reminder: 3,
};

interface EventSpec {
  recipientId: number;
  at: number;
  reason: ApiReason;
  read: boolean;
  /** One date alert per work package in this series (keeps an exact unread count). */
  noCascade: boolean;
}

export function seedNotifications(
  state: State,
  rng: Random,
  now: number,
  plan: NotificationPlan,
): void {
  if (plan.kind === 'empty') return;
  const newest = now - NEWEST_SEED_AGE;
  const specs: EventSpec[] = [];
  const series = (
    recipientId: number,
    count: number,
    from: number,
    to: number,
    read: (i: number) => boolean,
    noCascade = false,
  ) => {
    for (let i = 0; i < count; i += 1) {
      const at = Math.round(from + ((to - from) * (i + rng.next() * 0.9)) / Math.max(count, 1));
      specs.push({
        recipientId,
        at,
        reason: rng.weighted(REASON_WEIGHTS),
        read: read(i),
        noCascade,
      });
    }
  };
  if (plan.kind === 'demo') {
    const { demoUser, otherUser } = DEMO_COUNTS;
    series(state.demoUserId, demoUser, now - 21 * DAY, newest, (i) =>
      rng.chance(i < demoUser / 2 ? 0.45 : 0.08),
    );
    series(state.otherUserId, otherUser, now - 14 * DAY, newest, () => rng.chance(0.3));
  } else {
    series(state.demoUserId, 20, now - 30 * DAY, now - 22 * DAY, () => true);
    series(state.demoUserId, plan.count, now - 21 * DAY, newest, () => false, true);
    series(state.otherUserId, 10, now - 14 * DAY, newest, () => false);
  }
  specs.sort((a, b) => a.at - b.at);
  const hot = hotWorkPackages(state, rng);
  const alerted = new Set<string>();
  for (const spec of specs) materialise(state, rng, spec, hot, alerted, newest);
}

/** Work packages that concern each recipient (assigned, accountable) plus some watched ones. */
function hotWorkPackages(state: State, rng: Random): Map<number, number[]> {
  const all = [...state.workPackages.values()];
  const hot = new Map<number, number[]>();
  for (const userId of [state.demoUserId, state.otherUserId]) {
    const mine = all.filter((wp) => wp.assigneeId === userId || wp.responsibleId === userId);
    const watched = Array.from({ length: 30 }, () => rng.pick(all));
    hot.set(userId, [...new Set([...mine, ...watched].map((wp) => wp.id))]);
  }
  return hot;
}

function materialise(
  state: State,
  rng: Random,
  spec: EventSpec,
  hot: Map<number, number[]>,
  alerted: Set<string>,
  newest: number,
): void {
  const { recipientId, at } = spec;
  const candidates = hot.get(recipientId) ?? [];
  const wpId =
    rng.chance(0.75) && candidates.length > 0
      ? rng.pick(candidates)
      : rng.int(1, state.workPackages.size);
  const wp = state.workPackages.get(wpId);
  if (!wp) return;
  let reason = spec.reason;
  const untouched = wp.lockVersion === 1 && wp.createdAt < at;
  if (reason === 'created' && !untouched) reason = 'watched';
  const alertKey = `${recipientId}:${wp.id}`;
  if (reason === 'dateAlert' && spec.noCascade && alerted.has(alertKey)) reason = 'watched';

  const others = [...state.users.values()].filter(
    (u) => u.status === 'active' && u.id !== recipientId,
  );
  let actorId: number | null = rng.pick(others).id;
  let journalId: number | null = null;
  const notification: Notification = {
    id: state.nextNotificationId++,
    recipientId,
    reason,
    readIAN: spec.read,
    resourceId: wp.id,
    projectId: wp.projectId,
    actorId,
    journalId,
    details: [],
    createdAt: at,
    updatedAt: at,
  };
  if (reason === 'dateAlert') {
    notification.actorId = actorId = null;
    // The alert is about a date close to when it fired (due soon, starting soon, or overdue).
    const property = rng.chance(0.3) ? 'startDate' : 'dueDate';
    const date = isoDate(at, property === 'dueDate' ? rng.int(-3, 3) : rng.int(0, 3));
    if (property === 'startDate' || state.types.get(wp.typeId)?.isMilestone) {
      wp.startDate = date;
      if (wp.dueDate !== null && wp.dueDate < date) wp.dueDate = date;
    } else {
      wp.dueDate = date;
      if (wp.startDate !== null && wp.startDate > date) wp.startDate = date;
    }
    if (state.types.get(wp.typeId)?.isMilestone) wp.dueDate = wp.startDate;
    notification.details = [dateAlertDetail(state, wp, property)];
    markOlderDateAlertsRead(state, notification);
    alerted.add(alertKey);
  } else if (reason === 'reminder') {
    notification.actorId = recipientId;
    notification.details = [reminderDetail(wp)];
  } else if (reason === 'created') {
    // This event is the work package's creation: move it (and its first journal) to now.
    const first = [...state.journals.values()].find(
      (j) => j.workPackageId === wp.id && j.version === 1,
    );
    wp.createdAt = wp.updatedAt = at;
    if (wp.authorId === recipientId) wp.authorId = actorId;
    notification.actorId = wp.authorId;
    if (first) {
      first.createdAt = first.updatedAt = at;
      first.userId = wp.authorId;
      notification.journalId = first.id;
    }
  } else if (reason !== 'shared') {
    const content = journalContent(state, wp, reason, recipientId);
    notification.journalId = journalId = addJournal(state, {
      workPackageId: wp.id,
      userId: actorId,
      ...content,
      at,
    }).id;
  }
  if (spec.read) {
    notification.updatedAt = Math.min(newest, at + rng.int(5 * MINUTE, 2 * DAY));
  } else if (journalId !== null && rng.chance(0.1)) {
    // An aggregated follow-up edit by the same actor a few minutes later.
    const bumped = Math.min(newest, at + rng.int(MINUTE, 4 * MINUTE));
    notification.updatedAt = bumped;
    const journal = state.journals.get(journalId);
    if (journal) journal.updatedAt = bumped;
  }
  notification.updatedAt = Math.max(notification.updatedAt, at);
  state.notifications.set(notification.id, notification);
}
