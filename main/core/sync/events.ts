/**
 * The events the sync engine emits, and a small typed emitter. A listener that throws never
 * breaks the engine or the other listeners: its error goes to the `listener-error` handler.
 */
import type { NotificationItem, WorkPackageGroup } from '../domain';
import type { Toast } from '../notify/notifier';
import type { ToastSuppression } from '../notify/toast-policy';
import type { AccountState } from './state';

export type PollOutcome = 'baseline' | 'idle' | 'changed' | 'failed';

export interface SyncEventMap {
  /** An account's unread count changed; `total` is the sum over all accounts. */
  unread: { accountId: string; count: number; total: number };
  /** An account's unread notifications, grouped by work package, newest first. */
  groups: { accountId: string; groups: WorkPackageGroup[] };
  /** An account's state changed (or its next poll time). */
  state: { accountId: string; state: AccountState };
  /** Notifications that arrived or were updated since the last poll, and whether they toasted. */
  'new-notifications': {
    accountId: string;
    items: NotificationItem[];
    /** null: toasted; otherwise why not. */
    suppressedBy: ToastSuppression | null;
  };
  /** A toast was handed to the Notifier. */
  toast: { accountId: string; toast: Toast };
  /** Every finished poll (for the CLI's `watch`, diagnostics and the benchmark). */
  poll: { accountId: string; outcome: PollOutcome; requests: number; at: number };
  /** Pause or snooze changed. */
  options: { paused: boolean; snoozedUntil: number | null };
  /** Something went wrong that does not stop syncing (a record not saved, a toast not shown). */
  problem: { accountId: string | null; message: string };
}

export type Listener<T> = (payload: T) => void;

export class TypedEmitter<Events extends object> {
  readonly #listeners = new Map<keyof Events, Set<Listener<never>>>();
  readonly #onListenerError: (error: unknown) => void;

  constructor(onListenerError: (error: unknown) => void = () => undefined) {
    this.#onListenerError = onListenerError;
  }

  /** Subscribes; returns the function that unsubscribes. */
  on<K extends keyof Events>(event: K, listener: Listener<Events[K]>): () => void {
    let set = this.#listeners.get(event);
    if (!set) {
      set = new Set();
      this.#listeners.set(event, set);
    }
    set.add(listener);
    return () => set.delete(listener);
  }

  emit<K extends keyof Events>(event: K, payload: Events[K]): void {
    const set = this.#listeners.get(event);
    if (!set) return;
    for (const listener of [...set]) {
      try {
        (listener as Listener<Events[K]>)(payload);
      } catch (error) {
        this.#onListenerError(error);
      }
    }
  }

  removeAll(): void {
    this.#listeners.clear();
  }
}
