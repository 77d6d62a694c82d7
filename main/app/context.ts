/**
 * The service's shared state: the core's accounts over the settings and secret stores, the app
 * state file, one AccountAuth per account (replaced when the account signs in afresh, so no stale
 * OAuth provider or token manager outlives its sign-in), the sync hub, the event publisher, and
 * the instances probed in this session.
 */
import { AccountAuth } from '../core/accounts/account-auth';
import { AccountNotFoundError, Accounts } from '../core/accounts/accounts';
import { createGotFetch, type FetchLike } from '../core/auth/got-fetch';
import type { InstanceInfo } from '../core/domain';
import { KNOWN_REASONS } from '../core/domain';
import type { AccountToastOptions } from '../core/notify/toast-policy';
import type { Account as CoreAccount } from '../core/settings/schema';
import { systemClock, type Clock } from '../core/sync';
import type { Account } from '../../preload/contract';
import { AppStateFile, type AccountMeta } from './app-state';
import { AppError } from './errors';
import { AppEventEmitter } from './events';
import type { AppServiceDeps } from './ports';
import { Publisher } from './publisher';
import { SyncHub } from './sync-hub';
import { accountView } from './views';

export class AppContext {
  readonly deps: AppServiceDeps;
  readonly clock: Clock;
  readonly accounts: Accounts;
  readonly appState: AppStateFile;
  readonly events: AppEventEmitter;
  /** Instances probed in this session, by base URL: their pages may be opened before sign-in. */
  readonly probed = new Map<string, InstanceInfo>();
  /** Why an account is signed out (revoked or not), until the app restarts. */
  readonly signedOutMessages = new Map<string, string>();
  readonly hub: SyncHub;
  readonly publish: Publisher;
  readonly #auths = new Map<string, AccountAuth>();
  readonly #fetches = new Map<string, FetchLike>();

  constructor(deps: AppServiceDeps) {
    this.deps = deps;
    this.clock = deps.clock ?? systemClock;
    this.accounts = new Accounts(deps.settings, deps.secrets);
    this.appState = new AppStateFile(deps.dataDir, () => new Date(this.clock.now()));
    this.#carryOverLegacyOptions();
    this.events = new AppEventEmitter((error) =>
      this.log(
        `An event listener failed: ${error instanceof Error ? error.message : String(error)}`,
      ),
    );
    this.publish = new Publisher(this);
    this.hub = new SyncHub(this);
  }

  log(message: string): void {
    this.deps.log?.(message);
  }

  /** The core account; `unknown-account` when it is gone. */
  account(accountId: string): CoreAccount {
    try {
      return this.accounts.get(accountId);
    } catch (error) {
      if (error instanceof AccountNotFoundError)
        throw new AppError('unknown-account', error.message);
      throw error;
    }
  }

  meta(account: CoreAccount): AccountMeta {
    return (
      this.appState.meta(account.id) ?? {
        instanceName: account.name,
        label: null,
        user: null,
        ca: null,
      }
    );
  }

  /** The name of an account in messages and toasts: its label, else the instance's name. */
  displayName(account: CoreAccount): string {
    const meta = this.meta(account);
    return meta.label ?? meta.instanceName;
  }

  view(accountId: string): Account {
    const account = this.account(accountId);
    return accountView(
      account,
      this.appState.meta(account.id),
      this.hub.syncView(account.id),
      this.signedOutMessages.get(account.id) ?? null,
    );
  }

  views(): Account[] {
    return this.accounts
      .list()
      .map((account) =>
        accountView(
          account,
          this.appState.meta(account.id),
          this.hub.syncView(account.id),
          this.signedOutMessages.get(account.id) ?? null,
        ),
      );
  }

  /** The sign-in machinery of one account. */
  auth(accountId: string): AccountAuth {
    return this.#auths.get(accountId) ?? this.renewAuth(accountId);
  }

  /** A fresh AccountAuth for an account that signed in again (or for the first time). */
  renewAuth(accountId: string): AccountAuth {
    const ca = this.appState.meta(accountId)?.ca ?? null;
    const auth: AccountAuth = new AccountAuth({
      accounts: this.accounts,
      fetch: this.fetchFor(ca),
      now: () => this.clock.now(),
      onStateChange: () => {
        if (this.#auths.get(accountId) === auth) this.publish.accounts();
      },
    });
    this.#auths.set(accountId, auth);
    return auth;
  }

  forgetAuth(accountId: string): void {
    this.#auths.delete(accountId);
  }

  /** The HTTP stack of sign-in requests, trusting `ca` on top of the system's CAs. */
  fetchFor(ca: string | null): FetchLike {
    const key = ca ?? '';
    let fetch = this.#fetches.get(key);
    if (!fetch) {
      const create = this.deps.createFetch ?? ((options) => createGotFetch(options));
      fetch = create(ca ? { ca } : {});
      this.#fetches.set(key, fetch);
    }
    return fetch;
  }

  /** Earlier builds kept the poll interval and reasons in app-state.json: into settings, once. */
  #carryOverLegacyOptions(): void {
    const { pollIntervalSeconds, notifyReasons, ...rest } = this.appState.get();
    if (pollIntervalSeconds === undefined && notifyReasons === undefined) return;
    this.deps.settings.update((settings) => ({
      ...settings,
      global: {
        ...settings.global,
        ...(pollIntervalSeconds !== undefined ? { pollIntervalSeconds } : {}),
        ...(notifyReasons !== undefined ? { toastReasons: notifyReasons } : {}),
      },
    }));
    this.appState.update(() => rest);
  }

  intervalMs(): number {
    return this.deps.settings.get().global.pollIntervalSeconds * 1000;
  }

  /** The toast rules of an account: its mute, and the reasons chosen in the settings. */
  toastOptions(account: CoreAccount): AccountToastOptions {
    const chosen = new Set(this.deps.settings.get().global.toastReasons);
    const reasons = Object.fromEntries(KNOWN_REASONS.map((reason) => [reason, chosen.has(reason)]));
    return { muted: account.options.muted, reasons };
  }
}
