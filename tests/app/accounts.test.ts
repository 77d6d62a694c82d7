/**
 * The accounts page through the service: rename and mute, sync again, disconnect (credentials
 * deleted, account kept), remove, reset everything (settings, secrets and seen records gone), and
 * what survives a restart.
 */
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { connected, filesIn, simulator, startApp, tempHome, value } from './support';

describe('accounts', () => {
  it('renames and mutes an account, and keeps that across a restart', async () => {
    const sim = await simulator({ unread: 2, instanceName: 'ACME' });
    const home = await tempHome();
    const app = await startApp({ home });
    const accountId = await connected(app, sim.url, sim.tokens.apiKey);
    const updated = value(
      await app.h.updateAccount({ accountId, options: { label: '  Work  ', notify: false } }),
    );
    expect(updated.options).toEqual({ label: 'Work', notify: false });
    expect(app.payloads('accountsChanged').at(-1)?.[0]?.options.label).toBe('Work');
    await app.stop();

    const again = await startApp({ home });
    const [account] = value(await again.h.listAccounts());
    expect(account).toMatchObject({
      id: accountId,
      instanceName: 'ACME',
      user: { name: 'Jane Doe' },
      options: { label: 'Work', notify: false },
    });
    // Cleared label: the instance name shows again.
    value(await again.h.updateAccount({ accountId, options: { label: '' } }));
    expect(value(await again.h.listAccounts())[0]?.options.label).toBeNull();
  });

  it('syncs again on reconnect, and says when the token was revoked meanwhile', async () => {
    const sim = await simulator({ unread: 2 });
    const app = await startApp();
    const token = sim.control.createToken();
    const accountId = await connected(app, sim.url, token);
    expect(value(await app.h.reconnect({ accountId })).state.kind).toBe('connected');

    sim.control.revokeToken(token);
    const result = await app.h.reconnect({ accountId });
    expect(result).toMatchObject({ ok: false, error: { kind: 'unauthenticated' } });
    expect(value(await app.h.listAccounts())[0]?.state.kind).toBe('needs-sign-in');
  });

  it('disconnects: the token is deleted here, the account stays signed out', async () => {
    const sim = await simulator({ unread: 2 });
    const app = await startApp();
    const accountId = await connected(app, sim.url, sim.tokens.apiKey);
    const account = value(await app.h.disconnect({ accountId }));
    expect(account).toMatchObject({ id: accountId, user: null, state: { kind: 'signed-out' } });
    expect(account.state.message).toContain('Access tokens');
    const files = await filesIn(app.home);
    expect(files.find((file) => file.path.endsWith('secrets.json'))?.text ?? '').not.toContain(
      `account:${accountId}:api-token`,
    );
    const snapshot = value(await app.h.getNotifications());
    expect(snapshot.accounts).toEqual([]);
    expect(snapshot.unread.total).toBe(0);
    expect(await app.h.reconnect({ accountId })).toMatchObject({
      ok: false,
      error: { kind: 'unauthenticated' },
    });
  });

  it('removes an account with its secrets and its cached data', async () => {
    const sim = await simulator({ unread: 2 });
    const app = await startApp();
    const accountId = await connected(app, sim.url, sim.tokens.apiKey);
    expect(await app.h.removeAccount({ accountId })).toEqual({ ok: true, value: null });
    expect(value(await app.h.listAccounts())).toEqual([]);
    expect(app.payloads('accountsChanged').at(-1)).toEqual([]);
    expect(await app.h.removeAccount({ accountId })).toMatchObject({
      ok: false,
      error: { kind: 'unknown-account' },
    });
    for (const name of ['updateAccount', 'reconnect', 'disconnect'] as const) {
      const request = name === 'updateAccount' ? { accountId, options: {} } : { accountId };
      const handler = app.h[name] as (request: unknown) => Promise<unknown>;
      expect(await handler(request)).toMatchObject({
        ok: false,
        error: { kind: 'unknown-account' },
      });
    }
  });

  it('reset everything deletes the settings, the secrets and the seen records', async () => {
    const sim = await simulator({ unread: 3 });
    const app = await startApp();
    await connected(app, sim.url, sim.tokens.apiKey);
    value(await app.h.updateSettings({ pollIntervalSeconds: 120, hotkey: 'Control+Alt+K' }));
    const seenFolder = join(app.home, 'seen');
    expect(await readdir(seenFolder)).not.toEqual([]);

    expect(await app.h.resetEverything()).toEqual({ ok: true, value: null });

    expect(value(await app.h.listAccounts())).toEqual([]);
    expect(await readdir(seenFolder)).toEqual([]);
    const files = await filesIn(app.home);
    const text = (name: string) => files.find((file) => file.path.endsWith(name))?.text ?? '';
    const secrets = JSON.parse(text('secrets.json') || '{"entries":{}}') as { entries: unknown };
    expect(secrets.entries).toEqual({});
    const config = JSON.parse(text('config.json')) as { accounts: unknown };
    expect(config.accounts).toEqual([]);
    expect(text('config.json')).not.toContain(sim.url);
    expect(files.some((file) => file.path.endsWith('app-state.json'))).toBe(false);
    const settings = value(await app.h.getSettings());
    expect(settings).toMatchObject({ pollIntervalSeconds: 60, pause: { kind: 'active' } });
    expect(settings.hotkey).not.toBe('Control+Alt+K');
    expect(app.payloads('accountsChanged').at(-1)).toEqual([]);
    expect(app.payloads('unreadChanged').at(-1)?.total).toBe(0);
  });
});
