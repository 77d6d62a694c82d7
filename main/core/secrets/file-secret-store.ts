/**
 * A SecretStore kept in one file of its own (`secrets.json` next to the settings): only
 * ciphertext, base64, one entry per key, written atomically with mode 0600. The cipher is
 * injected: AES-256-GCM with a KeyProvider in tests and the CLI, safeStorage in the app.
 */
import * as fsp from 'node:fs/promises';
import * as path from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from '../settings/atomic-file';
import type { SecretCipher } from './aes-gcm-cipher';
import { SecretStoreError, type SecretBackend, type SecretStore } from './secret-store';

export const SECRETS_FILE_NAME = 'secrets.json';

const SecretsFileSchema = z.object({
  format: z.literal('openproject-tray-secrets'),
  version: z.literal(1),
  entries: z.record(z.string(), z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/)),
});
type SecretsFile = z.infer<typeof SecretsFileSchema>;

export interface FileSecretStoreOptions {
  /** The secrets file, e.g. `<settings folder>/secrets.json`. */
  file: string;
  cipher: SecretCipher;
}

export class FileSecretStore implements SecretStore {
  readonly backend: SecretBackend;
  readonly file: string;
  readonly #cipher: SecretCipher;
  #entries: Map<string, string> | undefined;
  /** Every operation runs after the previous one: no write can lose another's entry. */
  #queue: Promise<unknown> = Promise.resolve();

  constructor(options: FileSecretStoreOptions) {
    this.file = options.file;
    this.#cipher = options.cipher;
    this.backend = options.cipher.backend;
  }

  /** The store in `folder`/secrets.json. */
  static inFolder(folder: string, cipher: SecretCipher): FileSecretStore {
    return new FileSecretStore({ file: path.join(folder, SECRETS_FILE_NAME), cipher });
  }

  get(key: string): Promise<string | null> {
    return this.#serialised(async () => {
      const encoded = (await this.#load()).get(key);
      if (encoded === undefined) return null;
      return this.#cipher.decrypt(Buffer.from(encoded, 'base64'), key);
    });
  }

  set(key: string, value: string): Promise<void> {
    return this.#serialised(async () => {
      const entries = new Map(await this.#load());
      const ciphertext = await this.#cipher.encrypt(value, key);
      entries.set(key, Buffer.from(ciphertext).toString('base64'));
      await this.#save(entries);
    });
  }

  delete(key: string): Promise<void> {
    return this.#serialised(async () => {
      const current = await this.#load();
      if (!current.has(key)) return;
      const entries = new Map(current);
      entries.delete(key);
      await this.#save(entries);
    });
  }

  #serialised<T>(operation: () => Promise<T>): Promise<T> {
    const run = this.#queue.then(operation, operation);
    this.#queue = run.catch(() => undefined);
    return run;
  }

  async #load(): Promise<Map<string, string>> {
    if (this.#entries) return this.#entries;
    let text: string;
    try {
      text = await fsp.readFile(this.file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
        this.#entries = new Map();
        return this.#entries;
      }
      throw new SecretStoreError(
        `The secrets file ${this.file} could not be read (${(error as NodeJS.ErrnoException).code ?? 'error'}).`,
      );
    }
    let parsed: SecretsFile;
    try {
      parsed = SecretsFileSchema.parse(JSON.parse(text));
    } catch {
      throw new SecretStoreError(
        `The secrets file ${this.file} is damaged. Move it away and sign in to your accounts again.`,
      );
    }
    this.#entries = new Map(Object.entries(parsed.entries));
    return this.#entries;
  }

  async #save(entries: Map<string, string>): Promise<void> {
    const file: SecretsFile = {
      format: 'openproject-tray-secrets',
      version: 1,
      entries: Object.fromEntries([...entries].sort(([a], [b]) => a.localeCompare(b))),
    };
    await writeFileAtomic(this.file, `${JSON.stringify(file, null, 2)}\n`, { mode: 0o600 });
    this.#entries = entries;
  }
}
