/**
 * One account's sync: each poll asks for the cheap snapshot; only when it moved (or on the first
 * poll of a run, when the widget needs the list) it fetches the unread list, diffs it against the
 * persisted record of what was seen, saves the record, then reports the new notifications.
 */
import { groupByWorkPackage } from '../notifications/grouping';
import type { NotificationItem, WorkPackageGroup } from '../domain';
import type { IntervalLimits } from './backoff';
import {
  listMatchesSnapshot,
  newestFirst,
  reconcile,
  sameSnapshot,
  uniqueUnread,
} from './change-detector';
import type { Clock } from './clock';
import type { PollOutcome } from './events';
import {
  PollScheduler,
  type PollResult,
  type PollTrigger,
  type SchedulerConditions,
} from './scheduler';
import type { SeenRecord, SeenStore } from './seen-store';
import { toSyncFailure, type SyncSource, type UnreadSnapshot } from './source';
import {
  STATE_MESSAGES,
  messageFor,
  stateKindFor,
  type AccountState,
  type AccountStateKind,
} from './state';

/**
 * Optionally fetch the full list this often even when the snapshot did not move (a safety net
 * against a server clock that steps back). Off by default: it would make idle polls cost more
 * with more unread notifications, and the snapshot misses nothing while the clock moves forward.
 */
export const FULL_SYNC_EVERY_MS: number | null = null;
/**
 * When the same snapshot keeps disagreeing with its list this many times in a row, the server
 * itself is inconsistent (its total counts something its list leaves out): trust the snapshot
 * rather than fetch the list on every poll.
 */
const MISMATCH_TOLERANCE = 3;

export interface AccountSyncHooks {
  state(state: AccountState): void;
  unread(count: number): void;
  groups(groups: WorkPackageGroup[]): void;
  /** New or updated-in-place unread notifications, newest first (never on a baseline sync). */
  fresh(items: NotificationItem[]): void;
  poll(outcome: PollOutcome, requests: number): void;
  problem(message: string): void;
}

export interface AccountSyncOptions {
  id: string;
  source: SyncSource;
  store: SeenStore;
  clock: Clock;
  hooks: AccountSyncHooks;
  intervalMs: number;
  limits?: IntervalLimits;
  random?: () => number;
  fullSyncEveryMs?: number | null;
  /** Forget the record first: the first sync records everything without announcing it. */
  forgetSeen?: boolean;
}

function sameRecord(a: SeenRecord | null, b: SeenRecord): boolean {
  if (!a || a.seen.size !== b.seen.size || a.gone.size !== b.gone.size) return false;
  for (const [id, updatedAt] of b.seen) if (a.seen.get(id) !== updatedAt) return false;
  for (const [id, entry] of b.gone) {
    const other = a.gone.get(id);
    if (!other || other.since !== entry.since || other.updatedAt !== entry.updatedAt) return false;
  }
  return true;
}

export class AccountSync {
  readonly id: string;
  readonly #store: SeenStore;
  readonly #clock: Clock;
  readonly #hooks: AccountSyncHooks;
  readonly #scheduler: PollScheduler;
  readonly #fullSyncEveryMs: number;
  #source: SyncSource;
  #forgetSeen: boolean;
  #loaded = false;
  #record: SeenRecord | null = null;
  #snapshot: UnreadSnapshot | null = null;
  #lastFullAt = Number.NEGATIVE_INFINITY;
  #mismatches = 0;
  #mismatchedSnapshot: UnreadSnapshot | null = null;
  #count: number | null = null;
  #groups: WorkPackageGroup[] = [];
  #groupsKey = '';
  #stopped = false;
  #lastSuccessAt: number | null = null;
  #state: AccountState;
  #failureState: { kind: AccountStateKind; message: string; errorKind: AccountState['errorKind'] } =
    { kind: 'checking', message: STATE_MESSAGES.checking, errorKind: null };
  #emitted: AccountState;
  #paused = false;
  #offline = false;

  constructor(options: AccountSyncOptions) {
    this.id = options.id;
    this.#source = options.source;
    this.#store = options.store;
    this.#clock = options.clock;
    this.#hooks = options.hooks;
    this.#fullSyncEveryMs =
      (options.fullSyncEveryMs === undefined ? FULL_SYNC_EVERY_MS : options.fullSyncEveryMs) ??
      Number.POSITIVE_INFINITY;
    this.#forgetSeen = options.forgetSeen ?? false;
    this.#scheduler = new PollScheduler({
      clock: options.clock,
      intervalMs: options.intervalMs,
      ...(options.limits ? { limits: options.limits } : {}),
      ...(options.random ? { random: options.random } : {}),
      run: () => this.#poll(),
      onPlan: (at) => {
        this.#state = { ...this.#state, nextPollAt: at };
      },
      onSettled: () => this.#emitState(),
    });
    this.#state = this.#makeState('checking', STATE_MESSAGES.checking, null);
    this.#emitted = this.#state;
  }

  get state(): AccountState {
    return this.#state;
  }
  get count(): number | null {
    return this.#count;
  }
  get groups(): WorkPackageGroup[] {
    return this.#groups;
  }
  get intervalMs(): number {
    return this.#scheduler.intervalMs;
  }
  get links(): SyncSource['links'] {
    return this.#source.links;
  }

  start(): void {
    this.#stopped = false;
    this.#scheduler.start();
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    await this.#scheduler.stop();
  }

  /** "Refresh now": polls at once (after the poll in flight, and never before Retry-After). */
  refresh(): Promise<void> {
    return this.#scheduler.trigger('user');
  }

  /** Signed in again (possibly with a new client): clears "needs sign-in" and polls. */
  signedIn(source?: SyncSource): Promise<void> {
    if (source) this.#source = source;
    this.#setState('checking', STATE_MESSAGES.checking, null);
    return this.#scheduler.trigger('signed-in');
  }

  setSource(source: SyncSource): void {
    this.#source = source;
  }

  setIntervalMs(ms: number): void {
    this.#scheduler.setIntervalMs(ms);
  }

  setConditions(patch: Partial<SchedulerConditions>): void {
    this.#scheduler.setConditions(patch);
    if (patch.paused !== undefined && patch.paused !== this.#paused) {
      this.#paused = patch.paused;
      if (this.#paused) this.#setState('paused', STATE_MESSAGES.paused, null);
      else
        this.#setState(
          this.#failureState.kind,
          this.#failureState.message,
          this.#failureState.errorKind,
        );
    }
    if (patch.offline !== undefined && patch.offline !== this.#offline) {
      this.#offline = patch.offline;
      if (this.#offline && !this.#paused && ['ok', 'checking'].includes(this.#state.kind)) {
        this.#setState('offline', STATE_MESSAGES.offlineSignal, null);
      }
    }
  }

  /** Something happened that makes a poll worth doing now (resume, unlock, online, unpause). */
  wake(reason: Exclude<PollTrigger, 'timer' | 'user' | 'signed-in' | 'start'>): Promise<void> {
    return this.#scheduler.trigger(reason);
  }

  async #poll(): Promise<PollResult> {
    let requests = 0;
    try {
      await this.#loadRecord();
      requests += 1;
      const snapshot = await this.#source.unreadSnapshot();
      const now = this.#clock.now();
      if (
        this.#record !== null &&
        sameSnapshot(this.#snapshot, snapshot) &&
        now - this.#lastFullAt < this.#fullSyncEveryMs
      ) {
        return this.#succeeded('idle', requests);
      }
      requests += 1;
      const unread = uniqueUnread(await this.#source.unreadNotifications());
      if (this.#stopped) return { ok: true };
      const { fresh, next, baseline } = reconcile(this.#record, unread, this.#clock.now());
      const matches = listMatchesSnapshot(unread, snapshot);
      const sameAsLastMismatch = sameSnapshot(this.#mismatchedSnapshot, snapshot);
      this.#mismatches = matches ? 0 : sameAsLastMismatch ? this.#mismatches + 1 : 1;
      this.#mismatchedSnapshot = matches ? null : snapshot;
      this.#snapshot = matches || this.#mismatches >= MISMATCH_TOLERANCE ? snapshot : null;
      this.#lastFullAt = now;
      await this.#saveRecord(next);
      this.#publishList(unread);
      const result = this.#succeeded(baseline ? 'baseline' : 'changed', requests);
      if (fresh.length > 0 && !this.#stopped) this.#hooks.fresh(newestFirst(fresh));
      return result;
    } catch (error) {
      return this.#failed(error, requests);
    }
  }

  async #loadRecord(): Promise<void> {
    if (this.#loaded) return;
    if (this.#forgetSeen) {
      await this.#store.forget(this.id);
      this.#forgetSeen = false;
      this.#record = null;
    } else {
      this.#record = await this.#store.load(this.id);
    }
    this.#loaded = true;
  }

  /** Saved before anything is announced: a crash may then lose a toast, never repeat one. */
  async #saveRecord(next: SeenRecord): Promise<void> {
    const changed = !sameRecord(this.#record, next);
    this.#record = next;
    if (!changed) return;
    try {
      await this.#store.save(this.id, next);
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      this.#hooks.problem(
        `What was already shown could not be saved (${detail}). Notifications may be shown again after a restart; check free disk space.`,
      );
    }
  }

  #publishList(unread: NotificationItem[]): void {
    if (this.#stopped) return;
    if (unread.length !== this.#count) {
      this.#count = unread.length;
      this.#hooks.unread(unread.length);
    }
    const groups = groupByWorkPackage(unread, (id) => this.#source.links.workPackage(id));
    const key = JSON.stringify(groups);
    if (key !== this.#groupsKey) {
      this.#groupsKey = key;
      this.#groups = groups;
      this.#hooks.groups(groups);
    }
  }

  #succeeded(outcome: PollOutcome, requests: number): PollResult {
    this.#lastSuccessAt = this.#clock.now();
    this.#offline = false;
    this.#scheduler.setConditions({ offline: false });
    this.#failureState = { kind: 'ok', message: STATE_MESSAGES.ok, errorKind: null };
    if (!this.#paused) this.#setState('ok', STATE_MESSAGES.ok, null, 0, false);
    if (!this.#stopped) this.#hooks.poll(outcome, requests);
    return { ok: true };
  }

  #failed(error: unknown, requests: number): PollResult {
    const failure = toSyncFailure(error);
    const kind = stateKindFor(failure);
    const message = messageFor(kind, failure);
    this.#failureState = { kind, message, errorKind: failure.kind };
    if (!this.#paused) {
      this.#setState(kind, message, failure.kind, this.#scheduler.failures + 1, false);
    }
    if (!this.#stopped) this.#hooks.poll('failed', requests);
    const result: PollResult = { ok: false, halt: kind === 'needs-sign-in' };
    if (failure.retryAfterMs !== undefined) result.retryAfterMs = failure.retryAfterMs;
    return result;
  }

  #makeState(
    kind: AccountStateKind,
    message: string,
    errorKind: AccountState['errorKind'],
    failures = 0,
  ): AccountState {
    return {
      kind,
      message,
      errorKind,
      lastSuccessAt: this.#lastSuccessAt,
      nextPollAt: this.#scheduler.nextPollAt,
      failures,
    };
  }

  /** Updates the state; polls emit it once the next poll is planned, other callers at once. */
  #setState(
    kind: AccountStateKind,
    message: string,
    errorKind: AccountState['errorKind'],
    failures = this.#state.failures,
    emit = true,
  ): void {
    this.#state = this.#makeState(kind, message, errorKind, failures);
    if (emit) this.#emitState();
  }

  #emitState(): void {
    const before = this.#emitted;
    const now = this.#state;
    const changed =
      before.kind !== now.kind ||
      before.message !== now.message ||
      before.failures !== now.failures ||
      (now.kind !== 'ok' && before.nextPollAt !== now.nextPollAt);
    if (!changed || this.#stopped) return;
    this.#emitted = now;
    this.#hooks.state(now);
  }
}
