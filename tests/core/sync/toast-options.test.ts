import { describe, expect, it } from 'vitest';
import { snoozeForAnHour } from '../../../main/core/notify/toast-policy';
import { harness } from './support/harness';
import { ModelServer } from './support/model-server';

const MINUTE = 60_000;

describe('pause', () => {
  it('stops all requests; resuming polls at once and announces what arrived', async () => {
    const t = await harness();
    t.engine.setPaused(true);
    expect(t.lastState()?.kind).toBe('paused');
    expect(t.events.options.at(-1)).toEqual({ paused: true, snoozedUntil: null });
    const requests = t.requests();
    t.server.create({ workPackageId: 4, subject: 'While paused' });
    t.power.emit('resume');
    await t.tick(60 * MINUTE);
    expect(t.requests()).toBe(requests);
    t.engine.setPaused(false);
    await t.tick(1);
    expect(t.lastState()?.kind).toBe('ok');
    expect(t.notifier.toasts.map((toast) => toast.title)).toEqual(['#4 While paused']);
  });
});

describe('snooze', () => {
  it('updates counts and the list but raises no toast, and nothing afterwards retroactively', async () => {
    const t = await harness();
    t.engine.snooze(snoozeForAnHour(t.clock.now()));
    t.server.create({ workPackageId: 1 });
    await t.tick();
    expect(t.events.unread.at(-1)?.count).toBe(1);
    expect(t.events['new-notifications'].at(-1)?.suppressedBy).toBe('snoozed');
    expect(t.notifier.toasts).toEqual([]);
    await t.tick(60 * MINUTE);
    expect(t.events.options.at(-1)).toEqual({ paused: false, snoozedUntil: null });
    expect(t.notifier.toasts).toEqual([]);
    t.server.create({ workPackageId: 2, subject: 'After the snooze' });
    await t.tick();
    expect(t.notifier.toasts.map((toast) => toast.title)).toEqual(['#2 After the snooze']);
  });

  it('ends early when set to null', async () => {
    const t = await harness();
    t.engine.snooze(t.clock.now() + 60 * MINUTE);
    t.engine.snooze(null);
    t.server.create();
    await t.tick();
    expect(t.notifier.toasts).toHaveLength(1);
  });
});

describe('per-account options', () => {
  it('mute: counts and the list, no toast', async () => {
    const t = await harness({ account: { toast: { muted: true, reasons: {} } } });
    t.server.create();
    await t.tick();
    expect(t.events.unread.at(-1)?.count).toBe(1);
    expect(t.events['new-notifications'].at(-1)?.suppressedBy).toBe('muted');
    expect(t.notifier.toasts).toEqual([]);
  });

  it('reasons: only the chosen ones raise a toast', async () => {
    const t = await harness({ account: { toast: { muted: false, reasons: { watched: false } } } });
    t.server.create({ workPackageId: 1, reason: 'watched' });
    await t.tick();
    expect(t.notifier.toasts).toEqual([]);
    t.server.create({ workPackageId: 2, reason: 'watched' });
    t.server.create({ workPackageId: 3, reason: 'responsible', subject: 'Budget' });
    await t.tick();
    expect(t.notifier.toasts.map((toast) => [toast.title, toast.body])).toEqual([
      ['#3 Budget', 'Demo project · accountable by Jane Doe'],
    ]);
    expect(t.events['new-notifications'].at(-1)?.suppressedBy).toBe('reasons');
    t.engine.updateAccount('a', { toast: { muted: false, reasons: {} } });
    t.server.create({ workPackageId: 4, reason: 'watched', subject: 'Watched' });
    await t.tick();
    expect(t.notifier.toasts.at(-1)?.title).toBe('#4 Watched');
  });

  it('interval: the account polls at its own pace', async () => {
    const t = await harness({ account: { intervalMs: 5 * MINUTE } });
    await t.tick(10 * MINUTE);
    expect(t.events.poll).toHaveLength(3);
    t.engine.updateAccount('a', { intervalMs: 15_000 });
    await t.tick(MINUTE);
    expect(t.events.poll.length).toBeGreaterThanOrEqual(7);
  });
});

describe('several accounts', () => {
  it('counts each and in total, and names the account in its toasts', async () => {
    const t = await harness();
    const other = new ModelServer(t.clock);
    other.create();
    other.create();
    t.engine.addAccount({ id: 'b', label: 'Community', source: other });
    await t.tick(1);
    expect(t.events.unread.at(-1)).toEqual({ accountId: 'b', count: 2, total: 2 });
    other.create({ workPackageId: 9, subject: 'Elsewhere' });
    t.server.create();
    await t.tick();
    expect(t.events.unread.at(-1)?.total).toBe(4);
    expect(t.notifier.toasts.map((toast) => toast.body)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^Community · Demo project · mentioned/)]),
    );
    const view = t.engine.snapshot();
    expect(view.total).toBe(4);
    expect(view.accounts.map((account) => [account.id, account.count])).toEqual([
      ['a', 1],
      ['b', 3],
    ]);
    await t.engine.removeAccount('b', { forgetSeen: true });
    expect(t.events.unread.at(-1)).toEqual({ accountId: 'b', count: 0, total: 1 });
    expect(await t.store.load('b')).toBeNull();
  });
});
