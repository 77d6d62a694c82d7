/**
 * A sync engine on a fake clock against the in-memory model server, with every event recorded.
 */
import { createManualPowerEvents } from '../../../../main/core/sync/power';
import { createMemorySeenStore, type SeenStore } from '../../../../main/core/sync/seen-store';
import type { SyncEventMap } from '../../../../main/core/sync/events';
import {
  createSyncEngine,
  type AccountConfig,
  type SyncEngineOptions,
} from '../../../../main/core/sync/sync-engine';
import { FakeClock, settle } from './fake-clock';
import { ModelServer } from './model-server';
import { createRecordingNotifier } from './recording-notifier';

export type Recorded = { [K in keyof SyncEventMap]: SyncEventMap[K][] };

export function recordEvents(engine: ReturnType<typeof createSyncEngine>): Recorded {
  const recorded: Recorded = {
    unread: [],
    groups: [],
    state: [],
    'new-notifications': [],
    toast: [],
    poll: [],
    options: [],
    problem: [],
  };
  for (const key of Object.keys(recorded) as (keyof SyncEventMap)[]) {
    engine.on(key, (payload) => (recorded[key] as unknown[]).push(payload));
  }
  return recorded;
}

export interface HarnessOptions {
  clock?: FakeClock;
  store?: SeenStore;
  server?: ModelServer;
  account?: Partial<AccountConfig>;
  engine?: Partial<SyncEngineOptions>;
  start?: boolean;
}

export async function harness(options: HarnessOptions = {}) {
  const clock = options.clock ?? new FakeClock();
  const server = options.server ?? new ModelServer(clock);
  const store = options.store ?? createMemorySeenStore();
  const notifier = createRecordingNotifier();
  const power = createManualPowerEvents();
  const engine = createSyncEngine({
    seenStore: store,
    notifier,
    clock,
    power,
    random: () => 0,
    ...options.engine,
  });
  const events = recordEvents(engine);
  engine.addAccount({ id: 'a', label: 'Work', source: server, ...options.account });
  if (options.start !== false) {
    engine.start();
    await settle();
  }
  return {
    clock,
    server,
    store,
    notifier,
    power,
    engine,
    events,
    /** Waits (in real time: disk I/O) until `count` polls have finished. */
    async untilPolls(count: number): Promise<void> {
      const until = Date.now() + 5_000;
      while (events.poll.length < count) {
        if (Date.now() > until) throw new Error(`only ${events.poll.length} polls finished`);
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      await settle();
    },
    /** Lets one regular interval (60 s) pass. */
    tick: (ms = 60_000) => clock.advance(ms),
    lastState: () => events.state.at(-1)?.state,
    requests: () => server.calls.snapshot + server.calls.list,
  };
}
