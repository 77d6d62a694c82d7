/**
 * The cipher of the file-backed secret store outside Electron: AES-256-GCM with a random IV per
 * value and the secret's key name as additional authenticated data, so a ciphertext cannot be
 * moved to another entry. The key comes from an injected KeyProvider. (In the app, the Electron
 * adapter supplies a cipher over safeStorage.encryptStringAsync instead.)
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import * as fsp from 'node:fs/promises';
import * as path from 'node:path';
import type { SecretBackend } from './secret-store';
import { SecretStoreError } from './secret-store';

/** Turns a secret into bytes for the secrets file and back. */
export interface SecretCipher {
  readonly backend: SecretBackend;
  /** `context` is bound to the ciphertext where the cipher supports it (the entry's key). */
  encrypt(plaintext: string, context: string): Promise<Uint8Array>;
  decrypt(ciphertext: Uint8Array, context: string): Promise<string>;
}

/** Supplies the 32-byte AES key. */
export interface KeyProvider {
  getKey(): Promise<Uint8Array>;
}

const FORMAT_VERSION = 1;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const KEY_BYTES = 32;

async function keyFrom(provider: KeyProvider): Promise<Uint8Array> {
  const key = await provider.getKey();
  if (key.length !== KEY_BYTES) {
    throw new SecretStoreError(`The secrets key must be ${KEY_BYTES} bytes long.`);
  }
  return key;
}

export function aesGcmCipher(provider: KeyProvider): SecretCipher {
  return {
    backend: 'file',
    async encrypt(plaintext, context) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', await keyFrom(provider), iv);
      cipher.setAAD(Buffer.from(context, 'utf8'));
      const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      return Buffer.concat([Buffer.of(FORMAT_VERSION), iv, cipher.getAuthTag(), body]);
    },
    async decrypt(ciphertext, context) {
      const data = Buffer.from(ciphertext);
      if (data.length < 1 + IV_BYTES + TAG_BYTES || data[0] !== FORMAT_VERSION) {
        throw new SecretStoreError('A stored secret has an unknown format.');
      }
      const iv = data.subarray(1, 1 + IV_BYTES);
      const tag = data.subarray(1 + IV_BYTES, 1 + IV_BYTES + TAG_BYTES);
      const decipher = createDecipheriv('aes-256-gcm', await keyFrom(provider), iv);
      decipher.setAAD(Buffer.from(context, 'utf8'));
      decipher.setAuthTag(tag);
      try {
        const body = data.subarray(1 + IV_BYTES + TAG_BYTES);
        return Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8');
      } catch {
        throw new SecretStoreError(
          'A stored secret could not be decrypted (the key changed or the file was altered).',
        );
      }
    },
  };
}

/** A fixed key, for tests. */
export function staticKeyProvider(key: Uint8Array): KeyProvider {
  const copy = Uint8Array.from(key);
  return { getKey: () => Promise.resolve(copy) };
}

/**
 * A key kept in its own file (base64, mode 0600), created on first use: for the CLI, where no
 * OS keychain is at hand. It protects against casual reading of the secrets file, not against
 * someone who can read the whole folder.
 */
export function keyFileProvider(file: string): KeyProvider {
  let pending: Promise<Uint8Array> | undefined;
  async function load(): Promise<Uint8Array> {
    try {
      const key = Buffer.from((await fsp.readFile(file, 'utf8')).trim(), 'base64');
      if (key.length === KEY_BYTES) return key;
      throw new SecretStoreError(
        `The secrets key file ${file} is damaged: remove it and sign in again.`,
      );
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    const key = randomBytes(KEY_BYTES);
    await fsp.mkdir(path.dirname(file), { recursive: true });
    try {
      await fsp.writeFile(file, key.toString('base64'), { mode: 0o600, flag: 'wx' });
      return key;
    } catch (error) {
      // Another process created it first: use theirs.
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') return load();
      throw error;
    }
  }
  return {
    getKey() {
      pending ??= load().catch((error: unknown) => {
        pending = undefined;
        throw error;
      });
      return pending;
    },
  };
}
