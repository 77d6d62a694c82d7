/**
 * The service's events: the contract's `Events`, typed. Every payload is a deep copy, so no
 * listener can change the service's state (IPC and JSON copy anyway). `onAny` lets a host forward
 * every event to its windows without naming them.
 */
import type { EventName, Events, Unsubscribe } from '../../preload/contract';

export type AnyEventListener = <E extends EventName>(event: E, payload: Events[E]) => void;

export interface AppEvents {
  on<E extends EventName>(event: E, listener: (payload: Events[E]) => void): Unsubscribe;
  onAny(listener: AnyEventListener): Unsubscribe;
}

export class AppEventEmitter implements AppEvents {
  readonly #listeners = new Map<EventName, Set<(payload: never) => void>>();
  readonly #any = new Set<AnyEventListener>();
  readonly #onListenerError: (error: unknown) => void;

  constructor(onListenerError: (error: unknown) => void = () => undefined) {
    this.#onListenerError = onListenerError;
  }

  on<E extends EventName>(event: E, listener: (payload: Events[E]) => void): Unsubscribe {
    const set = this.#listeners.get(event) ?? new Set();
    set.add(listener);
    this.#listeners.set(event, set);
    return () => {
      set.delete(listener);
    };
  }

  onAny(listener: AnyEventListener): Unsubscribe {
    this.#any.add(listener);
    return () => {
      this.#any.delete(listener);
    };
  }

  emit<E extends EventName>(event: E, payload: Events[E]): void {
    for (const listener of [...(this.#listeners.get(event) ?? [])]) {
      this.#call(() => (listener as (payload: Events[E]) => void)(structuredClone(payload)));
    }
    for (const listener of [...this.#any]) {
      this.#call(() => listener(event, structuredClone(payload)));
    }
  }

  clear(): void {
    this.#listeners.clear();
    this.#any.clear();
  }

  #call(run: () => void): void {
    try {
      run();
    } catch (error) {
      this.#onListenerError(error);
    }
  }
}
