/**
 * The settings file on disk: written atomically (temp file + rename; a killed writer never
 * leaves a partial file), backed up after every good write, recovered from a damaged file with
 * a notice and the damaged file kept, readable by conf exactly as electron-store will read it.
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import Conf from 'conf';
import { describe, expect, it } from 'vitest';
import { SettingsSchema } from '../../../main/core/settings/schema';
import {
  InvalidSettingsChangeError,
  openSettingsStore,
  settingsConfOptions,
} from '../../../main/core/settings/settings-store';
import { tempFolder } from '../auth/support/fixtures';

const now = () => new Date('2026-03-02T08:00:00.000Z');

const withAccount = (name: string) => (settings: ReturnType<typeof SettingsSchema.parse>) => ({
  ...settings,
  accounts: [
    ...settings.accounts,
    {
      id: name.toLowerCase(),
      name,
      baseUrl: `https://${name.toLowerCase()}.example.com`,
      auth: { method: 'apiToken' as const },
      state: 'ok' as const,
      options: { pollIntervalSeconds: 120, toastReasons: ['mentioned'], muted: false },
    },
  ],
});

describe('the conf-backed settings store', () => {
  it('starts from defaults, and writes the file and its .bak on update', async () => {
    const folder = await tempFolder();
    const store = openSettingsStore({ cwd: folder, now });
    expect(store.notices).toEqual([]);
    expect(store.get().accounts).toEqual([]);
    expect(await fs.readdir(folder)).toEqual([]);

    store.update(withAccount('Work'));
    const file = await fs.readFile(path.join(folder, 'config.json'), 'utf8');
    expect(await fs.readFile(path.join(folder, 'config.json.bak'), 'utf8')).toBe(file);
    expect(
      openSettingsStore({ cwd: folder, now })
        .get()
        .accounts.map((a) => a.name),
    ).toEqual(['Work']);
  });

  it('is the file conf (and so electron-store) reads with the same options', async () => {
    const folder = await tempFolder();
    const store = openSettingsStore({ cwd: folder, now });
    store.update(withAccount('Work'));
    const conf = new Conf<Record<string, unknown>>(settingsConfOptions(folder));
    expect(conf.path).toBe(store.path);
    expect(SettingsSchema.parse(conf.store)).toEqual(store.get());
  });

  it('refuses an invalid change and leaves everything as it was', async () => {
    const folder = await tempFolder();
    const store = openSettingsStore({ cwd: folder, now });
    store.update(withAccount('Work'));
    const before = await fs.readFile(path.join(folder, 'config.json'), 'utf8');
    expect(() =>
      store.update((settings) => ({
        ...settings,
        accounts: settings.accounts.map((account) => ({
          ...account,
          options: { ...account.options, pollIntervalSeconds: 5 },
        })),
      })),
    ).toThrow(InvalidSettingsChangeError);
    expect(await fs.readFile(path.join(folder, 'config.json'), 'utf8')).toBe(before);
    expect(store.get().accounts[0]?.options.pollIntervalSeconds).toBe(120);
  });

  it('replaces the file by rename (a new inode each write), leaving no temporary files', async () => {
    const folder = await tempFolder();
    const store = openSettingsStore({ cwd: folder, now });
    store.update(withAccount('One'));
    const first = await fs.stat(path.join(folder, 'config.json'));
    const firstBackup = await fs.stat(path.join(folder, 'config.json.bak'));
    store.update(withAccount('Two'));
    const second = await fs.stat(path.join(folder, 'config.json'));
    const secondBackup = await fs.stat(path.join(folder, 'config.json.bak'));
    expect(second.ino).not.toBe(first.ino);
    expect(secondBackup.ino).not.toBe(firstBackup.ino);
    expect((await fs.readdir(folder)).sort()).toEqual(['config.json', 'config.json.bak']);
  });

  it('never leaves a partial file when the writing process is killed', async () => {
    const folder = await tempFolder();
    const script = path.join(import.meta.dirname, 'fixtures', 'write-forever.ts');
    for (let round = 0; round < 4; round += 1) {
      const child = spawn(process.execPath, ['--import', 'tsx', script, folder], {
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      await new Promise<void>((resolve, reject) => {
        child.stdout.once('data', () => resolve());
        child.once('exit', (code) => reject(new Error(`writer exited early (${code})`)));
      });
      await new Promise((resolve) => setTimeout(resolve, 40 + round * 37));
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGKILL');
      await exited;
      for (const name of ['config.json', 'config.json.bak']) {
        const text = await fs.readFile(path.join(folder, name), 'utf8').catch(() => null);
        if (text === null) continue; // killed before the first write
        expect(SettingsSchema.safeParse(JSON.parse(text)).success).toBe(true);
      }
      const store = openSettingsStore({ cwd: folder, now });
      expect(store.notices).toEqual([]);
    }
  }, 60_000);

  it('recovers a damaged file from the last good copy, keeping the damaged one, with a notice', async () => {
    const folder = await tempFolder();
    openSettingsStore({ cwd: folder, now }).update(withAccount('Work'));
    const damaged = '{"schemaVersion":1,"accounts":[{"id":"work","na';
    await fs.writeFile(path.join(folder, 'config.json'), damaged);

    const store = openSettingsStore({ cwd: folder, now });
    expect(store.notices).toEqual([expect.objectContaining({ kind: 'recovered-from-backup' })]);
    expect(store.notices[0]?.message).toMatch(
      /damaged \(it is not valid JSON\); the last good copy was restored\. The damaged file was kept as config\.corrupt-2026-03-02T08-00-00-000Z\.json\./,
    );
    expect(store.get().accounts.map((account) => account.name)).toEqual(['Work']);
    expect(
      await fs.readFile(path.join(folder, 'config.corrupt-2026-03-02T08-00-00-000Z.json'), 'utf8'),
    ).toBe(damaged);
    const repaired = JSON.parse(
      await fs.readFile(path.join(folder, 'config.json'), 'utf8'),
    ) as unknown;
    expect(SettingsSchema.parse(repaired)).toEqual(store.get());
  });

  it('treats a file of the wrong shape as damaged too', async () => {
    const folder = await tempFolder();
    openSettingsStore({ cwd: folder, now }).update(withAccount('Work'));
    await fs.writeFile(
      path.join(folder, 'config.json'),
      JSON.stringify({
        schemaVersion: 1,
        accounts: [{ id: 'x', name: 'X', baseUrl: 'not a url', auth: {} }],
      }),
    );
    const store = openSettingsStore({ cwd: folder, now });
    expect(store.notices[0]?.kind).toBe('recovered-from-backup');
    expect(store.get().accounts.map((account) => account.name)).toEqual(['Work']);
  });

  it('starts from defaults when no good copy exists, still keeping the damaged file', async () => {
    const folder = await tempFolder();
    await fs.writeFile(path.join(folder, 'config.json'), '\u0000\u0000garbage');
    const store = openSettingsStore({ cwd: folder, now });
    expect(store.notices).toEqual([expect.objectContaining({ kind: 'reset-to-defaults' })]);
    expect(store.notices[0]?.message).toMatch(/started with default settings/);
    expect(store.get().accounts).toEqual([]);
    expect((await fs.readdir(folder)).sort()).toEqual([
      'config.corrupt-2026-03-02T08-00-00-000Z.json',
      'config.json',
      'config.json.bak',
    ]);
  });

  it('restores a missing file from the last good copy', async () => {
    const folder = await tempFolder();
    openSettingsStore({ cwd: folder, now }).update(withAccount('Work'));
    await fs.rm(path.join(folder, 'config.json'));
    const store = openSettingsStore({ cwd: folder, now });
    expect(store.notices).toEqual([expect.objectContaining({ kind: 'restored-missing' })]);
    expect(store.get().accounts.map((account) => account.name)).toEqual(['Work']);
  });
});
