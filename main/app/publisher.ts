/**
 * Pushes the contract's events whenever what they show changed: each event is sent only when its
 * payload differs from the last one sent (the engine reports more often than the views change).
 */
import type { EventName, Events } from '../../preload/contract';
import type { AppContext } from './context';
import { secretStorageStatus } from './secret-storage';
import { notificationsSnapshot, settingsView, unreadCounts } from './views';

export class Publisher {
  readonly #ctx: AppContext;
  readonly #last = new Map<EventName, string>();

  constructor(ctx: AppContext) {
    this.#ctx = ctx;
  }

  accounts(): void {
    this.#send('accountsChanged', this.#ctx.views());
  }

  notifications(): void {
    const snapshot = this.snapshot();
    this.#send('notificationsChanged', snapshot);
    this.#send('unreadChanged', snapshot.unread);
  }

  unread(): void {
    const ids = this.#ctx.accounts.list().map((account) => account.id);
    this.#send('unreadChanged', unreadCounts(this.#ctx.hub.view(), ids));
  }

  settings(): void {
    this.#send('settingsChanged', this.settingsView());
  }

  secretStorage(): void {
    this.#send('secretStorageChanged', secretStorageStatus(this.#ctx));
  }

  all(): void {
    this.accounts();
    this.notifications();
    this.settings();
    this.secretStorage();
  }

  snapshot() {
    return notificationsSnapshot(this.#ctx.accounts.list(), this.#ctx.hub.view());
  }

  settingsView() {
    const ctx = this.#ctx;
    return settingsView(ctx.deps.settings.get(), ctx.deps.loginItem.supported, ctx.clock.now());
  }

  /** An event sent regardless of what was sent before (one-off outcomes). */
  event<E extends EventName>(name: E, payload: Events[E]): void {
    this.#ctx.events.emit(name, payload);
  }

  #send<E extends EventName>(name: E, payload: Events[E]): void {
    const key = JSON.stringify(payload);
    if (this.#last.get(name) === key) return;
    this.#last.set(name, key);
    this.#ctx.events.emit(name, payload);
  }
}
