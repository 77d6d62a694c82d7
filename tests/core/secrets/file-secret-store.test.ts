/**
 * The file-backed secret store: only AES-256-GCM ciphertext (base64) in its own 0600 file,
 * bound to its entry, unreadable with another key, safe under concurrent writes.
 */
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  aesGcmCipher,
  keyFileProvider,
  staticKeyProvider,
} from '../../../main/core/secrets/aes-gcm-cipher';
import { FileSecretStore } from '../../../main/core/secrets/file-secret-store';
import { MemorySecretStore, SecretStoreError } from '../../../main/core/secrets/secret-store';
import { tempFolder } from '../auth/support/fixtures';

const secret = 'opapi-' + 'a1b2c3d4'.repeat(8);

describe('FileSecretStore', () => {
  it('round-trips values and keeps only ciphertext, in a 0600 file of its own', async () => {
    const folder = await tempFolder();
    const key = randomBytes(32);
    const store = FileSecretStore.inFolder(folder, aesGcmCipher(staticKeyProvider(key)));
    expect(store.backend).toBe('file');
    expect(await store.get('account:a:api-token')).toBeNull();

    await store.set('account:a:api-token', secret);
    expect(await store.get('account:a:api-token')).toBe(secret);

    const file = path.join(folder, 'secrets.json');
    const text = await fs.readFile(file, 'utf8');
    expect(text).not.toContain(secret);
    expect(text).not.toContain(Buffer.from(secret).toString('base64'));
    const parsed = JSON.parse(text) as { entries: Record<string, string> };
    expect(Object.keys(parsed.entries)).toEqual(['account:a:api-token']);
    expect(parsed.entries['account:a:api-token']).toMatch(/^[A-Za-z0-9+/]+=*$/);
    if (process.platform !== 'win32') expect((await fs.stat(file)).mode & 0o777).toBe(0o600);

    // A new instance (a restart) reads what the first one wrote.
    const again = FileSecretStore.inFolder(folder, aesGcmCipher(staticKeyProvider(key)));
    expect(await again.get('account:a:api-token')).toBe(secret);
  });

  it('encrypts the same value differently each time', async () => {
    const cipher = aesGcmCipher(staticKeyProvider(randomBytes(32)));
    const one = Buffer.from(await cipher.encrypt(secret, 'k')).toString('base64');
    const two = Buffer.from(await cipher.encrypt(secret, 'k')).toString('base64');
    expect(one).not.toBe(two);
  });

  it('refuses a ciphertext moved to another entry, or read with another key', async () => {
    const folder = await tempFolder();
    const key = randomBytes(32);
    const store = FileSecretStore.inFolder(folder, aesGcmCipher(staticKeyProvider(key)));
    await store.set('account:a:api-token', secret);
    await store.set('account:b:api-token', 'other');
    const file = path.join(folder, 'secrets.json');
    const parsed = JSON.parse(await fs.readFile(file, 'utf8')) as {
      entries: Record<string, string>;
    };
    parsed.entries['account:b:api-token'] = parsed.entries['account:a:api-token'] ?? '';
    await fs.writeFile(file, JSON.stringify(parsed));

    const tampered = FileSecretStore.inFolder(folder, aesGcmCipher(staticKeyProvider(key)));
    await expect(tampered.get('account:b:api-token')).rejects.toThrow(SecretStoreError);
    const otherKey = FileSecretStore.inFolder(
      folder,
      aesGcmCipher(staticKeyProvider(randomBytes(32))),
    );
    const error = await otherKey.get('account:a:api-token').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(SecretStoreError);
    expect((error as Error).message).toMatch(/could not be decrypted/);
    expect((error as Error).message).not.toContain(secret);
  });

  it('loses no entry under concurrent writes, and deletes', async () => {
    const folder = await tempFolder();
    const store = FileSecretStore.inFolder(
      folder,
      aesGcmCipher(staticKeyProvider(randomBytes(32))),
    );
    await Promise.all(Array.from({ length: 25 }, (_, i) => store.set(`k${i}`, `value-${i}`)));
    await store.delete('k3');
    await store.delete('never-there');
    const values = await Promise.all(Array.from({ length: 25 }, (_, i) => store.get(`k${i}`)));
    expect(values.filter((value) => value !== null)).toHaveLength(24);
    expect(values[3]).toBeNull();
    expect((await fs.readdir(folder)).sort()).toEqual(['secrets.json']);
  });

  it('reports a damaged secrets file clearly', async () => {
    const folder = await tempFolder();
    await fs.writeFile(path.join(folder, 'secrets.json'), '{"format":"something else"}');
    const store = FileSecretStore.inFolder(
      folder,
      aesGcmCipher(staticKeyProvider(randomBytes(32))),
    );
    await expect(store.get('x')).rejects.toThrow(/secrets file .* is damaged/);
  });

  it('keeps the CLI key in its own 0600 file, created once', async () => {
    const folder = await tempFolder();
    const keyFile = path.join(folder, 'secrets.key');
    const first = await keyFileProvider(keyFile).getKey();
    const second = await keyFileProvider(keyFile).getKey();
    expect(first).toHaveLength(32);
    expect(Buffer.from(second).equals(Buffer.from(first))).toBe(true);
    if (process.platform !== 'win32') expect((await fs.stat(keyFile)).mode & 0o777).toBe(0o600);
  });
});

describe('MemorySecretStore', () => {
  it('stores in memory and says so', async () => {
    const store = new MemorySecretStore();
    expect(store.backend).toBe('memory');
    await store.set('k', 'v');
    expect(await store.get('k')).toBe('v');
    await store.delete('k');
    expect(await store.get('k')).toBeNull();
  });
});
