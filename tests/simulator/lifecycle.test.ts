/**
 * The notification lifecycle of a real server, seen through the API: aggregation within the
 * 5-minute window (same id, newer updatedAt, unread again, reason may change) or deletion,
 * a new notification after the window, date alerts, shared and reminder.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Simulator } from './index';
import { getJson, notificationList, q, start, type HalNotification } from './test-helpers';

let sim: Simulator;
beforeEach(async () => {
  sim = await start();
});
afterEach(() => sim.stop());

const MINUTE = 60_000;
const notification = (id: number) => getJson<HalNotification>(sim, `/api/v3/notifications/${id}`);
/** A work package nobody touched in the last hour (seeded activity is at least 10 minutes old). */
const quietWorkPackage = () => sim.control.workPackages()[10]?.id ?? 11;

describe('aggregation', () => {
  it('a second change by the same actor within 5 minutes updates the notification in place', async () => {
    const wp = quietWorkPackage();
    const first = sim.control.createNotification({
      workPackageId: wp,
      reason: 'commented',
      actor: 'zoe',
    });
    expect(first.outcome).toBe('created');
    sim.control.markRead(first.notification.id);
    const before = await notification(first.notification.id);
    expect(before.readIAN).toBe(true);

    sim.control.advanceClock(3 * MINUTE);
    const second = sim.control.createNotification({
      workPackageId: wp,
      reason: 'mentioned',
      actor: 'zoe',
      comment: 'see above',
    });
    expect(second.outcome).toBe('aggregated');
    expect(second.notification.id).toBe(first.notification.id);

    const after = await notification(first.notification.id);
    expect(after.readIAN).toBe(false);
    expect(after.reason).toBe('mentioned');
    expect(Date.parse(after.updatedAt)).toBeGreaterThan(Date.parse(before.updatedAt));
    expect(after.createdAt).toBe(before.createdAt);
    const forWp = await notificationList(
      sim,
      `pageSize=0&filters=${q([{ resourceId: { operator: '=', values: [String(wp)] } }])}`,
    );
    const activity = after._embedded.activity as { comment: { raw: string } };
    expect(activity.comment.raw).toContain('see above');
    expect(forWp.total).toBe(
      sim.control.notifications().filter((n) => n.workPackageId === wp).length,
    );
  });

  it('after the window, or by another actor, a new notification appears', async () => {
    const wp = quietWorkPackage();
    const first = sim.control.createNotification({
      workPackageId: wp,
      reason: 'commented',
      actor: 'zoe',
    });
    sim.control.advanceClock(6 * MINUTE);
    const later = sim.control.createNotification({
      workPackageId: wp,
      reason: 'commented',
      actor: 'zoe',
    });
    expect(later.outcome).toBe('created');
    expect(later.notification.id).toBeGreaterThan(first.notification.id);
    const other = sim.control.createNotification({
      workPackageId: wp,
      reason: 'assigned',
      actor: 'juergen',
    });
    expect(other.outcome).toBe('created');
    const newest = await notificationList(sim, 'pageSize=3');
    expect(newest._embedded.elements.map((n) => n.id)).toEqual([
      other.notification.id,
      later.notification.id,
      first.notification.id,
    ]);
  });

  it('can delete the notification instead, so its id disappears', async () => {
    const wp = quietWorkPackage();
    const first = sim.control.createNotification({
      workPackageId: wp,
      reason: 'watched',
      actor: 'zoe',
    });
    sim.control.advanceClock(MINUTE);
    const gone = sim.control.createNotification({
      workPackageId: wp,
      reason: 'watched',
      actor: 'zoe',
      onAggregate: 'delete',
    });
    expect(gone.outcome).toBe('deleted');
    await getJson(sim, `/api/v3/notifications/${first.notification.id}`, { status: 404 });
  });

  it('honours a changed aggregation window (0 = never aggregate)', () => {
    sim.control.updateSettings({ aggregationMinutes: 0 });
    const wp = quietWorkPackage();
    sim.control.createNotification({ workPackageId: wp, reason: 'commented', actor: 'zoe' });
    expect(
      sim.control.createNotification({ workPackageId: wp, reason: 'commented', actor: 'zoe' })
        .outcome,
    ).toBe('created');
  });
});

describe('control changes as another client', () => {
  it('update in place, mark read elsewhere, delete', async () => {
    const [target] = sim.control.notifications({ unread: true });
    const id = target?.id ?? 0;
    sim.control.advanceClock(1000);
    sim.control.markRead([id]);
    expect((await notification(id)).readIAN).toBe(true);
    sim.control.advanceClock(1000);
    const updated = sim.control.updateNotification(id, { reason: 'assigned' });
    const seen = await notification(id);
    expect(seen).toMatchObject({
      readIAN: false,
      reason: 'assigned',
      updatedAt: updated.updatedAt,
    });
    expect(sim.control.deleteNotification(id)).toBe(true);
    await getJson(sim, `/api/v3/notifications/${id}`, { status: 404 });
  });
});

describe('date alerts', () => {
  it('have no actor and no activity, carry the date detail, and mark older alerts on the WP read', async () => {
    const wp = quietWorkPackage();
    const older = sim.control.createNotification({
      workPackageId: wp,
      reason: 'dateAlert',
      property: 'startDate',
    });
    sim.control.advanceClock(MINUTE);
    const newer = sim.control.createNotification({
      workPackageId: wp,
      reason: 'dateAlert',
      property: 'dueDate',
    });
    const alert = await notification(newer.notification.id);
    expect(alert.reason).toBe('dateAlert');
    expect(alert._links.actor).toBeUndefined();
    expect(alert._links.activity).toBeUndefined();
    expect(alert._embedded.actor).toBeUndefined();
    expect(alert._embedded.activity).toBeUndefined();
    expect(alert._embedded.details).toHaveLength(1);
    expect(['dueDate', 'date']).toContain(alert._embedded.details[0]?.property);
    expect((await notification(older.notification.id)).readIAN).toBe(true);
  });

  it('can write absent links as {href: null} instead', async () => {
    const nulls = await start({ absentLinks: 'null' });
    try {
      const alert = nulls.control.createNotification({ workPackageId: 12, reason: 'dateAlert' });
      const body = await getJson<HalNotification>(
        nulls,
        `/api/v3/notifications/${alert.notification.id}`,
      );
      expect(body._links.actor).toEqual({ href: null });
      expect(body._links.activity).toEqual({ href: null });
    } finally {
      await nulls.stop();
    }
  });

  it('seeded ones never have an actor', async () => {
    const alerts = await notificationList(
      sim,
      `pageSize=1000&filters=${q([{ reason: { operator: '=', values: ['dateAlert'] } }])}`,
    );
    expect(alerts.total).toBeGreaterThan(0);
    for (const n of alerts._embedded.elements) {
      expect(n._links.actor).toBeUndefined();
      expect(n._embedded.details[0]?.property).toMatch(/^(startDate|dueDate|date)$/);
    }
  });
});

describe('reasons the spec does not list', () => {
  it('shared (an actor, no activity) and reminder (a note detail)', async () => {
    const shared = sim.control.createNotification({
      workPackageId: 20,
      reason: 'shared',
      actor: 'juergen',
    });
    const sharedBody = await notification(shared.notification.id);
    expect(sharedBody.reason).toBe('shared');
    expect(sharedBody._links.actor?.title).toBe('Jürgen Weiß');
    expect(sharedBody._embedded.details).toEqual([]);

    const reminder = sim.control.createNotification({
      workPackageId: 21,
      reason: 'reminder',
      comment: 'Call the customer',
    });
    const reminderBody = await notification(reminder.notification.id);
    expect(reminderBody.reason).toBe('reminder');
    expect(reminderBody._embedded.details).toEqual([
      expect.objectContaining({
        _type: 'Values::Property',
        property: 'note',
        value: 'Call the customer',
      }),
    ]);
    const listed = await notificationList(
      sim,
      `filters=${q([{ reason: { operator: '=', values: ['shared', 'reminder'] } }])}`,
    );
    expect(listed._embedded.elements.slice(0, 2).map((n) => n.reason)).toEqual([
      'reminder',
      'shared',
    ]);
  });
});
