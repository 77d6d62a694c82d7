/**
 * Several accounts side by side, with their options, states and secrets; global options.
 */
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { AccountNotFoundError, Accounts } from '../../../main/core/accounts/accounts';
import { aesGcmCipher, staticKeyProvider } from '../../../main/core/secrets/aes-gcm-cipher';
import { FileSecretStore } from '../../../main/core/secrets/file-secret-store';
import { secretKeys } from '../../../main/core/secrets/secret-store';
import { openSettingsStore } from '../../../main/core/settings/settings-store';
import { tempFolder } from '../auth/support/fixtures';

async function setup() {
  const folder = await tempFolder();
  const key = randomBytes(32);
  const open = () =>
    new Accounts(
      openSettingsStore({ cwd: folder }),
      FileSecretStore.inFolder(folder, aesGcmCipher(staticKeyProvider(key))),
    );
  return { folder, open };
}

describe('Accounts', () => {
  it('keeps several accounts side by side, each with its own options, and remembers them', async () => {
    const { open } = await setup();
    const accounts = open();
    const work = accounts.add({
      name: 'Work',
      baseUrl: ' openproject.example.com/openproject/api/v3/ ',
      auth: { method: 'apiToken' },
      options: { pollIntervalSeconds: 300, muted: true },
    });
    const community = accounts.add({
      name: 'Community',
      baseUrl: 'https://community.openproject.org',
      auth: {
        method: 'oauth',
        connection: {
          name: 'Company Keycloak',
          provider: 'keycloak',
          clientId: 'tray',
          confidential: false,
          issuer: 'https://kc.example.com/realms/acme',
          redirect: { mode: 'loopback', port: 0, path: '/oauth-callback' },
        },
      },
    });
    expect(work.id).not.toBe(community.id);
    expect(work.baseUrl).toBe('https://openproject.example.com/openproject');
    expect(work.options.pollIntervalSeconds).toBe(300);
    expect(work.options.muted).toBe(true);
    expect(work.options.toastReasons).toContain('mentioned');
    expect(community.options.pollIntervalSeconds).toBe(60);
    expect(community.state).toBe('ok');

    accounts.setState(community.id, 'needs-sign-in');
    accounts.updateGlobal((global) => ({
      ...global,
      paused: true,
      snoozeUntil: '2026-03-02T18:00:00.000Z',
    }));

    const reopened = open();
    expect(reopened.list().map((account) => [account.name, account.state])).toEqual([
      ['Work', 'ok'],
      ['Community', 'needs-sign-in'],
    ]);
    expect(reopened.global()).toMatchObject({
      paused: true,
      snoozeUntil: '2026-03-02T18:00:00.000Z',
    });
  });

  it('refuses invalid options with a clear message', async () => {
    const accounts = (await setup()).open();
    expect(() =>
      accounts.add({
        name: 'Fast',
        baseUrl: 'https://op.example.com',
        auth: { method: 'apiToken' },
        options: { pollIntervalSeconds: 1 },
      }),
    ).toThrow(/too small|>=15/i);
    expect(() =>
      accounts.add({
        name: 'Entra',
        baseUrl: 'https://op.example.com',
        auth: {
          method: 'oauth',
          connection: {
            name: 'Entra',
            provider: 'entra',
            clientId: 'x',
            confidential: false,
            redirect: { mode: 'loopback', port: 0, path: '/oauth-callback' },
          },
        },
      }),
    ).toThrow(/Entra ID tenant/);
    expect(accounts.list()).toEqual([]);
  });

  it('removes an account with all its secrets', async () => {
    const accounts = (await setup()).open();
    const a = accounts.add({
      name: 'A',
      baseUrl: 'https://a.example.com',
      auth: { method: 'apiToken' },
    });
    const b = accounts.add({
      name: 'B',
      baseUrl: 'https://b.example.com',
      auth: { method: 'apiToken' },
    });
    await accounts.setApiToken(a.id, 'token-a');
    await accounts.setApiToken(b.id, 'token-b');
    await accounts.secrets.set(secretKeys.oauthTokens(a.id), '{}');
    await accounts.remove(a.id);
    expect(accounts.list().map((account) => account.name)).toEqual(['B']);
    expect(await accounts.secrets.get(secretKeys.apiToken(a.id))).toBeNull();
    expect(await accounts.secrets.get(secretKeys.oauthTokens(a.id))).toBeNull();
    expect(await accounts.getApiToken(b.id)).toBe('token-b');
    expect(() => accounts.get(a.id)).toThrow(AccountNotFoundError);
  });
});
