/**
 * 10,000 polls on a fake clock against the in-memory model server, with random server activity
 * (new, updated in place, read elsewhere, deleted, changes racing the list and reverted, lists
 * with an item missing as when a page shifts), random faults
 * (5xx, unreachable, timeout, 429 with Retry-After, malformed answers, expired sign-in), power
 * signals and app restarts. The model: every unread (id, updatedAt) the engine could observe at a
 * complete poll must be announced exactly once, unless it was there at the very first sync.
 */
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../main/core/api/errors';
import type { NotificationItem } from '../../../main/core/domain';
import { createManualPowerEvents } from '../../../main/core/sync/power';
import { createMemorySeenStore } from '../../../main/core/sync/seen-store';
import { createSyncEngine } from '../../../main/core/sync/sync-engine';
import { FakeClock, settle } from './support/fake-clock';
import { ModelServer } from './support/model-server';
import { createRecordingNotifier } from './support/recording-notifier';

const POLLS = 10_000;

/** A small seeded PRNG (mulberry32), so a failure can be replayed. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const key = (item: Pick<NotificationItem, 'id' | 'updatedAt'>) => `${item.id}@${item.updatedAt}`;

/** The model server, noting what the engine could see at each successful call. */
class ObservedServer extends ModelServer {
  atSnapshot: string[] = [];
  atList: string[] = [];

  override async unreadSnapshot() {
    const snapshot = await super.unreadSnapshot();
    this.atSnapshot = this.unread().map(key);
    return snapshot;
  }

  override async unreadNotifications() {
    const list = await super.unreadNotifications();
    this.atList = list.map(key);
    return list;
  }
}

function faultFor(random: () => number): Error | null {
  const r = random();
  if (r > 0.12) return null;
  const kinds = [
    () => new ApiError('server', 'OpenProject answered with a server error (500).'),
    () => new ApiError('server', 'OpenProject answered with a server error (502).'),
    () => new ApiError('server', 'OpenProject answered with a server error (503).'),
    () => new ApiError('unreachable', 'OpenProject could not be reached.'),
    () => new ApiError('timeout', 'OpenProject did not answer in time.'),
    () => new ApiError('unexpected', 'OpenProject sent malformed JSON.'),
    () =>
      new ApiError('rate-limited', 'Too many requests.', {
        retryAfterMs: Math.floor(random() * 5 * 60_000),
      }),
  ];
  if (r < 0.002) return new ApiError('unauthenticated', 'The token was not accepted.');
  return kinds[Math.floor(random() * kinds.length)]!();
}

describe('soak', () => {
  it(`${POLLS} polls with random faults and activity: zero duplicates, zero misses`, async () => {
    const random = seeded(20260601);
    const clock = new FakeClock();
    const server = new ObservedServer(clock);
    const store = createMemorySeenStore();
    const power = createManualPowerEvents();
    for (let i = 0; i < 20; i += 1) server.create({ workPackageId: 1 + (i % 7) });

    const baseline = new Set<string>();
    const mustShow = new Set<string>();
    const shown = new Map<string, number>();
    const staleCounts: string[] = [];
    let raced: number | null = null;
    let polls = 0;
    let restarts = 0;
    let toastCalls = 0;
    let freshEvents = 0;
    const outcomes: Record<string, number> = {};

    function startEngine() {
      const notifier = createRecordingNotifier();
      const engine = createSyncEngine({ seenStore: store, notifier, clock, power, random });
      engine.on('poll', ({ outcome }) => {
        polls += 1;
        outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
        if (outcome === 'baseline') server.atList.forEach((k) => baseline.add(k));
        if (outcome === 'changed') server.atList.forEach((k) => mustShow.add(k));
        if (outcome === 'idle') server.atSnapshot.forEach((k) => mustShow.add(k));
        const count = engine.snapshot().accounts[0]?.count;
        if (outcome === 'idle' && count !== server.atSnapshot.length) {
          staleCounts.push(`poll ${polls}: ${count} shown, ${server.atSnapshot.length} unread`);
        }
      });
      engine.on('new-notifications', ({ items }) => {
        freshEvents += 1;
        for (const item of items) shown.set(key(item), (shown.get(key(item)) ?? 0) + 1);
      });
      engine.on('toast', () => (toastCalls += 1));
      engine.addAccount({ id: 'acct', label: 'Soak', source: server });
      engine.start();
      return engine;
    }

    let engine = startEngine();
    await settle();
    while (polls < POLLS) {
      // Server activity between polls.
      const actions = Math.floor(random() * 3);
      for (let i = 0; i < actions; i += 1) {
        const r = random();
        const all = [...server.items.values()];
        const unread = server.unread();
        const pick = <T>(list: T[]) => list[Math.floor(random() * list.length)];
        if (r < 0.3) server.create({ workPackageId: 1 + Math.floor(random() * 40) });
        else if (r < 0.45 && all.length) server.updateInPlace(pick(all)!.id);
        else if (r < 0.8 && unread.length) server.read(pick(unread)!.id);
        else if (r < 0.95 && all.length) server.remove(pick(all)!.id);
      }
      if (raced !== null && random() < 0.5) server.remove(raced); // the racing change is undone
      raced = null;
      server.fault = (call) => (call === 'snapshot' || random() < 0.5 ? faultFor(random) : null);
      server.beforeList =
        random() < 0.05 ? () => void (raced = server.create({ workPackageId: 99 }).id) : null;
      server.skipInNextList = random() < 0.03 ? Math.floor(random() * 1000) : null;
      const signal = random();
      if (signal < 0.01) power.emit('resume');
      else if (signal < 0.02) power.emit('online');
      else if (signal < 0.03) power.emit(random() < 0.5 ? 'lock' : 'unlock');

      if (random() < 0.0015) {
        await engine.stop();
        restarts += 1;
        engine = startEngine();
        await settle();
      }
      await settle(); // polls started by a signal finish first
      const state = engine.snapshot().accounts[0]!.state;
      if (state.kind === 'needs-sign-in') await engine.signedIn('acct');
      else if (!(await clock.runNext()))
        throw new Error(
          `the engine stopped planning polls: ${JSON.stringify(state)} after ${polls} polls`,
        );
    }

    // A last clean poll: everything unread now was announced or was there at the first sync.
    server.fault = null;
    server.beforeList = null;
    await engine.refreshNow();
    await engine.stop();

    const duplicates = [...shown].filter(([, times]) => times > 1).map(([k]) => k);
    const expected = [...mustShow].filter((k) => !baseline.has(k));
    const missed = expected.filter((k) => !shown.has(k));
    const unexpected = [...shown.keys()].filter((k) => !mustShow.has(k) || baseline.has(k));
    const unreadNow = server.unread().map(key);
    const missedNow = unreadNow.filter((k) => !shown.has(k) && !baseline.has(k));

    expect(polls).toBeGreaterThanOrEqual(POLLS);
    expect(outcomes.failed).toBeGreaterThan(500);
    expect(outcomes.idle).toBeGreaterThan(1000);
    expect(restarts).toBeGreaterThan(5);
    expect(expected.length).toBeGreaterThan(1000);
    expect(staleCounts).toEqual([]);
    expect(duplicates).toEqual([]);
    expect(missed).toEqual([]);
    expect(unexpected).toEqual([]);
    expect(missedNow).toEqual([]);
    expect(toastCalls).toBe(freshEvents); // one toast per poll that found something, never a burst
  });
});
