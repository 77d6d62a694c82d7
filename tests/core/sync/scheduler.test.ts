import { describe, expect, it } from 'vitest';
import {
  backoffMs,
  cadenceMs,
  clampInterval,
  DEFAULT_LIMITS,
} from '../../../main/core/sync/backoff';
import { PollScheduler, type PollResult } from '../../../main/core/sync/scheduler';
import { FakeClock, settle } from './support/fake-clock';

const SECOND = 1_000;
const MINUTE = 60 * SECOND;

function setup(options: { intervalMs?: number; random?: () => number } = {}) {
  const clock = new FakeClock();
  const start = clock.now();
  const runs: number[] = [];
  let next: () => Promise<PollResult> = () => Promise.resolve({ ok: true });
  const scheduler = new PollScheduler({
    clock,
    intervalMs: options.intervalMs ?? MINUTE,
    random: options.random ?? (() => 0),
    run: () => {
      runs.push(clock.now() - start);
      return next();
    },
  });
  return {
    clock,
    scheduler,
    runs,
    /** Seconds since the start at which polls ran. */
    seconds: () => runs.map((ms) => Math.round(ms / SECOND)),
    answer(fn: () => Promise<PollResult>) {
      next = fn;
    },
  };
}

describe('poll cadence', () => {
  it('polls at once, then every interval', async () => {
    const t = setup();
    t.scheduler.start();
    await t.clock.advance(3 * MINUTE + 1);
    expect(t.seconds()).toEqual([0, 60, 120, 180]);
  });

  it('keeps the interval within 15 s and 30 min (default 60 s)', () => {
    expect(clampInterval(1_000)).toBe(15 * SECOND);
    expect(clampInterval(2 * 60 * MINUTE)).toBe(30 * MINUTE);
    expect(clampInterval(Number.NaN)).toBe(MINUTE);
    const t = setup({ intervalMs: 5 * SECOND });
    expect(t.scheduler.intervalMs).toBe(15 * SECOND);
  });

  it('applies jitter that only ever makes a poll earlier (by up to 10%)', async () => {
    const t = setup({ random: () => 1 });
    t.scheduler.start();
    await t.clock.advance(2 * MINUTE);
    expect(t.seconds()).toEqual([0, 54, 108]);
  });

  it('polls five times more slowly while away, and catches up at once when back', async () => {
    const t = setup();
    t.scheduler.start();
    await t.clock.advance(1);
    t.scheduler.setConditions({ away: true });
    await t.clock.advance(10 * MINUTE);
    expect(t.seconds()).toEqual([0, 300, 600]);
    await t.clock.advance(2 * MINUTE); // at 12:00, the last poll was at 10:00
    t.scheduler.setConditions({ away: false });
    await t.clock.advance(1);
    expect(t.seconds()).toEqual([0, 300, 600, 720]);
    expect(cadenceMs(20 * MINUTE, true, DEFAULT_LIMITS)).toBe(30 * MINUTE);
  });

  it('does not poll while suspended or paused, and polls at once on resume', async () => {
    const t = setup();
    t.scheduler.start();
    await t.clock.advance(1);
    t.scheduler.setConditions({ suspended: true });
    await t.clock.advance(30 * MINUTE);
    expect(t.seconds()).toEqual([0]);
    expect(t.scheduler.nextPollAt).toBeNull();
    t.scheduler.setConditions({ suspended: false });
    await t.scheduler.trigger('resume');
    expect(t.seconds()).toEqual([0, 1800]);
    t.scheduler.setConditions({ paused: true });
    await t.scheduler.trigger('online');
    await t.clock.advance(10 * MINUTE);
    expect(t.runs).toHaveLength(2);
  });
});

describe('one poll in flight', () => {
  it('never starts a second poll while one runs; "Refresh now" queues exactly one more', async () => {
    const t = setup();
    let release: () => void = () => undefined;
    t.answer(() => new Promise<PollResult>((resolve) => (release = () => resolve({ ok: true }))));
    t.scheduler.start();
    await settle();
    void t.scheduler.trigger('resume');
    void t.scheduler.trigger('unlock');
    const refreshed = t.scheduler.trigger('user');
    const refreshedAgain = t.scheduler.trigger('user');
    await t.clock.advance(5 * MINUTE); // the timer does not fire while the poll runs
    expect(t.runs).toHaveLength(1);
    t.answer(() => Promise.resolve({ ok: true }));
    release();
    await refreshed;
    await refreshedAgain;
    expect(t.runs).toHaveLength(2);
  });
});

describe('failures', () => {
  it('backs off exponentially up to a cap, and returns to the interval after a success', async () => {
    const t = setup();
    t.answer(() => Promise.resolve({ ok: false }));
    t.scheduler.start();
    await t.clock.advance(50 * MINUTE);
    const gaps = t.runs.slice(1).map((at, i) => (at - t.runs[i]!) / SECOND);
    expect(gaps.slice(0, 7)).toEqual([60, 120, 240, 480, 600, 600, 600]);
    t.answer(() => Promise.resolve({ ok: true }));
    await t.clock.runNext();
    const recovered = t.runs.length;
    await t.clock.advance(2 * MINUTE + 1);
    expect(t.runs.length).toBe(recovered + 2);
    expect(t.scheduler.failures).toBe(0);
    expect(backoffMs(3, 30 * MINUTE)).toBe(30 * MINUTE);
  });

  it('never polls sooner than Retry-After, not even on "Refresh now"', async () => {
    const t = setup();
    t.answer(() => Promise.resolve({ ok: false, retryAfterMs: 7 * MINUTE }));
    t.scheduler.start();
    await settle();
    t.answer(() => Promise.resolve({ ok: true }));
    await t.scheduler.trigger('user');
    await t.scheduler.trigger('online');
    await t.clock.advance(7 * MINUTE - 1);
    expect(t.seconds()).toEqual([0]);
    await t.clock.advance(1);
    expect(t.seconds()).toEqual([0, 420]);
  });

  it('halts on "needs sign-in": no more polls until signed in; "Refresh now" tries once', async () => {
    const t = setup();
    t.answer(() => Promise.resolve({ ok: false, halt: true }));
    t.scheduler.start();
    await t.clock.advance(60 * MINUTE);
    await t.scheduler.trigger('online');
    await t.scheduler.trigger('resume');
    expect(t.runs).toHaveLength(1);
    expect(t.scheduler.halted).toBe(true);
    await t.scheduler.trigger('user');
    expect(t.runs).toHaveLength(2);
    await t.clock.advance(60 * MINUTE);
    expect(t.runs).toHaveLength(2);
    t.answer(() => Promise.resolve({ ok: true }));
    await t.scheduler.trigger('signed-in');
    await t.clock.advance(MINUTE);
    expect(t.runs).toHaveLength(4);
  });
});

describe('stop', () => {
  it('leaves no timer behind and waits for the poll in flight', async () => {
    const t = setup();
    let release: () => void = () => undefined;
    let finished = false;
    t.scheduler.start();
    await t.clock.advance(MINUTE);
    t.answer(
      () =>
        new Promise<PollResult>((resolve) => {
          release = () => {
            finished = true;
            resolve({ ok: true });
          };
        }),
    );
    await t.clock.advance(MINUTE);
    const stopped = t.scheduler.stop();
    let stoppedYet = false;
    void stopped.then(() => (stoppedYet = true));
    await settle();
    expect(stoppedYet).toBe(false);
    release();
    await stopped;
    expect(finished).toBe(true);
    expect(t.clock.pending).toBe(0);
    await t.clock.advance(60 * MINUTE);
    await t.scheduler.trigger('user');
    expect(t.runs).toHaveLength(3);
  });
});
