/**
 * The sync engine: one AccountSync per account, the power signals fanned out to them, pause and
 * snooze, and the toasts (policy → composer → Notifier). Everything the app shows comes out of
 * its typed events; `snapshot()` gives the current picture to late subscribers.
 */
import type { NotificationItem, WorkPackageGroup } from '../domain';
import type { Notifier } from '../notify/notifier';
import { composeToast } from '../notify/toast-composer';
import {
  DEFAULT_TOAST_OPTIONS,
  decideToasts,
  type AccountToastOptions,
  type GlobalToastOptions,
} from '../notify/toast-policy';
import { AccountSync } from './account-sync';
import { DEFAULT_INTERVAL_MS, DEFAULT_LIMITS, type IntervalLimits } from './backoff';
import { systemClock, type Clock, type TimerHandle } from './clock';
import { TypedEmitter, type SyncEventMap } from './events';
import { noPowerEvents, type PowerEvent, type PowerEvents } from './power';
import type { SeenStore } from './seen-store';
import type { SyncSource } from './source';
import type { AccountState } from './state';

export interface AccountConfig {
  id: string;
  /** Shown in toasts when there are several accounts. */
  label: string;
  source: SyncSource;
  /** 15 s to 30 min; default 60 s. */
  intervalMs?: number;
  toast?: AccountToastOptions;
  /** Signed in afresh (new account): forget what was seen, so the first sync toasts no backlog. */
  freshSignIn?: boolean;
}

export interface SyncEngineOptions {
  seenStore: SeenStore;
  /** null: no toasts (the CLI's `watch` prints the events instead). */
  notifier?: Notifier | null;
  clock?: Clock;
  power?: PowerEvents;
  random?: () => number;
  limits?: IntervalLimits;
  /** Also fetch the full list this often (off by default; see account-sync.ts). */
  fullSyncEveryMs?: number | null;
  paused?: boolean;
  snoozedUntil?: number | null;
}

export interface AccountView {
  id: string;
  label: string;
  state: AccountState;
  count: number | null;
  groups: WorkPackageGroup[];
  intervalMs: number;
  toast: AccountToastOptions;
}

export interface EngineView {
  accounts: AccountView[];
  total: number;
  paused: boolean;
  snoozedUntil: number | null;
}

interface Entry {
  sync: AccountSync;
  label: string;
  toast: AccountToastOptions;
}

/** setTimeout cannot wait longer than this. */
const MAX_TIMER_MS = 2 ** 31 - 1;

export class SyncEngine {
  readonly #emitter = new TypedEmitter<SyncEventMap>((error) =>
    this.#problem(
      null,
      `A listener failed: ${error instanceof Error ? error.message : String(error)}`,
    ),
  );
  readonly #accounts = new Map<string, Entry>();
  readonly #store: SeenStore;
  readonly #notifier: Notifier | null;
  readonly #clock: Clock;
  readonly #power: PowerEvents;
  readonly #random: (() => number) | undefined;
  readonly #limits: IntervalLimits;
  readonly #fullSyncEveryMs: number | null | undefined;
  #global: GlobalToastOptions;
  #presence = { idle: false, locked: false, suspended: false, offline: false };
  #unsubscribePower: (() => void) | null = null;
  #snoozeTimer: TimerHandle | null = null;
  #started = false;

  constructor(options: SyncEngineOptions) {
    this.#store = options.seenStore;
    this.#notifier = options.notifier ?? null;
    this.#clock = options.clock ?? systemClock;
    this.#power = options.power ?? noPowerEvents;
    this.#random = options.random;
    this.#limits = options.limits ?? DEFAULT_LIMITS;
    this.#fullSyncEveryMs = options.fullSyncEveryMs;
    this.#global = { paused: options.paused ?? false, snoozedUntil: options.snoozedUntil ?? null };
  }

  on<K extends keyof SyncEventMap>(event: K, listener: (payload: SyncEventMap[K]) => void) {
    return this.#emitter.on(event, listener);
  }

  start(): void {
    if (this.#started) return;
    this.#started = true;
    this.#unsubscribePower = this.#power.onChange((event) => this.#onPower(event));
    this.#planSnoozeEnd();
    for (const entry of this.#accounts.values()) entry.sync.start();
  }

  /** Stops every account (waits for polls in flight) and lets go of the power signals. */
  async stop(): Promise<void> {
    this.#started = false;
    this.#unsubscribePower?.();
    this.#unsubscribePower = null;
    this.#clearSnoozeTimer();
    await Promise.all([...this.#accounts.values()].map((entry) => entry.sync.stop()));
  }

  addAccount(config: AccountConfig): void {
    if (this.#accounts.has(config.id)) throw new Error(`Account ${config.id} is already syncing.`);
    const id = config.id;
    const sync = new AccountSync({
      id,
      source: config.source,
      store: this.#store,
      clock: this.#clock,
      intervalMs: config.intervalMs ?? DEFAULT_INTERVAL_MS,
      limits: this.#limits,
      forgetSeen: config.freshSignIn ?? false,
      ...(this.#random ? { random: this.#random } : {}),
      ...(this.#fullSyncEveryMs !== undefined ? { fullSyncEveryMs: this.#fullSyncEveryMs } : {}),
      hooks: {
        state: (state) => this.#emitter.emit('state', { accountId: id, state }),
        unread: (count) =>
          this.#emitter.emit('unread', { accountId: id, count, total: this.total }),
        groups: (groups) => this.#emitter.emit('groups', { accountId: id, groups }),
        fresh: (items) => this.#onFresh(id, items),
        poll: (outcome, requests) =>
          this.#emitter.emit('poll', { accountId: id, outcome, requests, at: this.#clock.now() }),
        problem: (message) => this.#problem(id, message),
      },
    });
    const { idle, locked, suspended, offline } = this.#presence;
    sync.setConditions({ away: idle || locked, suspended, offline, paused: this.#global.paused });
    this.#accounts.set(id, {
      sync,
      label: config.label,
      toast: config.toast ?? DEFAULT_TOAST_OPTIONS,
    });
    if (this.#started) sync.start();
  }

  updateAccount(
    id: string,
    patch: {
      label?: string;
      intervalMs?: number;
      toast?: AccountToastOptions;
      source?: SyncSource;
    },
  ): void {
    const entry = this.#entry(id);
    if (patch.label !== undefined) entry.label = patch.label;
    if (patch.toast !== undefined) entry.toast = patch.toast;
    if (patch.source !== undefined) entry.sync.setSource(patch.source);
    if (patch.intervalMs !== undefined) entry.sync.setIntervalMs(patch.intervalMs);
  }

  /** Stops syncing an account; `forgetSeen` also deletes its record (the account was removed). */
  async removeAccount(id: string, options: { forgetSeen?: boolean } = {}): Promise<void> {
    const entry = this.#accounts.get(id);
    if (!entry) return;
    this.#accounts.delete(id);
    await entry.sync.stop();
    if (options.forgetSeen) await this.#store.forget(id);
    this.#emitter.emit('unread', { accountId: id, count: 0, total: this.total });
  }

  /**
   * The account signed in again after "needs sign-in" (optionally with a new client). Its record
   * is kept: what arrived meanwhile is announced once, in one toast. A new account is added with
   * `freshSignIn` instead.
   */
  signedIn(id: string, source?: SyncSource): Promise<void> {
    return this.#entry(id).sync.signedIn(source);
  }

  /** "Refresh now", for one account or all. Resolves when those polls are done. */
  async refreshNow(id?: string): Promise<void> {
    const entries = id === undefined ? [...this.#accounts.values()] : [this.#entry(id)];
    await Promise.all(entries.map((entry) => entry.sync.refresh()));
  }

  /** Pause: no polling at all until resumed; resuming polls at once. */
  setPaused(paused: boolean): void {
    if (this.#global.paused === paused) return;
    this.#global = { ...this.#global, paused };
    for (const entry of this.#accounts.values()) {
      entry.sync.setConditions({ paused });
      if (!paused) void entry.sync.wake('unpause');
    }
    this.#emitOptions();
  }

  /** Snooze toasts until `until` (ms since the epoch), or end the snooze with null. */
  snooze(until: number | null): void {
    const value = until !== null && until > this.#clock.now() ? until : null;
    this.#global = { ...this.#global, snoozedUntil: value };
    this.#planSnoozeEnd();
    this.#emitOptions();
  }

  get total(): number {
    let total = 0;
    for (const entry of this.#accounts.values()) total += entry.sync.count ?? 0;
    return total;
  }

  snapshot(): EngineView {
    const accounts = [...this.#accounts.values()].map(({ sync, label, toast }) => ({
      id: sync.id,
      label,
      state: sync.state,
      count: sync.count,
      groups: sync.groups,
      intervalMs: sync.intervalMs,
      toast,
    }));
    return { accounts, total: this.total, ...this.#global };
  }

  #entry(id: string): Entry {
    const entry = this.#accounts.get(id);
    if (!entry) throw new Error(`No account ${id} is syncing.`);
    return entry;
  }

  #onPower(event: PowerEvent): void {
    const presence = this.#presence;
    let wake: 'resume' | 'unlock' | 'online' | null = null;
    switch (event) {
      case 'idle':
        presence.idle = true;
        break;
      case 'active':
        presence.idle = false;
        break;
      case 'lock':
        presence.locked = true;
        break;
      case 'unlock':
        presence.locked = false;
        presence.idle = false;
        wake = 'unlock';
        break;
      case 'suspend':
        presence.suspended = true;
        break;
      case 'resume':
        presence.suspended = false;
        wake = 'resume';
        break;
      case 'offline':
        presence.offline = true;
        break;
      case 'online':
        presence.offline = false;
        wake = 'online';
        break;
    }
    for (const entry of this.#accounts.values()) {
      entry.sync.setConditions({
        away: presence.idle || presence.locked,
        suspended: presence.suspended,
        offline: presence.offline,
      });
      if (wake) void entry.sync.wake(wake);
    }
  }

  #onFresh(accountId: string, items: NotificationItem[]): void {
    const entry = this.#accounts.get(accountId);
    if (!entry) return;
    const decision = decideToasts(items, entry.toast, this.#global, this.#clock.now());
    this.#emitter.emit('new-notifications', {
      accountId,
      items,
      suppressedBy: decision.suppressedBy,
    });
    if (!this.#notifier || decision.items.length === 0) return;
    const toast = composeToast({
      accountId,
      items: decision.items,
      links: entry.sync.links,
      accountLabel: this.#accounts.size > 1 ? entry.label : null,
    });
    if (!toast) return;
    this.#emitter.emit('toast', { accountId, toast });
    this.#notifier.notify(toast).catch((error: unknown) => {
      this.#problem(accountId, error instanceof Error ? error.message : String(error));
    });
  }

  #planSnoozeEnd(): void {
    this.#clearSnoozeTimer();
    const until = this.#global.snoozedUntil;
    if (until === null || !this.#started) return;
    const wait = Math.min(MAX_TIMER_MS, Math.max(0, until - this.#clock.now()));
    this.#snoozeTimer = this.#clock.setTimeout(() => {
      this.#snoozeTimer = null;
      if (this.#global.snoozedUntil === null) return;
      if (this.#clock.now() < this.#global.snoozedUntil) return this.#planSnoozeEnd();
      this.#global = { ...this.#global, snoozedUntil: null };
      this.#emitOptions();
    }, wait);
  }

  #clearSnoozeTimer(): void {
    if (this.#snoozeTimer !== null) this.#clock.clearTimeout(this.#snoozeTimer);
    this.#snoozeTimer = null;
  }

  #emitOptions(): void {
    this.#emitter.emit('options', { ...this.#global });
  }

  #reportingProblem = false;

  #problem(accountId: string | null, message: string): void {
    if (this.#reportingProblem) return; // a failing 'problem' listener must not loop
    this.#reportingProblem = true;
    try {
      this.#emitter.emit('problem', { accountId, message });
    } finally {
      this.#reportingProblem = false;
    }
  }
}

export function createSyncEngine(options: SyncEngineOptions): SyncEngine {
  return new SyncEngine(options);
}
