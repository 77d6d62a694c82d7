/**
 * Settings written by an older version open in the current format, the old file kept; a file
 * from a newer version is left untouched.
 */
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { NewerSettingsError, V0_ACCOUNT_ID } from '../../../main/core/settings/migrations';
import { openSettingsStore } from '../../../main/core/settings/settings-store';
import { tempFolder } from '../auth/support/fixtures';

const fixture = path.join(import.meta.dirname, 'fixtures', 'config-v0.json');
const now = () => new Date('2026-03-02T08:00:00.000Z');

async function folderWith(content: string): Promise<string> {
  const folder = await tempFolder();
  await fs.writeFile(path.join(folder, 'config.json'), content);
  return folder;
}

describe('settings migrations', () => {
  it('migrates a hand-written version 0 file to version 1 and keeps the original', async () => {
    const original = await fs.readFile(fixture, 'utf8');
    const folder = await folderWith(original);

    const store = openSettingsStore({ cwd: folder, now });

    expect(store.notices).toEqual([
      expect.objectContaining({ kind: 'migrated', fromVersion: 0, toVersion: 1 }),
    ]);
    expect(store.notices[0]?.message).toMatch(
      /updated to the current format.*config\.v0-2026-03-02T08-00-00-000Z\.json/,
    );
    expect(store.get()).toEqual({
      schemaVersion: 1,
      accounts: [
        {
          id: V0_ACCOUNT_ID,
          name: 'Example Corp',
          baseUrl: 'https://openproject.example.com/openproject',
          auth: {
            method: 'oauth',
            connection: {
              name: 'OpenProject',
              provider: 'openproject',
              clientId: 'tray-app-1234',
              confidential: false,
              redirect: { mode: 'loopback', port: 47700, path: '/oauth-callback' },
            },
          },
          state: 'ok',
          options: {
            pollIntervalSeconds: 15, // 5 s was below the minimum
            toastReasons: ['mentioned', 'assigned', 'dateAlert'],
            muted: true,
          },
        },
      ],
      global: {
        snoozeUntil: '2025-11-03T18:00:00.000Z',
        paused: false,
        hotkey: 'CommandOrControl+Shift+O',
        startAtLogin: true,
        weakSecretStorage: 'undecided',
        pollIntervalSeconds: 15,
        toastReasons: ['mentioned', 'assigned', 'dateAlert'],
      },
    });

    // The old file is kept byte for byte; the new one is version 1 and reopens without notice.
    expect(
      await fs.readFile(path.join(folder, 'config.v0-2026-03-02T08-00-00-000Z.json'), 'utf8'),
    ).toBe(original);
    const written = JSON.parse(await fs.readFile(path.join(folder, 'config.json'), 'utf8')) as {
      schemaVersion: number;
    };
    expect(written.schemaVersion).toBe(1);
    const reopened = openSettingsStore({ cwd: folder, now });
    expect(reopened.notices).toEqual([]);
    expect(reopened.get()).toEqual(store.get());
  });

  it('migrates an empty version 0 file to no accounts and default options', async () => {
    const folder = await folderWith('{}');
    const store = openSettingsStore({ cwd: folder, now });
    expect(store.get().accounts).toEqual([]);
    expect(store.get().global.hotkey).toBe('CommandOrControl+Alt+O');
  });

  it('reads a version 1 file from before the weak-storage decision as undecided, unchanged', async () => {
    const before = JSON.stringify({
      schemaVersion: 1,
      accounts: [],
      global: { snoozeUntil: null, paused: false, hotkey: null, startAtLogin: false },
    });
    const folder = await folderWith(before);
    const store = openSettingsStore({ cwd: folder, now });
    expect(store.notices).toEqual([]);
    expect(store.get().global).toMatchObject({ hotkey: null, weakSecretStorage: 'undecided' });
    store.update((settings) => ({
      ...settings,
      global: { ...settings.global, weakSecretStorage: 'accepted' },
    }));
    expect(openSettingsStore({ cwd: folder, now }).get().global.weakSecretStorage).toBe('accepted');
    expect(() =>
      store.update((settings) => ({
        ...settings,
        global: { ...settings.global, weakSecretStorage: 'maybe' as 'accepted' },
      })),
    ).toThrow(/weakSecretStorage/);
  });

  it('refuses to touch a file written by a newer version', async () => {
    const newer = JSON.stringify({ schemaVersion: 7, accounts: [], somethingNew: true });
    const folder = await folderWith(newer);
    expect(() => openSettingsStore({ cwd: folder, now })).toThrow(NewerSettingsError);
    expect(() => openSettingsStore({ cwd: folder, now })).toThrow(
      /newer version of OpenProject Tray/,
    );
    expect(await fs.readFile(path.join(folder, 'config.json'), 'utf8')).toBe(newer);
    expect(await fs.readdir(folder)).toEqual(['config.json']);
  });
});
