/**
 * Writes and bad days against our OpenProject (tests/simulator): marking read (list with a
 * deleted one, one work package, all), paging a large backlog, injected faults, and what one
 * count or snapshot costs on the wire.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createClient, type OpenProjectClient } from '../../main/core/api/client';
import { ApiError } from '../../main/core/api/errors';
import { startSimulator, type Simulator, type SimulatorOptions } from '../simulator';

let sim: Simulator | undefined;
afterEach(async () => {
  await sim?.stop();
  sim = undefined;
});

async function start(
  options: SimulatorOptions = {},
): Promise<{ sim: Simulator; client: OpenProjectClient }> {
  sim = await startSimulator({ basePath: '/openproject', ...options });
  const client = createClient({
    baseUrl: sim.url,
    auth: { kind: 'apiKey', token: sim.tokens.bearer },
    retries: 2,
  });
  return { sim, client };
}

const unreadIds = (s: Simulator) => s.control.notifications({ unread: true }).map((n) => n.id);

describe('marking read', () => {
  it('marks exactly the given notifications read with one request', async () => {
    const { sim, client } = await start({ unread: 30 });
    const [a, b, ...rest] = unreadIds(sim);
    sim.control.resetStats();
    await client.markRead([a!, b!]);
    expect(unreadIds(sim).sort()).toEqual(rest.sort());
    expect(sim.control.stats().requests).toBe(1);
  });

  it('still marks the others when one was deleted meanwhile', async () => {
    const { sim, client } = await start({ unread: 30 });
    const [a, gone, c, ...rest] = unreadIds(sim);
    expect(sim.control.deleteNotification(gone!)).toBe(true);
    await client.markRead([a!, gone!, c!]);
    expect(unreadIds(sim).sort()).toEqual(rest.sort());
  });

  it('marks one work package read and leaves the others alone', async () => {
    const { sim, client } = await start({ unread: 60 });
    const all = sim.control.notifications({ unread: true });
    const wp = all[0]!.workPackageId;
    await client.markWorkPackageRead(wp);
    const left = sim.control.notifications({ unread: true });
    expect(left.some((n) => n.workPackageId === wp)).toBe(false);
    expect(left).toHaveLength(all.filter((n) => n.workPackageId !== wp).length);
    expect((await client.unreadGroups()).some((g) => g.workPackageId === wp)).toBe(false);
  });

  it('marks everything read', async () => {
    const { sim, client } = await start({ unread: 40 });
    await client.markAllRead();
    expect(sim.control.unreadCount()).toBe(0);
    await expect(client.unreadSnapshot()).resolves.toEqual({ total: 0, newest: null });
  });

  it('sees an aggregated notification (same id, updatedAt bumped) as the newest', async () => {
    const { sim, client } = await start({ unread: 5 });
    const oldest = sim.control
      .notifications({ unread: true })
      .sort((a, b) => a.updatedAt.localeCompare(b.updatedAt))[0]!;
    sim.control.advanceClock(60_000);
    const bumped = sim.control.updateNotification(oldest.id, { reason: 'commented' });
    await expect(client.unreadSnapshot()).resolves.toEqual({
      total: 5,
      newest: { id: oldest.id, updatedAt: bumped.updatedAt },
    });
    expect((await client.unreadGroups())[0]?.reasons[0]).toBe('commented');
  });
});

describe('a large backlog', () => {
  it('reads 2,500 unread notifications in three pages of 1,000', async () => {
    const { sim, client } = await start({ unread: 2500 });
    sim.control.resetStats();
    const items = await client.unreadNotifications();
    expect(items).toHaveLength(2500);
    expect(new Set(items.map((i) => i.id)).size).toBe(2500);
    expect(sim.control.stats().requests).toBe(3);
  });
});

describe('faults', () => {
  it('rides out a 503 from the proxy and a dropped connection on GET', async () => {
    const { sim, client } = await start({ unread: 10 });
    sim.control.injectFault({ kind: 'status', status: 503, retryAfterSeconds: 0, times: 1 });
    await expect(client.unreadCount()).resolves.toBe(10);
    sim.control.injectFault({ kind: 'drop', times: 1 });
    await expect(client.unreadCount()).resolves.toBe(10);
  });

  it('gives up on a long rate limit at once, saying how long to wait', async () => {
    const { sim, client } = await start({ unread: 10 });
    sim.control.injectFault({ kind: 'rateLimit', retryAfterSeconds: 120 });
    const error = await client.unreadCount().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ kind: 'rate-limited', status: 429, retryAfterMs: 120_000 });
  });

  it('a persistent 502 page is a server error, not "not OpenProject"', async () => {
    const { sim, client } = await start({ unread: 10 });
    sim.control.injectFault({ kind: 'status', status: 502, retryAfterSeconds: 0 });
    await expect(client.unreadCount()).rejects.toMatchObject({ kind: 'server', status: 502 });
  });

  it('malformed JSON and a wrong shape are unexpected answers', async () => {
    const { sim, client } = await start({ unread: 10 });
    sim.control.injectFault({ kind: 'malformedJson', times: 1 });
    await expect(client.unreadNotifications()).rejects.toMatchObject({ kind: 'unexpected' });
    sim.control.injectFault({ kind: 'wrongShape', times: 1 });
    const error = await client.unreadNotifications().catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'unexpected' });
    expect((error as ApiError).message).toMatch(/field "[^"]+"/);
  });

  it('a slow server times out', async () => {
    const { sim } = await start({ unread: 10 });
    sim.control.injectFault({ kind: 'latency', ms: 1500 });
    const slow = createClient({
      baseUrl: sim.url,
      auth: { kind: 'apiKey', token: sim.tokens.bearer },
      timeoutMs: 300,
      retries: 0,
    });
    await expect(slow.unreadCount()).rejects.toMatchObject({ kind: 'timeout' });
  });
});

describe('cost on the wire (gzip)', () => {
  async function measure(unread: number) {
    const { sim, client } = await start({ unread, basePath: '' });
    await client.unreadCount(); // warm up the connection
    sim.control.resetStats();
    const count = await client.unreadCount();
    const countStats = sim.control.stats();
    sim.control.resetStats();
    const snapshot = await client.unreadSnapshot();
    const snapshotStats = sim.control.stats();
    await sim.stop();
    return { count, countStats, snapshot, snapshotStats };
  }

  it('one request each, well under a kilobyte, whatever the backlog', async () => {
    const rows: string[] = [];
    for (const unread of [0, 500, 5000]) {
      const m = await measure(unread);
      expect(m.count).toBe(unread);
      expect(m.snapshot.total).toBe(unread);
      expect(m.countStats.requests).toBe(1);
      expect(m.snapshotStats.requests).toBe(1);
      expect(m.countStats.bytes).toBeLessThan(1024);
      expect(m.snapshotStats.bytes).toBeLessThan(1024);
      rows.push(
        `unread ${unread}: unreadCount ${m.countStats.requests} req / ${m.countStats.bytes} B, unreadSnapshot ${m.snapshotStats.requests} req / ${m.snapshotStats.bytes} B`,
      );
    }
    sim = undefined;
    console.log(`Wire cost (response bytes incl. headers, gzip):\n  ${rows.join('\n  ')}`);
  });
});
