/**
 * The widget's data through the service: the grouped snapshot, mark read (the simulator sees the
 * read, the counts drop at once through the events), refresh now, and a desktop notification for
 * what arrives after the first sync.
 */
import { describe, expect, it } from 'vitest';
import { connected, simulator, startApp, value } from './support';

async function signedIn(unread = 10) {
  const sim = await simulator({ unread });
  const app = await startApp();
  const accountId = await connected(app, sim.url, sim.tokens.apiKey);
  return { sim, app, accountId };
}

describe('notifications', () => {
  it('shows the unread notifications grouped by work package, per account', async () => {
    const { sim, app, accountId } = await signedIn();
    const snapshot = value(await app.h.getNotifications());
    const mine = snapshot.accounts.find((entry) => entry.accountId === accountId);
    const unread = sim.control.notifications({ unread: true });
    expect(snapshot.unread).toEqual({
      total: unread.length,
      perAccount: { [accountId]: unread.length },
    });
    expect(mine?.groups.reduce((sum, group) => sum + group.count, 0)).toBe(unread.length);
    expect(new Set(mine?.groups.flatMap((group) => group.notificationIds))).toEqual(
      new Set(unread.map((n) => n.id)),
    );
    expect(mine?.groups[0]).toMatchObject({ type: null, actorAvatarUrl: null });
    expect(mine?.groups[0]?.url).toMatch(new RegExp(`^${sim.url}/work_packages/\\d+$`));
  });

  it('marks a work package read: the server has it read and the counts drop at once', async () => {
    const { sim, app, accountId } = await signedIn();
    const before = value(await app.h.getNotifications());
    const group = before.accounts[0]?.groups[0];
    if (!group) throw new Error('The simulator seeded no unread notifications.');
    const dropped = app.next(
      'unreadChanged',
      (counts) => counts.total === before.unread.total - group.count,
    );

    expect(
      await app.h.markRead({ kind: 'workPackage', accountId, workPackageId: group.workPackageId }),
    ).toEqual({ ok: true, value: null });

    await dropped;
    const stillUnread = new Set(sim.control.notifications({ unread: true }).map((n) => n.id));
    expect(group.notificationIds.some((id) => stillUnread.has(id))).toBe(false);
    const after = value(await app.h.getNotifications());
    expect(after.unread.total).toBe(before.unread.total - group.count);
    expect(after.accounts[0]?.groups.map((g) => g.workPackageId)).not.toContain(
      group.workPackageId,
    );
    const lastSnapshot = app.payloads('notificationsChanged').at(-1);
    expect(lastSnapshot?.unread.total).toBe(after.unread.total);
  });

  it('marks single notifications read, and then everything', async () => {
    const { sim, app, accountId } = await signedIn();
    const [first, second] = sim.control.notifications({ unread: true });
    if (!first || !second) throw new Error('Too few notifications seeded.');
    const total = sim.control.unreadCount();
    value(
      await app.h.markRead({
        kind: 'notifications',
        accountId,
        notificationIds: [first.id, second.id],
      }),
    );
    expect(sim.control.unreadCount()).toBe(total - 2);
    expect(value(await app.h.getNotifications()).unread.total).toBe(total - 2);

    value(await app.h.markRead({ kind: 'all', accountId }));
    expect(sim.control.unreadCount()).toBe(0);
    expect(value(await app.h.getNotifications()).unread).toEqual({
      total: 0,
      perAccount: { [accountId]: 0 },
    });
    expect(app.payloads('unreadChanged').at(-1)?.total).toBe(0);
  });

  it('refresh now fetches what arrived, and a new mention raises a desktop notification', async () => {
    const { sim, app, accountId } = await signedIn(3);
    expect(app.notifier.toasts).toEqual([]); // the backlog of a new account never toasts
    const workPackageId = sim.control.workPackages()[0]?.id ?? 1;
    sim.control.createNotification({ workPackageId, reason: 'mentioned', onAggregate: 'delete' });
    expect(await app.h.refreshNow({ accountId })).toEqual({ ok: true, value: null });
    expect(value(await app.h.getNotifications()).unread.total).toBe(sim.control.unreadCount());
    expect(app.notifier.toasts).toHaveLength(1);
    expect(app.notifier.toasts[0]?.url).toContain(`/work_packages/${workPackageId}`);
  });

  it('refuses to mark read for an account that does not exist or is signed out', async () => {
    const { app, accountId } = await signedIn(2);
    expect(await app.h.markRead({ kind: 'all', accountId: 'gone' })).toMatchObject({
      ok: false,
      error: { kind: 'unknown-account' },
    });
    value(await app.h.disconnect({ accountId }));
    expect(await app.h.markRead({ kind: 'all', accountId })).toMatchObject({
      ok: false,
      error: { kind: 'unauthenticated' },
    });
    expect(await app.h.refreshNow({ accountId: 'gone' })).toMatchObject({
      ok: false,
      error: { kind: 'unknown-account' },
    });
  });
});
