/**
 * What the sign-in specs share: the app's real account stack on a temp settings folder (conf
 * settings, AES-GCM encrypted secrets file, Accounts, AccountAuth with its loopback listener), a
 * scan of that folder for strings, free ports, and a browser context that can reach 127.0.0.1 only.
 */
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs/promises';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import type { BrowserContext } from '@playwright/test';
import { AccountAuth } from '../../../main/core/accounts/account-auth';
import { Accounts } from '../../../main/core/accounts/accounts';
import { parseStoredTokens, type TokenSet } from '../../../main/core/auth/token-set';
import { aesGcmCipher, staticKeyProvider } from '../../../main/core/secrets/aes-gcm-cipher';
import { FileSecretStore } from '../../../main/core/secrets/file-secret-store';
import { secretKeys } from '../../../main/core/secrets/secret-store';
import { OAuthConnectionSchema, type OAuthConnection } from '../../../main/core/settings/schema';
import { openSettingsStore } from '../../../main/core/settings/settings-store';

export interface TrayAccount {
  folder: string;
  accounts: Accounts;
  secrets: FileSecretStore;
  auth: AccountAuth;
  id: string;
  /** The tokens as stored (decrypted through the store). */
  storedTokens(): Promise<TokenSet | null>;
  remove(): Promise<void>;
}

/**
 * An OAuth account of the app, its settings and secrets in a new temp folder. `now` is the app's
 * clock (default the system clock; tests pass the simulator's, as NTP keeps real machines in step).
 */
export async function trayAccount(
  baseUrl: string,
  connection: Partial<OAuthConnection> & Pick<OAuthConnection, 'provider' | 'clientId'>,
  options: { now?: () => number } = {},
): Promise<TrayAccount> {
  const folder = await fs.mkdtemp(path.join(os.tmpdir(), 'op-tray-e2e-'));
  const secrets = FileSecretStore.inFolder(
    folder,
    aesGcmCipher(staticKeyProvider(randomBytes(32))),
  );
  const accounts = new Accounts(openSettingsStore({ cwd: folder }), secrets);
  const account = accounts.add({
    name: 'Work',
    baseUrl,
    auth: {
      method: 'oauth',
      connection: OAuthConnectionSchema.parse({ name: 'Sign-in', ...connection }),
    },
  });
  const auth = new AccountAuth({ accounts, ...(options.now ? { now: options.now } : {}) });
  return {
    folder,
    accounts,
    secrets,
    auth,
    id: account.id,
    storedTokens: async () =>
      parseStoredTokens(await secrets.get(secretKeys.oauthTokens(account.id))),
    remove: () => fs.rm(folder, { recursive: true, force: true }),
  };
}

/** Files under `folder` holding one of `needles` in clear or as base64. */
export async function filesContaining(
  folder: string,
  needles: readonly string[],
): Promise<string[]> {
  const hits: string[] = [];
  for (const entry of await fs.readdir(folder, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    const content = await fs.readFile(file);
    for (const needle of needles) {
      if (content.includes(needle) || content.includes(Buffer.from(needle).toString('base64'))) {
        hits.push(`${file}: ${needle.slice(0, 6)}…`);
      }
    }
  }
  return hits;
}

/** A port nothing listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** No internet: every request the pages make to anything but 127.0.0.1 is aborted. */
export async function localOnly(context: BrowserContext): Promise<void> {
  await context.route(
    (url) => url.hostname !== '127.0.0.1',
    (route) => route.abort('blockedbyclient'),
  );
}

/** Whether `promise` is still pending after `ms`. */
export async function stillPending(promise: Promise<unknown>, ms: number): Promise<boolean> {
  const pending = Symbol('pending');
  const timer = new Promise((resolve) => setTimeout(() => resolve(pending), ms));
  const outcome = await Promise.race([
    promise.then(
      () => 'settled',
      () => 'settled',
    ),
    timer,
  ]);
  return outcome === pending;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? 0)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}
