import { describe, expect, it } from 'vitest';
import {
  GONE_LIMIT,
  GONE_RETENTION_MS,
  listMatchesSnapshot,
  reconcile,
  sameSnapshot,
  uniqueUnread,
} from '../../../main/core/sync/change-detector';
import type { UnreadSnapshot } from '../../../main/core/sync/source';
import { FakeClock } from './support/fake-clock';
import { ModelServer } from './support/model-server';

function setup(count = 3) {
  const clock = new FakeClock();
  const server = new ModelServer(clock);
  for (let i = 0; i < count; i += 1) server.create();
  return { clock, server };
}

async function observe(server: ModelServer) {
  const snapshot = await server.unreadSnapshot();
  const list = await server.unreadNotifications();
  return { snapshot, list };
}

describe('the snapshot moves on every kind of change', () => {
  async function changed(change: (server: ModelServer) => void, count = 3): Promise<boolean> {
    const { server, clock } = setup(count);
    const before = await server.unreadSnapshot();
    await clock.advance(60_000);
    change(server);
    return !sameSnapshot(before, await server.unreadSnapshot());
  }

  it('stays the same when nothing happened', async () => {
    expect(await changed(() => undefined)).toBe(false);
  });

  it('moves on a new notification', async () => {
    expect(await changed((s) => s.create())).toBe(true);
  });

  it('moves on an update in place of an unread notification, even the newest one', async () => {
    expect(await changed((s) => s.updateInPlace(1, 'assigned'))).toBe(true);
    expect(await changed((s) => s.updateInPlace(3))).toBe(true);
  });

  it('moves when a read notification is made unread again', async () => {
    const { server } = setup(3);
    server.read(2);
    const before = await server.unreadSnapshot();
    server.updateInPlace(2);
    expect(sameSnapshot(before, await server.unreadSnapshot())).toBe(false);
  });

  it('moves when notifications are read or deleted elsewhere', async () => {
    expect(await changed((s) => s.read(1))).toBe(true);
    expect(await changed((s) => s.remove(2))).toBe(true);
    expect(await changed((s) => s.read(3))).toBe(true);
  });

  it('moves when one is read and one arrives in the same interval (total unchanged)', async () => {
    expect(
      await changed((s) => {
        s.read(1);
        s.create();
      }),
    ).toBe(true);
  });

  it('moves when one is deleted and another updated in place (total unchanged)', async () => {
    expect(
      await changed((s) => {
        s.remove(3);
        s.updateInPlace(1);
      }),
    ).toBe(true);
  });

  it('compares instants, not spellings', () => {
    const a: UnreadSnapshot = { total: 1, newest: { id: 1, updatedAt: '2026-06-01T09:00:00Z' } };
    const b: UnreadSnapshot = {
      total: 1,
      newest: { id: 1, updatedAt: '2026-06-01T09:00:00.000Z' },
    };
    expect(sameSnapshot(a, b)).toBe(true);
    expect(sameSnapshot(null, b)).toBe(false);
    expect(sameSnapshot({ total: 0, newest: null }, { total: 0, newest: null })).toBe(true);
  });
});

describe('reconcile: what is new', () => {
  it('records everything without announcing anything on the first sync', async () => {
    const { server } = setup(5);
    const { list } = await observe(server);
    const result = reconcile(null, list, 0);
    expect(result.baseline).toBe(true);
    expect(result.fresh).toEqual([]);
    expect([...result.next.seen.keys()].sort()).toEqual([1, 2, 3, 4, 5]);
  });

  it('announces a new notification and an update in place of an already-unread one', async () => {
    const { server } = setup(3);
    const first = reconcile(null, (await observe(server)).list, 0);
    server.create();
    server.updateInPlace(2, 'assigned');
    const second = reconcile(first.next, (await observe(server)).list, 1);
    expect(second.fresh.map((item) => item.id).sort()).toEqual([2, 4]);
    expect(second.fresh.find((item) => item.id === 2)?.reason).toBe('assigned');
    const third = reconcile(second.next, (await observe(server)).list, 2);
    expect(third.fresh).toEqual([]);
  });

  it('announces one new when one is read and one arrives in the same interval', async () => {
    const { server } = setup(3);
    const first = reconcile(null, (await observe(server)).list, 0);
    server.read(1);
    const added = server.create();
    const second = reconcile(first.next, (await observe(server)).list, 1);
    expect(second.fresh.map((item) => item.id)).toEqual([added.id]);
  });

  it('does not announce an id that briefly went missing from a list (a page shifted)', async () => {
    const { server } = setup(3);
    const first = reconcile(null, (await observe(server)).list, 0);
    const partial = (await observe(server)).list.filter((item) => item.id !== 2);
    const second = reconcile(first.next, partial, 1);
    expect(second.fresh).toEqual([]);
    expect(second.next.gone.has(2)).toBe(true);
    const third = reconcile(second.next, (await observe(server)).list, 2);
    expect(third.fresh).toEqual([]);
  });

  it('prunes read ids, yet announces an id raised again later with a newer updatedAt', async () => {
    const { server } = setup(3);
    let record = reconcile(null, (await observe(server)).list, 0).next;
    server.read(1);
    record = reconcile(record, (await observe(server)).list, 1_000).next;
    expect(record.seen.has(1)).toBe(false);
    // Long after the retention, the id is forgotten entirely…
    record = reconcile(record, (await observe(server)).list, 1_000 + GONE_RETENTION_MS + 1).next;
    expect(record.gone.has(1)).toBe(false);
    expect(record.seen.size + record.gone.size).toBe(2);
    // …and when the server raises it again (update in place), it is new.
    server.updateInPlace(1, 'commented');
    const again = reconcile(record, (await observe(server)).list, GONE_RETENTION_MS * 2);
    expect(again.fresh.map((item) => item.id)).toEqual([1]);
  });

  it('announces a read id raised again within the retention too (its updatedAt moved)', async () => {
    const { server } = setup(2);
    let record = reconcile(null, (await observe(server)).list, 0).next;
    server.read(1);
    record = reconcile(record, (await observe(server)).list, 1).next;
    server.updateInPlace(1);
    expect(reconcile(record, (await observe(server)).list, 2).fresh.map((i) => i.id)).toEqual([1]);
  });

  it('keeps the record bounded', () => {
    const record = { seen: new Map<number, string>(), gone: new Map() };
    for (let id = 1; id <= GONE_LIMIT + 500; id += 1) record.seen.set(id, '2026-01-01T00:00:00Z');
    const next = reconcile(record, [], 10).next;
    expect(next.seen.size).toBe(0);
    expect(next.gone.size).toBe(GONE_LIMIT);
  });
});

describe('list and snapshot consistency', () => {
  it('accepts a list that describes the snapshot', async () => {
    const { server } = setup(4);
    const { snapshot, list } = await observe(server);
    expect(listMatchesSnapshot(uniqueUnread(list), snapshot)).toBe(true);
  });

  it('notices a list read after something changed, or with a page missing', async () => {
    const { server } = setup(4);
    const snapshot = await server.unreadSnapshot();
    server.create();
    expect(listMatchesSnapshot(await server.unreadNotifications(), snapshot)).toBe(false);
    const { snapshot: now, list } = await observe(server);
    expect(listMatchesSnapshot(list.slice(1), now)).toBe(false);
    expect(listMatchesSnapshot([], { total: 0, newest: null })).toBe(true);
  });

  it('drops read items and duplicates from a list', async () => {
    const { server } = setup(3);
    const list = await server.unreadNotifications();
    const doubled = [...list, ...list, { ...list[0]!, id: 99, readIAN: true }];
    expect(
      uniqueUnread(doubled)
        .map((item) => item.id)
        .sort(),
    ).toEqual([1, 2, 3]);
  });
});
