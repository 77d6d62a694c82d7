/**
 * The accounts: several OpenProject instances (or users of one) side by side. Their settings
 * live in the SettingsStore, their secrets (API token, OAuth tokens, client secret) in the
 * SecretStore under keys derived from the account id.
 */
import { randomUUID } from 'node:crypto';
import { normalizeBaseUrl } from '../api/url';
import { secretKeys, type SecretStore } from '../secrets/secret-store';
import {
  AccountOptionsSchema,
  type Account,
  type AccountAuth,
  type AccountOptions,
  type AccountState,
  type GlobalOptions,
  type Settings,
} from '../settings/schema';
import type { SettingsStore } from '../settings/settings-store';

export class AccountNotFoundError extends Error {
  override readonly name = 'AccountNotFoundError';
  constructor(readonly accountId: string) {
    super('This account no longer exists: it may have been removed in another window.');
  }
}

export interface NewAccount {
  name: string;
  /** As typed by the user; normalised (https:// added, trailing slash and /api/v3 dropped). */
  baseUrl: string;
  auth: AccountAuth;
  options?: Partial<AccountOptions>;
}

export class Accounts {
  readonly settings: SettingsStore;
  readonly secrets: SecretStore;
  readonly #newId: () => string;

  constructor(settings: SettingsStore, secrets: SecretStore, newId: () => string = randomUUID) {
    this.settings = settings;
    this.secrets = secrets;
    this.#newId = newId;
  }

  list(): Account[] {
    return this.settings.get().accounts;
  }

  get(id: string): Account {
    const account = this.list().find((candidate) => candidate.id === id);
    if (!account) throw new AccountNotFoundError(id);
    return account;
  }

  add(input: NewAccount): Account {
    const account: Account = {
      id: this.#newId(),
      name: input.name.trim(),
      baseUrl: normalizeBaseUrl(input.baseUrl),
      auth: input.auth,
      state: 'ok',
      options: AccountOptionsSchema.parse(input.options ?? {}),
    };
    this.settings.update((settings) => ({
      ...settings,
      accounts: [...settings.accounts, account],
    }));
    return this.get(account.id);
  }

  update(id: string, change: (account: Account) => Account): Account {
    this.get(id);
    this.settings.update((settings) => ({
      ...settings,
      accounts: settings.accounts.map((account) => (account.id === id ? change(account) : account)),
    }));
    return this.get(id);
  }

  setState(id: string, state: AccountState): Account {
    if (this.get(id).state === state) return this.get(id);
    return this.update(id, (account) => ({ ...account, state }));
  }

  /** Removes the account and every secret stored for it (see AccountAuth.disconnect to revoke first). */
  async remove(id: string): Promise<void> {
    this.get(id);
    for (const key of secretKeys.forAccount(id)) await this.secrets.delete(key);
    this.settings.update((settings: Settings) => ({
      ...settings,
      accounts: settings.accounts.filter((account) => account.id !== id),
    }));
  }

  global(): GlobalOptions {
    return this.settings.get().global;
  }

  updateGlobal(change: (global: GlobalOptions) => GlobalOptions): GlobalOptions {
    return this.settings.update((settings) => ({ ...settings, global: change(settings.global) }))
      .global;
  }

  getApiToken(id: string): Promise<string | null> {
    return this.secrets.get(secretKeys.apiToken(id));
  }

  async setApiToken(id: string, token: string): Promise<void> {
    this.get(id);
    await this.secrets.set(secretKeys.apiToken(id), token.trim());
  }

  getClientSecret(id: string): Promise<string | null> {
    return this.secrets.get(secretKeys.clientSecret(id));
  }

  async setClientSecret(id: string, secret: string | null): Promise<void> {
    this.get(id);
    if (secret === null || secret.trim() === '')
      await this.secrets.delete(secretKeys.clientSecret(id));
    else await this.secrets.set(secretKeys.clientSecret(id), secret.trim());
  }
}
