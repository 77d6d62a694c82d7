/**
 * The SecretStore port: where tokens and client secrets live, never in the settings file.
 * Implementations: an encrypted file (tests, CLI; the Electron adapter encrypts the same file
 * with safeStorage), and memory (unit tests). Values are opaque strings; keys are not secret.
 */

/**
 * Where the secrets really end up. `basic_text` is Electron's safeStorage on a Linux desktop
 * without a keyring: encrypted with a hard-coded password, so the app must tell the user.
 */
export type SecretBackend = 'os-keychain' | 'basic_text' | 'file' | 'memory';

export interface SecretStore {
  readonly backend: SecretBackend;
  /** The stored value, or null when there is none. */
  get(key: string): Promise<string | null>;
  /** Stores the value; resolves once it is durably written. */
  set(key: string, value: string): Promise<void>;
  /** Removes the value; no error when there was none. */
  delete(key: string): Promise<void>;
}

/** The keys the core stores secrets under, one family per kind of secret. */
export const secretKeys = {
  apiToken: (accountId: string) => `account:${accountId}:api-token`,
  oauthTokens: (accountId: string) => `account:${accountId}:oauth-tokens`,
  clientSecret: (accountId: string) => `account:${accountId}:oauth-client-secret`,
  /** Every key that belongs to one account, for removal. */
  forAccount: (accountId: string) => [
    secretKeys.apiToken(accountId),
    secretKeys.oauthTokens(accountId),
    secretKeys.clientSecret(accountId),
  ],
};

/** A thrown error that says the secret store could not be read or written (never the secret). */
export class SecretStoreError extends Error {
  override readonly name = 'SecretStoreError';
}

/** Secrets in memory only: for unit tests and for a session that must not touch the disk. */
export class MemorySecretStore implements SecretStore {
  readonly backend = 'memory' as const;
  readonly #values = new Map<string, string>();

  get(key: string): Promise<string | null> {
    return Promise.resolve(this.#values.get(key) ?? null);
  }

  set(key: string, value: string): Promise<void> {
    this.#values.set(key, value);
    return Promise.resolve();
  }

  delete(key: string): Promise<void> {
    this.#values.delete(key);
    return Promise.resolve();
  }
}
