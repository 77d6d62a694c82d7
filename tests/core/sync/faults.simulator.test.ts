/**
 * The sync engine against the simulator's fault injection, over real HTTP: for each fault the
 * state the user sees, the backoff, recovery at the first poll after the server is back, and
 * every notification that arrived meanwhile announced exactly once.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { FaultSpec, Simulator } from '../../../tests/simulator/index';
import { startSimulator } from '../../../tests/simulator/index';
import type { AccountStateKind } from '../../../main/core/sync/state';
import type { SyncSource } from '../../../main/core/sync/source';
import { notifyOn, simulatorClient, syncAgainst } from './support/simulator-sync';
import { opensslAvailable, startTlsProxy } from './support/tls-proxy';

const SECOND = 1_000;
const NOTIFICATIONS = '/api/v3/notifications';

let sim: Simulator;

beforeAll(async () => {
  sim = await startSimulator({ unread: 6 });
});
afterAll(async () => {
  await sim.stop();
});
beforeEach(() => {
  sim.control.reset({ unread: 6 });
  sim.control.clearFaults();
});
afterEach(() => {
  sim.control.clearFaults();
});

interface Outage {
  /** Starts the outage (injects a fault or switches the account to a failing source). */
  begin(sync: Awaited<ReturnType<typeof syncAgainst>>): void | Promise<void>;
  end(sync: Awaited<ReturnType<typeof syncAgainst>>): void | Promise<void>;
  state: AccountStateKind;
  message: RegExp;
  /** Seconds between polls: baseline → 1st failure → 2nd → 3rd → recovery. */
  gaps?: number[];
  source?: SyncSource;
}

const BACKOFF = [60, 60, 120, 240];

async function outage(scenario: Outage): Promise<void> {
  const sync = await syncAgainst(scenario.source ?? simulatorClient(sim));
  expect(sync.state().kind).toBe('ok');
  await scenario.begin(sync);
  const arrived = notifyOn(sim, 1);
  const times = [sync.clock.now()];
  for (let i = 0; i < 3; i += 1) {
    expect((await sync.poll()).outcome).toBe('failed');
    times.push(sync.clock.now());
  }
  const state = sync.state();
  expect(state.kind).toBe(scenario.state);
  expect(state.message).toMatch(scenario.message);
  expect(state.failures).toBe(3);
  expect(sync.notifier.toasts).toEqual([]);

  await scenario.end(sync);
  const recovered = await sync.poll();
  times.push(sync.clock.now());
  expect(recovered.outcome).toBe('changed');
  expect(sync.state().kind).toBe('ok');
  const gaps = times.slice(1).map((at, i) => Math.round((at - times[i]!) / SECOND));
  expect(gaps).toEqual(scenario.gaps ?? BACKOFF);

  expect(sync.announced()).toEqual([arrived.id]);
  expect(sync.notifier.toasts).toEqual([
    expect.objectContaining({ title: `#${arrived.workPackageId} ${arrived.subject}` }),
  ]);
  for (let i = 0; i < 3; i += 1) {
    const poll = await sync.poll();
    expect([poll.outcome, poll.requests]).toEqual(['idle', 1]);
  }
  expect(sync.announced()).toEqual([arrived.id]);
  await sync.engine.stop();
}

function fault(spec: FaultSpec): Pick<Outage, 'begin' | 'end'> {
  return {
    begin: () => void sim.control.injectFault({ pathPrefix: NOTIFICATIONS, ...spec }),
    end: () => sim.control.clearFaults(),
  };
}

describe('server errors', () => {
  for (const status of [500, 502, 503] as const) {
    it(`${status}: "server-error", backoff, recovery at the first poll back`, () =>
      outage({
        ...fault({ kind: 'status', status }),
        state: 'server-error',
        message: new RegExp(`${status}[\\s\\S]*keeps trying by itself`),
      }));
  }

  it('a single 503 is absorbed by the client’s own retry: the state stays "ok"', async () => {
    const sync = await syncAgainst(simulatorClient(sim, { retries: 2 }));
    sim.control.injectFault({ pathPrefix: NOTIFICATIONS, kind: 'status', status: 503, times: 1 });
    const arrived = notifyOn(sim, 2);
    expect((await sync.poll()).outcome).toBe('changed');
    expect(sync.events.state.map((event) => event.state.kind)).not.toContain('server-error');
    expect(sync.announced()).toEqual([arrived.id]);
    await sync.engine.stop();
  });
});

describe('rate limiting', () => {
  it('429 with Retry-After: "rate-limited", and not one request before it allows', async () => {
    const sync = await syncAgainst(simulatorClient(sim));
    sim.control.injectFault({
      pathPrefix: NOTIFICATIONS,
      kind: 'rateLimit',
      retryAfterSeconds: 300,
    });
    const arrived = notifyOn(sim, 3);
    expect((await sync.poll()).outcome).toBe('failed');
    expect(sync.state().kind).toBe('rate-limited');
    expect(sync.state().message).toMatch(/waits as long as OpenProject asks/);
    const requests = sim.control.stats().requests;
    const failedAt = sync.clock.now();
    await sync.engine.refreshNow(); // even "Refresh now" waits
    await sync.clock.advance(300 * SECOND - 1);
    expect(sim.control.stats().requests).toBe(requests);
    sim.control.clearFaults();
    const back = await sync.poll();
    expect(sync.clock.now() - failedAt).toBe(300 * SECOND);
    expect(back.outcome).toBe('changed');
    expect(sync.state().kind).toBe('ok');
    expect(sync.announced()).toEqual([arrived.id]);
    await sync.engine.stop();
  });
});

describe('network trouble', () => {
  it('answers slower than the timeout: "offline"', () =>
    outage({
      ...fault({ kind: 'latency', ms: 1_200 }),
      source: simulatorClient(sim, { timeoutMs: 300 }),
      state: 'offline',
      message: /keeps trying by itself/,
    }));

  it('a dropped connection', () =>
    outage({
      ...fault({ kind: 'drop' }),
      state: 'offline',
      message: /keeps trying by itself/,
    }));

  it('a host name that does not resolve', () =>
    outage({
      begin: (sync) =>
        sync.engine.updateAccount('acct', {
          source: simulatorClient(sim, { baseUrl: 'http://openproject-tray-sync-test.invalid' }),
        }),
      end: (sync) => sync.engine.updateAccount('acct', { source: simulatorClient(sim) }),
      state: 'offline',
      message: /openproject-tray-sync-test\.invalid/,
    }));
});

describe('answers that are not what we asked for', () => {
  it('malformed JSON: "server-error"', () =>
    outage({ ...fault({ kind: 'malformedJson' }), state: 'server-error', message: /trying/ }));

  it('JSON of the wrong shape: "server-error"', () =>
    outage({ ...fault({ kind: 'wrongShape' }), state: 'server-error', message: /trying/ }));
});

describe.runIf(opensslAvailable())('TLS', () => {
  it('a certificate the system does not trust: "server-error" saying so; trusting it recovers', async () => {
    const proxy = await startTlsProxy(sim.url);
    try {
      const trusted = simulatorClient(sim, { baseUrl: proxy.url, ca: proxy.cert });
      const untrusted = simulatorClient(sim, { baseUrl: proxy.url });
      await outage({
        source: trusted,
        begin: (sync) => sync.engine.updateAccount('acct', { source: untrusted }),
        end: (sync) => sync.engine.updateAccount('acct', { source: trusted }),
        state: 'server-error',
        message: /certificate/i,
      });
    } finally {
      await proxy.close();
    }
  });
});
if (!opensslAvailable()) console.warn('Skipping the TLS sync test: openssl is not on PATH.');

describe('sign-in', () => {
  it('401 with a working refresh: the state stays "ok", nothing twice, nothing lost', async () => {
    let token = sim.control.createToken({ kind: 'opapi' });
    let refreshes = 0;
    const client = simulatorClient(sim, {
      auth: { kind: 'bearer', getToken: () => Promise.resolve(token) },
      onUnauthorized: () => {
        refreshes += 1;
        token = sim.control.createToken({ kind: 'opapi' });
        return Promise.resolve(true);
      },
    });
    const sync = await syncAgainst(client);
    expect(sim.control.revokeToken(token)).toBe(true);
    const arrived = notifyOn(sim, 4);
    expect((await sync.poll()).outcome).toBe('changed');
    expect(refreshes).toBe(1);
    expect(sync.events.state.map((event) => event.state.kind)).not.toContain('needs-sign-in');
    expect(sync.announced()).toEqual([arrived.id]);
    expect((await sync.poll()).outcome).toBe('idle');
    expect(sync.announced()).toEqual([arrived.id]);
    await sync.engine.stop();
  });

  it('401 with a failing refresh: "needs-sign-in", polling stops; signing in catches up once', async () => {
    const token = sim.control.createToken({ kind: 'opapi' });
    let refreshes = 0;
    const client = simulatorClient(sim, {
      auth: { kind: 'bearer', getToken: () => Promise.resolve(token) },
      onUnauthorized: () => {
        refreshes += 1;
        return Promise.resolve(false);
      },
    });
    const sync = await syncAgainst(client);
    sim.control.revokeToken(token);
    const arrived = notifyOn(sim, 5);
    expect((await sync.poll()).outcome).toBe('failed');
    expect(sync.state()).toMatchObject({ kind: 'needs-sign-in', nextPollAt: null });
    expect(sync.state().message).toMatch(/Sign in again/);
    const requests = sim.control.stats().requests;
    await sync.clock.advance(6 * 60 * 60 * SECOND);
    expect(sim.control.stats().requests).toBe(requests);
    expect(refreshes).toBe(1);

    await sync.engine.signedIn('acct', simulatorClient(sim));
    expect(sync.state().kind).toBe('ok');
    expect(sync.announced()).toEqual([arrived.id]);
    expect((await sync.poll()).outcome).toBe('idle');
    expect(sync.announced()).toEqual([arrived.id]);
    await sync.engine.stop();
  });
});
