/**
 * One account's poll scheduler: the user's interval (slower while away or offline), jitter that
 * only makes polls earlier, one poll in flight, immediate polls on request, exponential backoff
 * after failures, the server's Retry-After honoured, a halt on "needs sign-in", a clean stop.
 */
import type { Clock, TimerHandle } from './clock';
import {
  DEFAULT_LIMITS,
  backoffMs,
  cadenceMs,
  clampInterval,
  jitterFactor,
  type IntervalLimits,
} from './backoff';

/** Why a poll is asked for. `user` (Refresh now) and `signed-in` also poll when halted or paused. */
export type PollTrigger =
  'start' | 'timer' | 'user' | 'signed-in' | 'resume' | 'unlock' | 'online' | 'unpause';

export type PollResult = { ok: true } | { ok: false; retryAfterMs?: number; halt?: boolean };

export interface SchedulerConditions {
  /** Idle or screen locked: poll more slowly. */
  away: boolean;
  /** The OS says the network is down: poll more slowly until it is back. */
  offline: boolean;
  /** Asleep: no polls at all. */
  suspended: boolean;
  /** The user paused polling: no polls at all. */
  paused: boolean;
}

export interface PollSchedulerOptions {
  clock: Clock;
  run: () => Promise<PollResult>;
  intervalMs: number;
  limits?: IntervalLimits;
  random?: () => number;
  /** Told whenever the planned time of the next poll changes (null: none planned). */
  onPlan?: (nextPollAt: number | null) => void;
  /** Told after each poll, once the next one is planned. */
  onSettled?: () => void;
}

interface Deferred {
  promise: Promise<void>;
  resolve: () => void;
}

function deferred(): Deferred {
  let resolve: () => void = () => undefined;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

export class PollScheduler {
  readonly #clock: Clock;
  readonly #run: () => Promise<PollResult>;
  readonly #limits: IntervalLimits;
  readonly #random: () => number;
  readonly #onPlan: (nextPollAt: number | null) => void;
  readonly #onSettled: () => void;
  #intervalMs: number;
  #conditions: SchedulerConditions = {
    away: false,
    offline: false,
    suspended: false,
    paused: false,
  };
  #running = false;
  #halted = false;
  #timer: TimerHandle | null = null;
  #nextPollAt: number | null = null;
  #inFlight: Promise<void> | null = null;
  #followUp: Deferred | null = null;
  #failures = 0;
  #notBefore = 0;
  #lastFinishedAt: number | null = null;
  #factor = 1;

  constructor(options: PollSchedulerOptions) {
    this.#clock = options.clock;
    this.#run = options.run;
    this.#limits = options.limits ?? DEFAULT_LIMITS;
    this.#random = options.random ?? Math.random;
    this.#onPlan = options.onPlan ?? (() => undefined);
    this.#onSettled = options.onSettled ?? (() => undefined);
    this.#intervalMs = clampInterval(options.intervalMs, this.#limits);
  }

  get intervalMs(): number {
    return this.#intervalMs;
  }
  get nextPollAt(): number | null {
    return this.#nextPollAt;
  }
  get failures(): number {
    return this.#failures;
  }
  get halted(): boolean {
    return this.#halted;
  }
  get polling(): boolean {
    return this.#inFlight !== null;
  }

  start(): void {
    if (this.#running) return;
    this.#running = true;
    void this.trigger('start');
  }

  /** Stops planning polls and waits for the one in flight, if any. */
  async stop(): Promise<void> {
    this.#running = false;
    this.#clearTimer();
    this.#setPlan(null);
    this.#followUp?.resolve();
    this.#followUp = null;
    if (this.#inFlight) await this.#inFlight;
  }

  setIntervalMs(ms: number): void {
    this.#intervalMs = clampInterval(ms, this.#limits);
    this.#reschedule();
  }

  setConditions(patch: Partial<SchedulerConditions>): void {
    this.#conditions = { ...this.#conditions, ...patch };
    this.#reschedule();
  }

  /** Polls as soon as allowed; resolves when that poll (or the one already running) is done. */
  trigger(reason: PollTrigger): Promise<void> {
    if (!this.#running) return Promise.resolve();
    const forced = reason === 'user' || reason === 'signed-in';
    if (reason === 'signed-in') this.#halted = false;
    if (this.#halted && !forced) return Promise.resolve();
    const { paused, suspended } = this.#conditions;
    if ((paused || suspended) && !forced) return Promise.resolve();
    if (this.#inFlight) {
      if (!forced) return this.#inFlight;
      // The poll in flight may have started before what the user wants to see: run once more.
      this.#followUp ??= deferred();
      return this.#followUp.promise;
    }
    if (this.#notBefore > this.#clock.now()) {
      // Never poll sooner than the server asked, not even on "Refresh now".
      this.#scheduleAt(this.#notBefore);
      return Promise.resolve();
    }
    return this.#runNow();
  }

  #runNow(): Promise<void> {
    this.#clearTimer();
    this.#setPlan(null);
    const poll = (async () => {
      let result: PollResult;
      try {
        result = await this.#run();
      } catch {
        result = { ok: false };
      }
      const now = this.#clock.now();
      this.#lastFinishedAt = now;
      this.#factor = jitterFactor(this.#random);
      if (result.ok) {
        this.#failures = 0;
        this.#notBefore = 0;
        this.#halted = false;
      } else {
        this.#failures += 1;
        if (result.retryAfterMs) this.#notBefore = now + result.retryAfterMs;
        if (result.halt) this.#halted = true;
      }
    })();
    const tracked = poll.finally(() => {
      this.#inFlight = null;
      const followUp = this.#followUp;
      this.#followUp = null;
      if (followUp && this.#running) {
        void this.trigger('user').then(followUp.resolve, followUp.resolve);
      } else {
        followUp?.resolve();
        this.#reschedule();
      }
      this.#onSettled();
    });
    this.#inFlight = tracked;
    return tracked;
  }

  #reschedule(): void {
    if (this.#inFlight) return; // planned when it finishes
    const { paused, suspended, away, offline } = this.#conditions;
    if (!this.#running || this.#halted || paused || suspended) {
      this.#clearTimer();
      this.#setPlan(null);
      return;
    }
    const now = this.#clock.now();
    let due = now;
    if (this.#lastFinishedAt !== null) {
      const cadence = cadenceMs(this.#intervalMs, away || offline, this.#limits);
      const wait = this.#failures > 0 ? backoffMs(this.#failures, cadence) : cadence;
      due = this.#lastFinishedAt + wait * this.#factor;
    }
    this.#scheduleAt(Math.max(due, this.#notBefore));
  }

  #scheduleAt(at: number): void {
    this.#clearTimer();
    const delay = Math.max(0, at - this.#clock.now());
    this.#timer = this.#clock.setTimeout(() => {
      this.#timer = null;
      void this.trigger('timer');
    }, delay);
    this.#setPlan(at);
  }

  #clearTimer(): void {
    if (this.#timer !== null) this.#clock.clearTimeout(this.#timer);
    this.#timer = null;
  }

  #setPlan(at: number | null): void {
    if (this.#nextPollAt === at) return;
    this.#nextPollAt = at;
    this.#onPlan(at);
  }
}
