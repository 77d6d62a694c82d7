/**
 * An OAuth account for the specs that need one (not the wizard's own test): the app's sign-in
 * started through the service, login and consent on the simulator's pages in a second page (the
 * user's browser); and what the app stored, read from the harness's home as the app reads it.
 */
import { join } from 'node:path';
import { expect, type BrowserContext } from '@playwright/test';
import type { Account } from '../../../../preload/contract';
import { parseStoredTokens } from '../../../../main/core/auth/token-set';
import { aesGcmCipher, keyFileProvider } from '../../../../main/core/secrets/aes-gcm-cipher';
import { FileSecretStore } from '../../../../main/core/secrets/file-secret-store';
import { secretKeys } from '../../../../main/core/secrets/secret-store';
import { DEFAULT_PASSWORD, TRAY_CLIENT_ID } from '../../../simulator/oauth/index';
import type { RendererRun } from './run';

export async function connectWithOAuth(
  run: RendererRun,
  context: BrowserContext,
  login: string,
): Promise<Account> {
  const handlers = run.harness.service.handlers;
  const opened = run.harness.openedUrls().length;
  const flow = await handlers.startOAuth({
    url: run.simulatorUrl,
    clientId: TRAY_CLIENT_ID,
    mode: 'loopback',
  });
  if (!flow.ok) throw new Error(flow.error.message);
  await expect.poll(() => run.harness.openedUrls().length).toBeGreaterThan(opened);
  const browser = await context.newPage();
  await browser.goto(run.harness.openedUrls().at(-1)!);
  await browser.getByLabel('Username').fill(login);
  await browser.getByLabel('Password').fill(DEFAULT_PASSWORD);
  await browser.getByRole('button', { name: 'Sign in' }).click();
  await browser.getByRole('button', { name: 'Authorize' }).click();
  await expect(browser.getByText('You can close this tab')).toBeVisible();
  await browser.close();

  let account: Account | undefined;
  await expect
    .poll(async () => {
      const accounts = await handlers.listAccounts();
      account = accounts.ok
        ? accounts.value.find((a) => a.authMethod === 'oauth' && a.state.kind === 'connected')
        : undefined;
      return account !== undefined;
    })
    .toBe(true);
  return account!;
}

/** The OAuth access token the app keeps for the account (null when it has none). */
export async function storedAccessToken(
  run: RendererRun,
  accountId: string,
): Promise<string | null> {
  const home = run.harness.home;
  const store = FileSecretStore.inFolder(
    home,
    aesGcmCipher(keyFileProvider(join(home, 'secrets.key'))),
  );
  return parseStoredTokens(await store.get(secretKeys.oauthTokens(accountId)))?.accessToken ?? null;
}

/** The status of `GET /api/v3/users/me` with this Bearer token: does the server still take it? */
export async function bearerStatus(run: RendererRun, token: string): Promise<number> {
  const response = await fetch(`${run.simulatorUrl}/api/v3/users/me`, {
    headers: { authorization: `Bearer ${token}` },
  });
  await response.arrayBuffer();
  return response.status;
}
