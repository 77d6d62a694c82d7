/**
 * The sync engine against the real simulator over HTTP: the schedule runs on a fake clock (a
 * minute passes at once), the requests are real. Each step waits for the poll it started.
 */
import { createClient, type ClientOptions } from '../../../../main/core/api/client';
import { createMemorySeenStore } from '../../../../main/core/sync/seen-store';
import type { SyncSource } from '../../../../main/core/sync/source';
import { createSyncEngine, type SyncEngine } from '../../../../main/core/sync/sync-engine';
import type { Simulator } from '../../../simulator/index';
import { FakeClock } from './fake-clock';
import { recordEvents } from './harness';
import { createRecordingNotifier } from './recording-notifier';

export function simulatorClient(sim: Simulator, options: Partial<ClientOptions> = {}) {
  return createClient({
    baseUrl: sim.url,
    auth: { kind: 'apiKey', token: sim.tokens.apiKey },
    timeoutMs: 2_000,
    retries: 0,
    ...options,
  });
}

/** A new notification for the demo user on a work package nobody touched in this test yet. */
export function notifyOn(sim: Simulator, index: number) {
  const workPackages = sim.control.workPackages().filter((wp) => !wp.isClosed);
  const workPackage = workPackages[index % workPackages.length]!;
  const change = sim.control.createNotification({
    workPackageId: workPackage.id,
    reason: 'mentioned',
  });
  return { ...change.notification, subject: workPackage.subject };
}

export async function syncAgainst(source: SyncSource) {
  const clock = new FakeClock(Date.now());
  const notifier = createRecordingNotifier();
  const store = createMemorySeenStore();
  const engine: SyncEngine = createSyncEngine({
    seenStore: store,
    notifier,
    clock,
    random: () => 0,
  });
  const events = recordEvents(engine);

  function nextPoll() {
    return new Promise<(typeof events.poll)[number]>((resolve) => {
      const off = engine.on('poll', (poll) => {
        off();
        resolve(poll);
      });
    });
  }

  const first = nextPoll();
  engine.addAccount({ id: 'acct', label: 'Simulator', source });
  engine.start();
  await first;

  return {
    clock,
    engine,
    events,
    notifier,
    state: () => engine.snapshot().accounts[0]!.state,
    /** Moves the fake clock to the next planned poll and waits for it to finish. */
    async poll() {
      const done = nextPoll();
      if (!(await clock.runNext())) throw new Error('no poll is planned');
      return done;
    },
    /** Announced notification ids, in order. */
    announced: () => events['new-notifications'].flatMap((event) => event.items.map((i) => i.id)),
  };
}
