/**
 * Shared set-up of the sign-in tests: a temp settings folder with real files (conf settings,
 * AES-GCM encrypted secrets), accounts, a manual clock, and a scan of the folder for strings.
 */
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { onTestFinished } from 'vitest';
import { AccountAuth } from '../../../../main/core/accounts/account-auth';
import { Accounts } from '../../../../main/core/accounts/accounts';
import { aesGcmCipher, staticKeyProvider } from '../../../../main/core/secrets/aes-gcm-cipher';
import { FileSecretStore } from '../../../../main/core/secrets/file-secret-store';
import type { OAuthConnection } from '../../../../main/core/settings/schema';
import { openSettingsStore } from '../../../../main/core/settings/settings-store';

/** A new temp folder, removed when the current test finishes (call it in a test or beforeEach). */
export async function tempFolder(prefix = 'op-tray-'): Promise<string> {
  const folder = await fs.mkdtemp(path.join(os.tmpdir(), prefix));
  onTestFinished(() => fs.rm(folder, { recursive: true, force: true }));
  return folder;
}

export interface ManualClock {
  now: () => number;
  advance(ms: number): void;
}

export function manualClock(start = Date.parse('2026-03-02T08:00:00Z')): ManualClock {
  let current = start;
  return {
    now: () => current,
    advance: (ms) => {
      current += ms;
    },
  };
}

export interface AccountsFixture {
  folder: string;
  accounts: Accounts;
  secrets: FileSecretStore;
  auth: AccountAuth;
  clock: ManualClock;
  accountId: string;
}

export async function oauthAccountFixture(
  connection: Partial<OAuthConnection> & Pick<OAuthConnection, 'provider' | 'clientId'>,
  baseUrl = 'http://127.0.0.1:9/openproject',
  options: { clock?: ManualClock } = {},
): Promise<AccountsFixture> {
  const folder = await tempFolder();
  const settings = openSettingsStore({ cwd: folder });
  const secrets = FileSecretStore.inFolder(
    folder,
    aesGcmCipher(staticKeyProvider(randomBytes(32))),
  );
  const accounts = new Accounts(settings, secrets);
  const clock = options.clock ?? manualClock();
  const account = accounts.add({
    name: 'Work',
    baseUrl,
    auth: {
      method: 'oauth',
      connection: {
        name: 'Sign-in',
        confidential: false,
        redirect: { mode: 'loopback', port: 0, path: '/oauth-callback' },
        ...connection,
      },
    },
  });
  const auth = new AccountAuth({ accounts, now: clock.now });
  return { folder, accounts, secrets, auth, clock, accountId: account.id };
}

/** Every file under `folder` (recursively) that contains one of `needles`, with the needle. */
export async function filesContaining(
  folder: string,
  needles: readonly string[],
): Promise<{ file: string; needle: string }[]> {
  const hits: { file: string; needle: string }[] = [];
  const entries = await fs.readdir(folder, { recursive: true, withFileTypes: true });
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    const content = await fs.readFile(file);
    for (const needle of needles) {
      const asBase64 = Buffer.from(needle).toString('base64');
      if (content.includes(needle) || content.includes(asBase64)) hits.push({ file, needle });
    }
  }
  return hits;
}

/** Resolves true when nothing accepts connections on 127.0.0.1:port any more. */
export async function portIsClosed(port: number): Promise<boolean> {
  const net = await import('node:net');
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', () => resolve(true));
  });
}

/** A port nothing listens on right now (bound once to find it, then released). */
export async function freePort(): Promise<number> {
  const net = await import('node:net');
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}
