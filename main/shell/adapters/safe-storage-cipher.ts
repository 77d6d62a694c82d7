import type { SafeStorage } from 'electron';
import type { SecretCipher } from '../../core/secrets/aes-gcm-cipher';
import { SecretStoreError, type SecretStore } from '../../core/secrets/secret-store';

type SafeStorageLike = Pick<
  SafeStorage,
  | 'encryptStringAsync'
  | 'decryptStringAsync'
  | 'isAsyncEncryptionAvailable'
  | 'getSelectedStorageBackend'
>;

export interface SafeStorageCipher extends SecretCipher {
  /** Keys whose ciphertext safeStorage wants re-encrypted (key rotation); drained by `reEncrypting`. */
  readonly staleKeys: Set<string>;
}

const UNAVAILABLE =
  'The system keychain is not available, so OpenProject Tray cannot keep your sign-in safely. ' +
  'Unlock or set up your keyring (GNOME Keyring, KWallet) and start the app again.';

/**
 * The secret store's cipher over Electron's safeStorage (async API; call after `ready`). The entry's
 * key is sealed in with the value, so a ciphertext cannot be moved to another entry. On Linux without a
 * keyring safeStorage falls back to a hard-coded password: the backend is then `basic_text`, which the
 * wizard must warn about.
 */
export function safeStorageCipher(
  safeStorage: SafeStorageLike,
  platform: NodeJS.Platform,
): SafeStorageCipher {
  const backend =
    platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text'
      ? 'basic_text'
      : 'os-keychain';
  const staleKeys = new Set<string>();
  const ensureAvailable = async (): Promise<void> => {
    if (!(await safeStorage.isAsyncEncryptionAvailable())) throw new SecretStoreError(UNAVAILABLE);
  };
  return {
    backend,
    staleKeys,
    async encrypt(plaintext, context) {
      await ensureAvailable();
      return safeStorage.encryptStringAsync(`${context}\n${plaintext}`);
    },
    async decrypt(ciphertext, context) {
      await ensureAvailable();
      const { result, shouldReEncrypt } = await safeStorage.decryptStringAsync(
        Buffer.from(ciphertext),
      );
      const prefix = `${context}\n`;
      if (!result.startsWith(prefix)) {
        throw new SecretStoreError(
          'A stored secret belongs to another entry. Sign in to that account again.',
        );
      }
      if (shouldReEncrypt) staleKeys.add(context);
      return result.slice(prefix.length);
    },
  };
}

/** Wraps the store so that values safeStorage asks to re-encrypt are written back on read. */
export function reEncrypting(store: SecretStore, cipher: SafeStorageCipher): SecretStore {
  return {
    backend: store.backend,
    async get(key) {
      const value = await store.get(key);
      if (value !== null && cipher.staleKeys.delete(key)) await store.set(key, value);
      return value;
    },
    set: (key, value) => store.set(key, value),
    delete: (key) => store.delete(key),
  };
}
