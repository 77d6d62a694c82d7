/**
 * The options through the service: poll interval (15 s – 30 min), reasons, the hotkey through the
 * registrar (taken → the previous one is put back, nothing changes), start at login, snooze and
 * pause; the new settings are pushed as an event and survive a restart.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { FakeClock } from '../core/sync/support/fake-clock';
import { connected, simulator, startApp, tempHome, value } from './support';

describe('settings', () => {
  it('saves the poll interval and the reasons, and pushes them', async () => {
    const home = await tempHome();
    const app = await startApp({ home });
    const settings = value(
      await app.h.updateSettings({ pollIntervalSeconds: 15 * 60, notifyReasons: ['mentioned'] }),
    );
    expect(settings).toMatchObject({ pollIntervalSeconds: 900, notifyReasons: ['mentioned'] });
    expect(app.payloads('settingsChanged').at(-1)).toEqual(settings);
    await app.stop();
    const again = await startApp({ home });
    expect(value(await again.h.getSettings())).toEqual(settings);
  });

  it('keeps in the settings file the interval and reasons an earlier build kept in app-state.json', async () => {
    const home = await tempHome();
    const legacy = {
      version: 1,
      pollIntervalSeconds: 300,
      notifyReasons: ['watched'],
      accounts: {},
    };
    await writeFile(join(home, 'app-state.json'), JSON.stringify(legacy));
    const app = await startApp({ home });
    expect(value(await app.h.getSettings())).toMatchObject({
      pollIntervalSeconds: 300,
      notifyReasons: ['watched'],
    });
    const config = JSON.parse(await readFile(join(home, 'config.json'), 'utf8')) as {
      global: { pollIntervalSeconds: number; toastReasons: string[] };
    };
    expect(config.global).toMatchObject({ pollIntervalSeconds: 300, toastReasons: ['watched'] });
    const state = JSON.parse(await readFile(join(home, 'app-state.json'), 'utf8')) as object;
    expect(state).not.toHaveProperty('pollIntervalSeconds');
    expect(state).not.toHaveProperty('notifyReasons');
    await app.stop();
  });

  it('refuses a poll interval outside 15 s – 30 min and changes nothing', async () => {
    const app = await startApp();
    const before = value(await app.h.getSettings());
    for (const pollIntervalSeconds of [14, 30 * 60 + 1, 20.5]) {
      const result = await app.h.updateSettings({ pollIntervalSeconds });
      expect(result).toMatchObject({ ok: false, error: { kind: 'invalid-input' } });
      if (!result.ok) expect(result.error.message).toContain('pollIntervalSeconds');
    }
    expect(value(await app.h.getSettings())).toEqual(before);
  });

  it('registers a new hotkey, and puts the previous one back when the new one is taken', async () => {
    const app = await startApp({ hotkeyTaken: ['Control+Alt+T'] });
    const first = value(await app.h.updateSettings({ hotkey: 'Control+Alt+K' }));
    expect(first.hotkey).toBe('Control+Alt+K');
    expect(app.hotkeys.active).toBe('Control+Alt+K');

    const taken = await app.h.updateSettings({ hotkey: 'Control+Alt+T', pollIntervalSeconds: 30 });
    expect(taken).toMatchObject({ ok: false, error: { kind: 'hotkey-taken' } });
    expect(app.hotkeys.active).toBe('Control+Alt+K');
    expect(value(await app.h.getSettings())).toEqual(first);

    const invalid = await app.h.updateSettings({ hotkey: 'Banana' });
    expect(invalid).toMatchObject({ ok: false, error: { kind: 'hotkey-invalid' } });
    expect(app.hotkeys.active).toBe('Control+Alt+K');

    expect(value(await app.h.updateSettings({ hotkey: null })).hotkey).toBeNull();
    expect(app.hotkeys.active).toBeNull();
  });

  it('turns start at login on and off, and refuses it where there is no login item', async () => {
    const app = await startApp();
    expect(value(await app.h.updateSettings({ startAtLogin: true })).startAtLogin).toBe(true);
    expect(app.loginItem.enabled).toBe(true);
    app.loginItem.failWith = new Error('permission denied');
    const failed = await app.h.updateSettings({ startAtLogin: false, hotkey: 'Control+Alt+J' });
    expect(failed).toMatchObject({ ok: false, error: { kind: 'storage' } });
    expect(value(await app.h.getSettings())).toMatchObject({ startAtLogin: true });
    expect(app.hotkeys.active).not.toBe('Control+Alt+J');

    const unsupported = await startApp({ startAtLoginSupported: false });
    expect(value(await unsupported.h.getSettings())).toMatchObject({
      startAtLogin: false,
      startAtLoginSupported: false,
    });
    expect(await unsupported.h.updateSettings({ startAtLogin: true })).toMatchObject({
      ok: false,
      error: { kind: 'not-allowed' },
    });
  });

  it('snoozes desktop notifications, and pauses syncing until resumed', async () => {
    const sim = await simulator({ unread: 1 });
    const clock = new FakeClock(Date.now());
    const app = await startApp({ deps: { clock } });
    const accountId = await connected(app, sim.url, sim.tokens.apiKey);
    const until = new Date(clock.now() + 3_600_000).toISOString();
    expect(value(await app.h.updateSettings({ pause: { kind: 'snoozed', until } })).pause).toEqual({
      kind: 'snoozed',
      until,
    });
    const workPackageId = sim.control.workPackages()[0]?.id ?? 1;
    sim.control.createNotification({ workPackageId, reason: 'mentioned', onAggregate: 'delete' });
    value(await app.h.refreshNow({ accountId }));
    expect(app.notifier.toasts).toEqual([]); // snoozed: counted, not shown
    expect(value(await app.h.getNotifications()).unread.total).toBe(2);

    expect(value(await app.h.updateSettings({ pause: { kind: 'paused' } })).pause).toEqual({
      kind: 'paused',
    });
    expect(clock.pending).toBe(0); // no poll planned at all
    const other = sim.control.workPackages()[1]?.id ?? 2;
    sim.control.createNotification({ workPackageId: other, reason: 'assigned' });
    const resumed = app.next('unreadChanged', (counts) => counts.total === 3);
    expect(value(await app.h.updateSettings({ pause: { kind: 'active' } })).pause).toEqual({
      kind: 'active',
    });
    await resumed; // resuming polls at once
    await vi.waitFor(() => expect(clock.pending).toBeGreaterThan(0)); // and plans the next

    // A snooze that already ended is no snooze.
    const past = new Date(clock.now() - 1000).toISOString();
    expect(
      value(await app.h.updateSettings({ pause: { kind: 'snoozed', until: past } })).pause,
    ).toEqual({ kind: 'active' });
  });

  it('ends a snooze by itself and pushes the settings', async () => {
    const clock = new FakeClock(Date.now());
    const app = await startApp({ deps: { clock } });
    const until = new Date(clock.now() + 60_000).toISOString();
    value(await app.h.updateSettings({ pause: { kind: 'snoozed', until } }));
    const ended = app.next('settingsChanged', (settings) => settings.pause.kind === 'active');
    await clock.advance(61_000);
    await ended;
    expect(value(await app.h.getSettings()).pause).toEqual({ kind: 'active' });
  });
});
