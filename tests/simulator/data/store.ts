/**
 * The simulator's state plus the notification lifecycle of a real OpenProject: journal
 * aggregation (same actor, same work package, within the aggregation window → the notification is
 * updated in place or deleted), date alerts (no actor, no activity; older alerts on the work
 * package get read), reminders, shared work packages, read/unread that bump `updatedAt`.
 */
import type { Clock } from './clock';
import { MINUTE } from './clock';
import { dateAlertDetail, journalContent, reminderDetail, REASONS_WITHOUT_JOURNAL } from './events';
import type { ApiReason, DetailProperty, Journal, Notification, User, WorkPackage } from './model';
import { addJournal, markOlderDateAlertsRead } from './mutations';
import type { State } from './state';

export interface ChangeInput {
  workPackageId: number;
  reason: ApiReason;
  /** Who made the change; default: the first active user who is not the recipient. `null` = system. */
  actorId?: number | null;
  /** Who is notified; default: the demo user. */
  recipientId?: number;
  /** The comment of the change (for mentioned/commented), or the reminder's note. */
  comment?: string;
  /** For date alerts: which date. */
  property?: Exclude<DetailProperty, 'note'>;
  /**
   * When the change is aggregated into the same actor's previous journal: `update` the existing
   * notification in place (default) or `delete` it (the aggregated journal no longer warrants it).
   */
  onAggregate?: 'update' | 'delete';
}

export type ChangeOutcome = 'created' | 'aggregated' | 'deleted';

export interface ChangeResult {
  outcome: ChangeOutcome;
  notification: Notification;
}

export class StoreError extends Error {
  constructor(
    message: string,
    readonly code: 'not-found' | 'invalid',
  ) {
    super(message);
  }
}

export class Store {
  constructor(
    public state: State,
    readonly clock: Clock,
    /** Minutes within which the same actor's edits are aggregated (OpenProject's default: 5). */
    private readonly aggregationMinutes: () => number = () => 5,
  ) {}

  now(): number {
    return this.clock.now();
  }

  user(idOrLogin: number | string): User | undefined {
    if (typeof idOrLogin === 'number') return this.state.users.get(idOrLogin);
    if (/^\d+$/.test(idOrLogin)) return this.state.users.get(Number(idOrLogin));
    return [...this.state.users.values()].find((u) => u.login === idOrLogin);
  }

  workPackage(id: number): WorkPackage {
    const wp = this.state.workPackages.get(id);
    if (!wp) throw new StoreError(`There is no work package ${id}.`, 'not-found');
    return wp;
  }

  notification(id: number): Notification {
    const n = this.state.notifications.get(id);
    if (!n) throw new StoreError(`There is no notification ${id}.`, 'not-found');
    return n;
  }

  /** The notifications a user may see (as recipient), in id order. */
  notificationsOf(userId: number): Notification[] {
    const out: Notification[] = [];
    for (const n of this.state.notifications.values()) if (n.recipientId === userId) out.push(n);
    return out;
  }

  latestJournal(workPackageId: number): Journal | undefined {
    let latest: Journal | undefined;
    for (const j of this.state.journals.values()) {
      if (j.workPackageId === workPackageId && (!latest || j.version > latest.version)) latest = j;
    }
    return latest;
  }

  /** A change to a work package that notifies the recipient, aggregated as OpenProject does. */
  recordChange(input: ChangeInput): ChangeResult {
    const wp = this.workPackage(input.workPackageId);
    const recipientId = input.recipientId ?? this.state.demoUserId;
    if (!this.state.users.has(recipientId)) {
      throw new StoreError(`There is no user ${recipientId}.`, 'not-found');
    }
    if (input.reason === 'dateAlert') {
      return {
        outcome: 'created',
        notification: this.createDateAlert(wp, recipientId, input.property),
      };
    }
    const actorId = input.actorId === undefined ? this.defaultActor(recipientId) : input.actorId;
    if (actorId !== null && !this.state.users.has(actorId)) {
      throw new StoreError(`There is no user ${actorId}.`, 'not-found');
    }
    const now = this.clock.stamp();
    if (REASONS_WITHOUT_JOURNAL.has(input.reason)) {
      const isReminder = input.reason === 'reminder';
      return {
        outcome: 'created',
        notification: this.insert({
          recipientId,
          reason: input.reason,
          wp,
          actorId: isReminder ? (input.actorId ?? recipientId) : actorId,
          journalId: null,
          details: isReminder ? [reminderDetail(wp, input.comment)] : [],
          at: now,
        }),
      };
    }
    const content = journalContent(this.state, wp, input.reason, recipientId, input.comment);
    const latest = this.latestJournal(wp.id);
    const windowMs = this.aggregationMinutes() * MINUTE;
    if (
      latest &&
      actorId !== null &&
      latest.userId === actorId &&
      windowMs > 0 &&
      now - latest.updatedAt <= windowMs
    ) {
      latest.notes = [latest.notes, content.notes].filter(Boolean).join('\n\n');
      latest.changes = [...latest.changes, ...content.changes];
      latest.updatedAt = Math.max(now, latest.updatedAt + 1);
      wp.updatedAt = Math.max(wp.updatedAt, latest.updatedAt);
      const existing = [...this.state.notifications.values()].find(
        (n) => n.journalId === latest.id && n.recipientId === recipientId,
      );
      if (existing) {
        if (input.onAggregate === 'delete') {
          this.state.notifications.delete(existing.id);
          return { outcome: 'deleted', notification: existing };
        }
        existing.reason = input.reason;
        existing.readIAN = false;
        existing.updatedAt = this.clock.stamp(existing.updatedAt);
        return { outcome: 'aggregated', notification: existing };
      }
      return {
        outcome: 'created',
        notification: this.insert({
          recipientId,
          reason: input.reason,
          wp,
          actorId,
          journalId: latest.id,
          details: [],
          at: now,
        }),
      };
    }
    const journal = addJournal(this.state, {
      workPackageId: wp.id,
      userId: actorId ?? recipientId,
      ...content,
      at: now,
    });
    return {
      outcome: 'created',
      notification: this.insert({
        recipientId,
        reason: input.reason,
        wp,
        actorId,
        journalId: journal.id,
        details: [],
        at: now,
      }),
    };
  }

  /** A date alert (system event): no actor, no activity; the recipient's older alerts on the WP get read. */
  createDateAlert(
    wp: WorkPackage,
    recipientId: number,
    property?: Exclude<DetailProperty, 'note'>,
  ): Notification {
    const fresh = this.insert({
      recipientId,
      reason: 'dateAlert',
      wp,
      actorId: null,
      journalId: null,
      details: [dateAlertDetail(this.state, wp, property)],
      at: this.clock.stamp(),
    });
    markOlderDateAlertsRead(this.state, fresh);
    return fresh;
  }

  /** Changes a notification in place: new `updatedAt`, unread again unless told otherwise. */
  updateNotification(id: number, patch: { reason?: ApiReason; readIAN?: boolean }): Notification {
    const n = this.notification(id);
    if (patch.reason) n.reason = patch.reason;
    n.readIAN = patch.readIAN ?? false;
    n.updatedAt = this.clock.stamp(n.updatedAt);
    return n;
  }

  /** Marks notifications read or unread (as the API does: `updatedAt` is set to now). */
  setRead(ids: Iterable<number>, read: boolean): number {
    let changed = 0;
    for (const id of ids) {
      const n = this.state.notifications.get(id);
      if (!n) continue;
      n.readIAN = read;
      n.updatedAt = this.clock.stamp(n.updatedAt);
      changed += 1;
    }
    return changed;
  }

  deleteNotification(id: number): boolean {
    return this.state.notifications.delete(id);
  }

  private defaultActor(recipientId: number): number {
    const actor = [...this.state.users.values()].find(
      (u) => u.status === 'active' && u.id !== recipientId && !u.admin,
    );
    return actor?.id ?? recipientId;
  }

  private insert(input: {
    recipientId: number;
    reason: ApiReason;
    wp: WorkPackage;
    actorId: number | null;
    journalId: number | null;
    details: Notification['details'];
    at: number;
  }): Notification {
    const notification: Notification = {
      id: this.state.nextNotificationId++,
      recipientId: input.recipientId,
      reason: input.reason,
      readIAN: false,
      resourceId: input.wp.id,
      projectId: input.wp.projectId,
      actorId: input.actorId,
      journalId: input.journalId,
      details: input.details,
      createdAt: input.at,
      updatedAt: input.at,
    };
    this.state.notifications.set(notification.id, notification);
    input.wp.updatedAt = Math.max(input.wp.updatedAt, input.at);
    return notification;
  }
}
