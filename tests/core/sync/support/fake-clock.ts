/**
 * A Clock whose time only moves when a test says so. `advance` runs every timer that falls due,
 * in order, letting the polls they start finish (promise chains, in-memory I/O) in between.
 */
import type { Clock, TimerHandle } from '../../../../main/core/sync/clock';

interface Timer {
  at: number;
  seq: number;
  callback: () => void;
}

/** Lets pending promise chains and immediate callbacks run. */
export async function settle(rounds = 3): Promise<void> {
  for (let i = 0; i < rounds; i += 1) await new Promise<void>((resolve) => setImmediate(resolve));
}

export class FakeClock implements Clock {
  #now: number;
  #seq = 0;
  readonly #timers = new Map<number, Timer>();

  constructor(start = Date.parse('2026-06-01T09:00:00.000Z')) {
    this.#now = start;
  }

  now(): number {
    return this.#now;
  }

  setTimeout(callback: () => void, ms: number): TimerHandle {
    this.#seq += 1;
    this.#timers.set(this.#seq, { at: this.#now + Math.max(0, ms), seq: this.#seq, callback });
    return this.#seq;
  }

  clearTimeout(handle: TimerHandle): void {
    this.#timers.delete(handle as number);
  }

  /** How many timers are waiting. */
  get pending(): number {
    return this.#timers.size;
  }

  /** When the next timer falls due, or null. */
  nextAt(): number | null {
    let next: number | null = null;
    for (const timer of this.#timers.values())
      if (next === null || timer.at < next) next = timer.at;
    return next;
  }

  /** Moves time forward by `ms`, running the timers that fall due on the way. */
  async advance(ms: number): Promise<void> {
    await this.advanceTo(this.#now + ms);
  }

  async advanceTo(target: number): Promise<void> {
    await settle();
    for (;;) {
      const due = [...this.#timers.values()]
        .filter((timer) => timer.at <= target)
        .sort((a, b) => a.at - b.at || a.seq - b.seq)[0];
      if (!due) break;
      this.#timers.delete(due.seq);
      this.#now = Math.max(this.#now, due.at);
      due.callback();
      await settle();
    }
    this.#now = Math.max(this.#now, target);
  }

  /** Runs the next timer (moving time to it); false when there is none. */
  async runNext(): Promise<boolean> {
    await settle(); // a poll in flight plans its successor when it ends
    const at = this.nextAt();
    if (at === null) return false;
    await this.advanceTo(at);
    return true;
  }
}
