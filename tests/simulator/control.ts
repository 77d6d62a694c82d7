/**
 * The programmatic control interface (`simulator.control`); the HTTP one under `/__control/*`
 * maps onto it. Acts as "someone else" on the server: other users change work packages, another
 * client reads notifications, time passes, the network misbehaves.
 */
import { randomBytes } from 'node:crypto';
import type { Notification } from './data/model';
import type { Store } from './data/store';
import { userName } from './data/events';
import type { Faults } from './faults';
import type { Settings } from './routes/types';
import type { Stats } from './stats';
import type {
  CreateNotificationInput,
  NotificationSnapshot,
  ResetOptions,
  SimulatorControl,
  UserRef,
} from './types';

export class ControlError extends Error {
  constructor(
    message: string,
    readonly status: 400 | 404 = 400,
  ) {
    super(message);
  }
}

export function snapshot(n: Notification): NotificationSnapshot {
  return {
    id: n.id,
    recipientId: n.recipientId,
    reason: n.reason,
    readIAN: n.readIAN,
    workPackageId: n.resourceId,
    projectId: n.projectId,
    actorId: n.actorId,
    activityId: n.journalId,
    details: n.details.map((d) => ({ ...d })),
    createdAt: new Date(n.createdAt).toISOString(),
    updatedAt: new Date(n.updatedAt).toISOString(),
  };
}

export interface ControlDeps {
  store: Store;
  faults: Faults;
  stats: Stats;
  settings: Settings;
  secret: string;
  reset(options: ResetOptions): void;
}

export function createControl(deps: ControlDeps): SimulatorControl {
  const { store, faults, stats, settings } = deps;
  const userId = (ref: UserRef | undefined, fallback: number): number => {
    if (ref === undefined) return fallback;
    const user = store.user(ref);
    if (!user) throw new ControlError(`There is no user ${String(ref)}.`, 404);
    return user.id;
  };
  const notification = (id: number): Notification => {
    const n = store.state.notifications.get(id);
    if (!n) throw new ControlError(`There is no notification ${id}.`, 404);
    return n;
  };
  return {
    secret: deps.secret,
    createNotification(input: CreateNotificationInput) {
      if (!store.state.workPackages.has(input.workPackageId)) {
        throw new ControlError(`There is no work package ${input.workPackageId}.`, 404);
      }
      const recipientId = userId(input.recipient, store.state.demoUserId);
      const result = store.recordChange({
        workPackageId: input.workPackageId,
        reason: input.reason,
        recipientId,
        ...(input.actor === undefined
          ? {}
          : { actorId: input.actor === null ? null : userId(input.actor, 0) }),
        ...(input.comment === undefined ? {} : { comment: input.comment }),
        ...(input.property === undefined ? {} : { property: input.property }),
        ...(input.onAggregate === undefined ? {} : { onAggregate: input.onAggregate }),
      });
      return { outcome: result.outcome, notification: snapshot(result.notification) };
    },
    updateNotification(id, patch = {}) {
      notification(id);
      return snapshot(store.updateNotification(id, patch));
    },
    markRead(ids, read = true) {
      const list = typeof ids === 'number' ? [ids] : [...ids];
      list.forEach(notification);
      store.setRead(list, read);
    },
    deleteNotification: (id) => store.deleteNotification(id),
    notifications(query = {}) {
      const recipientId = userId(query.recipient, store.state.demoUserId);
      return store
        .notificationsOf(recipientId)
        .filter((n) => query.unread === undefined || n.readIAN !== query.unread)
        .sort((a, b) => b.id - a.id)
        .map(snapshot);
    },
    unreadCount(recipient) {
      const recipientId = userId(recipient, store.state.demoUserId);
      return store.notificationsOf(recipientId).filter((n) => !n.readIAN).length;
    },
    now: () => new Date(store.clock.now()),
    advanceClock: (ms) => new Date(store.clock.advance(ms)),
    setClock(at) {
      const epoch = typeof at === 'string' ? Date.parse(at) : at.getTime();
      if (Number.isNaN(epoch)) throw new ControlError(`Not a date: ${String(at)}.`);
      store.clock.set(epoch);
      return new Date(store.clock.now());
    },
    injectFault: (spec) => faults.add(spec).id,
    clearFaults(id) {
      faults.clear(id);
    },
    faults: () => faults.list(),
    stats: () => stats.snapshot(),
    resetStats: () => stats.reset(),
    createToken(input = {}) {
      const owner = userId(input.user, store.state.demoUserId);
      const kind = input.kind ?? 'legacy';
      const value =
        kind === 'legacy'
          ? randomBytes(20).toString('hex')
          : `opapi-${randomBytes(32).toString('hex')}`;
      store.state.tokens.set(value, { value, userId: owner, kind, deny: [...(input.deny ?? [])] });
      return value;
    },
    revokeToken: (token) => store.state.tokens.delete(token),
    settings: () => ({ ...settings }),
    updateSettings(patch) {
      Object.assign(settings, patch);
      return { ...settings };
    },
    reset: (options = {}) => deps.reset(options),
    users: () =>
      [...store.state.users.values()].map((u) => ({
        id: u.id,
        login: u.login,
        name: userName(u),
        admin: u.admin,
        status: u.status,
      })),
    workPackages: () =>
      [...store.state.workPackages.values()].map((wp) => ({
        id: wp.id,
        subject: wp.subject,
        projectId: wp.projectId,
        isClosed: store.state.statuses.get(wp.statusId)?.isClosed ?? false,
        updatedAt: new Date(wp.updatedAt).toISOString(),
      })),
  };
}
