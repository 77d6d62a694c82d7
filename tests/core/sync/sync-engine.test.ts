import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createMemorySeenStore } from '../../../main/core/sync/seen-store';
import { createFileSeenStore } from '../../../main/core/sync/seen-store-file';
import { FakeClock } from './support/fake-clock';
import { harness } from './support/harness';
import { ModelServer } from './support/model-server';

describe('what a poll costs', () => {
  it('shows no backlog on the first sync: counts and the list, no toast', async () => {
    const clock = new FakeClock();
    const server = new ModelServer(clock);
    for (let i = 0; i < 5; i += 1) server.create();
    const t = await harness({ clock, server });
    expect(t.events.unread.at(-1)).toEqual({ accountId: 'a', count: 5, total: 5 });
    expect(t.events.groups.at(-1)?.groups).toHaveLength(5);
    expect(t.events.poll.map((p) => p.outcome)).toEqual(['baseline']);
    expect(t.notifier.toasts).toEqual([]);
    expect(t.events['new-notifications']).toEqual([]);
    expect(t.lastState()?.kind).toBe('ok');
  });

  it('costs one small request per idle poll, and fetches the list only on change', async () => {
    const t = await harness();
    for (let i = 0; i < 3; i += 1) t.server.create();
    await t.tick(); // the list, once
    const before = { ...t.server.calls };
    await t.tick(10 * 60_000);
    expect(t.server.calls.snapshot - before.snapshot).toBe(10);
    expect(t.server.calls.list - before.list).toBe(0);
    expect(t.events.poll.slice(-10).every((p) => p.outcome === 'idle' && p.requests === 1)).toBe(
      true,
    );
  });
});

describe('the optional periodic full sync', () => {
  it('is off by default, and fetches the list at the chosen pace when set', async () => {
    const quiet = await harness();
    await quiet.tick(24 * 60 * 60_000);
    expect(quiet.server.calls.list).toBe(1);
    const safe = await harness({ engine: { fullSyncEveryMs: 10 * 60_000 } });
    await safe.tick(60 * 60_000);
    expect(safe.server.calls.list).toBe(1 + 6);
    expect(safe.notifier.toasts).toEqual([]);
  });
});

describe('every kind of change is noticed within one poll, once', () => {
  it('a new notification: one toast with the work package, project, reason and actor', async () => {
    const t = await harness();
    t.server.create({ workPackageId: 123, subject: 'Fix login', reason: 'mentioned' });
    await t.tick();
    expect(t.notifier.toasts).toEqual([
      {
        id: expect.stringContaining('a:wp123:') as string,
        title: '#123 Fix login',
        body: 'Demo project · mentioned by Jane Doe',
        url: 'https://op.example.test/work_packages/123',
      },
    ]);
    await t.tick(5 * 60_000);
    expect(t.notifier.toasts).toHaveLength(1);
  });

  it('an update in place of an already-unread notification (same id, newer updatedAt)', async () => {
    const t = await harness();
    const item = t.server.create({ workPackageId: 7, subject: 'Ship v1' });
    await t.tick();
    t.server.updateInPlace(item.id, 'assigned');
    await t.tick();
    expect(t.notifier.toasts.map((toast) => [toast.title, toast.body])).toEqual([
      ['#7 Ship v1', 'Demo project · mentioned by Jane Doe'],
      ['#7 Ship v1', 'Demo project · assigned by Jane Doe'],
    ]);
    expect(t.events.unread.at(-1)?.count).toBe(1);
  });

  it('read and deleted elsewhere: counts and list drop at the next poll, no toast', async () => {
    const t = await harness();
    const [a, b, c] = [t.server.create(), t.server.create(), t.server.create()];
    await t.tick();
    const toasts = t.notifier.toasts.length;
    t.server.read(a.id);
    await t.tick();
    expect(t.events.unread.at(-1)?.count).toBe(2);
    t.server.remove(b.id);
    await t.tick();
    expect(t.events.unread.at(-1)?.count).toBe(1);
    expect(t.events.groups.at(-1)?.groups.map((g) => g.notificationIds)).toEqual([[c.id]]);
    expect(t.notifier.toasts).toHaveLength(toasts);
  });

  it('one read and one new in the same interval (the total does not move)', async () => {
    const t = await harness();
    const old = t.server.create({ workPackageId: 1 });
    await t.tick();
    t.server.read(old.id);
    t.server.create({ workPackageId: 2, subject: 'New one' });
    await t.tick();
    expect(t.events.unread.at(-1)?.count).toBe(1);
    expect(t.notifier.toasts.map((toast) => toast.title)).toEqual([
      '#1 Work package 1',
      '#2 New one',
    ]);
  });

  it('a read notification made unread again by an update in place', async () => {
    const t = await harness();
    const item = t.server.create({ workPackageId: 9, subject: 'Again' });
    await t.tick();
    t.server.read(item.id);
    await t.tick();
    t.server.updateInPlace(item.id, 'commented');
    await t.tick();
    expect(t.notifier.toasts.map((toast) => toast.body)).toEqual([
      'Demo project · mentioned by Jane Doe',
      'Demo project · commented by Jane Doe',
    ]);
  });

  it('a change between the snapshot and the list is announced once, and re-checked', async () => {
    const t = await harness();
    t.server.create();
    t.server.beforeList = () => {
      t.server.beforeList = null;
      t.server.create({ workPackageId: 55, subject: 'Raced' });
    };
    await t.tick();
    expect(t.notifier.toasts).toHaveLength(1);
    expect(t.notifier.toasts[0]?.title).toBe('2 work packages changed');
    const lists = t.server.calls.list;
    await t.tick();
    expect(t.server.calls.list).toBe(lists + 1); // the next poll re-reads the list once
    await t.tick(5 * 60_000);
    expect(t.server.calls.list).toBe(lists + 1);
    expect(t.notifier.toasts).toHaveLength(1);
  });
});

describe('lists that disagree with their snapshot', () => {
  it('a list missing an item (a page shifted) is read again at the next poll: nothing lost', async () => {
    const t = await harness();
    t.server.create({ workPackageId: 1 });
    t.server.create({ workPackageId: 2, subject: 'Skipped once' });
    t.server.skipInNextList = 0; // the newest one is missing from this list
    await t.tick();
    expect(t.notifier.toasts.map((toast) => toast.title)).toEqual(['#1 Work package 1']);
    await t.tick();
    expect(t.notifier.toasts.map((toast) => toast.title)).toEqual([
      '#1 Work package 1',
      '#2 Skipped once',
    ]);
    expect(t.events.unread.at(-1)?.count).toBe(2);
  });

  it('a server whose total never matches its list is trusted after three tries', async () => {
    const t = await harness();
    t.server.create();
    const inconsistent = t.server.unreadNotifications.bind(t.server);
    t.server.unreadNotifications = async () => (await inconsistent()).slice(1);
    await t.tick(5 * 60_000);
    const lists = t.server.calls.list;
    expect(lists).toBe(1 + 3); // the baseline, then three tries
    await t.tick(10 * 60_000);
    expect(t.server.calls.list).toBe(lists);
  });
});

describe('coalesced toasts', () => {
  it('one toast for several updates on one work package', async () => {
    const t = await harness();
    t.server.create({ workPackageId: 123, subject: 'Fix login', reason: 'mentioned' });
    t.server.create({ workPackageId: 123, subject: 'Fix login', reason: 'assigned', actor: 'Bob' });
    t.server.create({ workPackageId: 123, subject: 'Fix login', reason: 'mentioned' });
    await t.tick();
    expect(t.notifier.toasts).toHaveLength(1);
    expect(t.notifier.toasts[0]).toMatchObject({
      title: '3 updates on #123 Fix login',
      body: 'Demo project · mentioned, assigned by Jane Doe and Bob',
    });
  });

  it('one summary toast when several work packages changed in one poll', async () => {
    const t = await harness();
    t.server.create({ workPackageId: 40, subject: 'Ship v1' });
    for (const id of [1, 2, 3]) t.server.create({ workPackageId: id });
    t.server.create({ workPackageId: 12, subject: 'Fix login' });
    await t.tick();
    expect(t.notifier.toasts).toEqual([
      expect.objectContaining({
        title: '5 work packages changed',
        body: '#12 Fix login, #3 Work package 3 and 3 more',
        url: 'https://op.example.test/notifications',
      }),
    ]);
  });
});

describe('nothing shown twice, nothing lost', () => {
  it('survives a restart: the same store, no repeat; then only what is new', async () => {
    const clock = new FakeClock();
    const server = new ModelServer(clock);
    const store = createMemorySeenStore();
    const first = await harness({ clock, server, store });
    server.create();
    await first.tick();
    expect(first.notifier.toasts).toHaveLength(1);
    await first.engine.stop();
    expect(clock.pending).toBe(0);

    server.create({ workPackageId: 77, subject: 'While closed' });
    const second = await harness({ clock, server, store });
    expect(second.notifier.toasts.map((toast) => toast.title)).toEqual(['#77 While closed']);
    await second.tick(10 * 60_000);
    expect(second.notifier.toasts).toHaveLength(1);
  });

  it('survives a restart with the record in a JSON file on disk', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'op-tray-engine-'));
    try {
      const clock = new FakeClock();
      const server = new ModelServer(clock);
      server.create();
      const first = await harness({ clock, server, store: createFileSeenStore(folder) });
      await first.untilPolls(1);
      server.create({ workPackageId: 31, subject: 'Seen before the restart' });
      server.updateInPlace(1, 'assigned');
      await first.tick();
      await first.untilPolls(2);
      expect(first.notifier.toasts).toHaveLength(1);
      await first.engine.stop();

      server.create({ workPackageId: 32, subject: 'Arrived while closed' });
      const second = await harness({ clock, server, store: createFileSeenStore(folder) });
      await second.untilPolls(1);
      for (let poll = 2; poll <= 5; poll += 1) {
        await second.tick();
        await second.untilPolls(poll);
      }
      expect(second.notifier.toasts.map((toast) => toast.title)).toEqual([
        '#32 Arrived while closed',
      ]);
      expect(await readdir(folder)).toHaveLength(1);
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });

  it('a fresh sign-in forgets the old record: no backlog', async () => {
    const clock = new FakeClock();
    const server = new ModelServer(clock);
    const store = createMemorySeenStore();
    const first = await harness({ clock, server, store });
    await first.engine.stop();
    for (let i = 0; i < 4; i += 1) server.create();
    const second = await harness({ clock, server, store, account: { freshSignIn: true } });
    expect(second.notifier.toasts).toEqual([]);
    expect(second.events.unread.at(-1)?.count).toBe(4);
  });

  it('survives an outage: what arrived meanwhile is shown once, at the first poll back', async () => {
    const t = await harness();
    const { ApiError } = await import('../../../main/core/api/errors');
    t.server.fault = () => new ApiError('server', 'OpenProject answered with an error (503).');
    await t.tick();
    t.server.create({ workPackageId: 5, subject: 'During the outage' });
    await t.tick(10 * 60_000);
    expect(t.lastState()?.kind).toBe('server-error');
    expect(t.notifier.toasts).toEqual([]);
    t.server.fault = null;
    const failedPolls = t.events.poll.length;
    await t.clock.runNext();
    expect(t.events.poll.length).toBe(failedPolls + 1);
    expect(t.notifier.toasts.map((toast) => toast.title)).toEqual(['#5 During the outage']);
    expect(t.lastState()?.kind).toBe('ok');
    await t.tick(10 * 60_000);
    expect(t.notifier.toasts).toHaveLength(1);
  });

  it('reports a record it could not save, and keeps going', async () => {
    const store = createMemorySeenStore();
    const failing = { ...store, save: () => Promise.reject(new Error('ENOSPC: disk full')) };
    const t = await harness({ store: failing });
    t.server.create();
    await t.tick();
    expect(t.events.problem.at(-1)?.message).toMatch(/could not be saved \(ENOSPC: disk full\)/);
    expect(t.notifier.toasts).toHaveLength(1);
    await t.tick();
    expect(t.notifier.toasts).toHaveLength(1);
  });

  it('reports a toast the system refused, and keeps syncing', async () => {
    const t = await harness();
    t.notifier.failWith = new Error('The desktop notification could not be shown.');
    t.server.create();
    await t.tick();
    expect(t.events.problem.at(-1)?.message).toBe('The desktop notification could not be shown.');
    t.notifier.failWith = null;
    t.server.create({ workPackageId: 8 });
    await t.tick();
    expect(t.notifier.toasts).toHaveLength(1);
  });
});
