/**
 * The sync engine and one API client per account: attaching an account (a new client from its
 * stored credentials), detaching it, and the engine's events turned into the contract's events.
 */
import * as path from 'node:path';
import { createClient, type OpenProjectClient } from '../core/api/client';
import {
  createFileSeenStore,
  createSyncEngine,
  noPowerEvents,
  type AccountView,
  type EngineView,
  type SeenStore,
  type SyncEngine,
  type SyncEventMap,
} from '../core/sync';
import type { AppContext } from './context';

export class SyncHub {
  readonly engine: SyncEngine;
  readonly #ctx: AppContext;
  readonly #clients = new Map<string, OpenProjectClient>();
  readonly #attached = new Set<string>();
  readonly #seen: SeenStore;

  constructor(ctx: AppContext) {
    this.#ctx = ctx;
    const { deps } = ctx;
    this.#seen = deps.seenStore ?? createFileSeenStore(path.join(deps.dataDir, 'seen'));
    const global = deps.settings.get().global;
    const snoozedUntil = global.snoozeUntil === null ? null : Date.parse(global.snoozeUntil);
    this.engine = createSyncEngine({
      seenStore: this.#seen,
      notifier: deps.notifier,
      clock: ctx.clock,
      power: deps.power ?? noPowerEvents,
      ...(deps.limits ? { limits: deps.limits } : {}),
      paused: global.paused,
      snoozedUntil: snoozedUntil !== null && snoozedUntil > ctx.clock.now() ? snoozedUntil : null,
    });
    this.engine.on('state', (event) => this.#onState(event));
    this.engine.on('unread', () => ctx.publish.unread());
    this.engine.on('groups', () => ctx.publish.notifications());
    this.engine.on('options', (event) => this.#onOptions(event));
    this.engine.on('problem', ({ message }) => ctx.log(message));
  }

  has(accountId: string): boolean {
    return this.#attached.has(accountId);
  }

  client(accountId: string): OpenProjectClient | undefined {
    return this.#clients.get(accountId);
  }

  view(): EngineView {
    return this.engine.snapshot();
  }

  syncView(accountId: string): AccountView | undefined {
    if (!this.#attached.has(accountId)) return undefined;
    return this.engine.snapshot().accounts.find((view) => view.id === accountId);
  }

  /** A client with the account's stored credentials (an API token, or its OAuth token manager). */
  async buildClient(accountId: string): Promise<OpenProjectClient> {
    const ctx = this.#ctx;
    const account = ctx.account(accountId);
    const ca = ctx.meta(account).ca;
    const credentials = await ctx.auth(accountId).clientOptions(accountId);
    return createClient({
      baseUrl: account.baseUrl,
      ...credentials,
      ...(ca ? { ca } : {}),
      ...(ctx.deps.requestTimeoutMs ? { timeoutMs: ctx.deps.requestTimeoutMs } : {}),
    });
  }

  /**
   * Syncs the account with a new client from its stored credentials. `fresh`: a new account,
   * whose backlog is recorded without toasts. An account already syncing is told it signed in
   * again; the returned promise resolves when that poll is done.
   */
  async attach(accountId: string, options: { fresh: boolean }): Promise<void> {
    const ctx = this.#ctx;
    const client = await this.buildClient(accountId);
    const account = ctx.account(accountId);
    this.#clients.set(accountId, client);
    if (this.#attached.has(accountId)) {
      this.engine.updateAccount(accountId, {
        label: ctx.displayName(account),
        toast: ctx.toastOptions(account),
        intervalMs: ctx.intervalMs(),
      });
      await this.engine.signedIn(accountId, client);
      return;
    }
    this.#attached.add(accountId);
    this.engine.addAccount({
      id: accountId,
      label: ctx.displayName(account),
      source: client,
      intervalMs: ctx.intervalMs(),
      toast: ctx.toastOptions(account),
      freshSignIn: options.fresh,
    });
  }

  /** Stops syncing an account; `forgetSeen` also deletes its record of what was shown. */
  async detach(accountId: string, options: { forgetSeen: boolean }): Promise<void> {
    this.#clients.delete(accountId);
    if (!this.#attached.delete(accountId)) {
      if (options.forgetSeen) await this.#seen.forget(accountId);
      return;
    }
    await this.engine.removeAccount(accountId, { forgetSeen: options.forgetSeen });
  }

  /** The account's label, toast rules or the poll interval changed. */
  refreshOptions(): void {
    const ctx = this.#ctx;
    for (const account of ctx.accounts.list()) {
      if (!this.#attached.has(account.id)) continue;
      this.engine.updateAccount(account.id, {
        label: ctx.displayName(account),
        toast: ctx.toastOptions(account),
        intervalMs: ctx.intervalMs(),
      });
    }
  }

  #onState({ accountId, state }: SyncEventMap['state']): void {
    const ctx = this.#ctx;
    const account = ctx.accounts.list().find((candidate) => candidate.id === accountId);
    if (!account) return;
    // The core's account state follows what the API said, so a restart starts from it.
    if (state.kind === 'needs-sign-in' && account.state === 'ok') {
      ctx.accounts.setState(accountId, 'needs-sign-in');
    } else if (
      state.kind === 'ok' &&
      account.state === 'needs-sign-in' &&
      account.auth.method === 'apiToken'
    ) {
      ctx.accounts.setState(accountId, 'ok');
    }
    ctx.publish.accounts();
    // The first successful sync gives the groups their `syncedAt`.
    ctx.publish.notifications();
  }

  #onOptions({ snoozedUntil }: SyncEventMap['options']): void {
    const ctx = this.#ctx;
    const global = ctx.deps.settings.get().global;
    if (snoozedUntil === null && global.snoozeUntil !== null) {
      // The snooze ended by itself.
      ctx.accounts.updateGlobal((current) => ({ ...current, snoozeUntil: null }));
    }
    ctx.publish.settings();
  }
}
