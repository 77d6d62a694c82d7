// @vitest-environment jsdom
import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Account, NotificationsSnapshot, Result } from '../../preload/contract';
import { Widget } from '../../renderer/src/widget/Widget';
import { FakeBridge } from './fake-bridge';
import { makeAccount, makeGroup, synced } from './fixtures';
import { stubListLayout } from './layout';
import { renderWithBridge } from './render';

stubListLayout();

const offline = (overrides: Partial<Account> = {}) =>
  makeAccount({
    state: { kind: 'offline', message: 'OpenProject at https://op.acme.test timed out.' },
    ...overrides,
  });

describe('every widget state says what is going on and offers a way forward', () => {
  it('loading: says so while the first answer is under way', async () => {
    const fake = new FakeBridge({ accounts: [makeAccount()], notifications: [synced('acme', [])] });
    let answer: (result: Result<NotificationsSnapshot>) => void = () => {};
    fake.handle('getNotifications', () => new Promise((resolve) => (answer = resolve)));
    renderWithBridge(<Widget />, { fake });

    const loading = await screen.findByText('Loading your notifications…');
    expect(loading.getAttribute('role')).toBe('status');
    answer({ ok: true, value: fake.snapshot() });
    expect(await screen.findByRole('heading', { name: "You're all caught up" })).toBeTruthy();
  });

  it('loading: also while the only account has not finished its first sync', async () => {
    const fake = new FakeBridge({
      accounts: [makeAccount({ state: { kind: 'connecting', message: null } })],
      notifications: [{ accountId: 'acme', groups: [], syncedAt: null }],
    });
    renderWithBridge(<Widget />, { fake });
    expect(await screen.findByText('Loading your notifications…')).toBeTruthy();
    expect(screen.queryByText("You're all caught up")).toBeNull();
  });

  it('empty: "You\'re all caught up" once an account has synced with nothing unread', async () => {
    const fake = new FakeBridge({ accounts: [makeAccount()], notifications: [synced('acme', [])] });
    renderWithBridge(<Widget />, { fake });
    expect(await screen.findByRole('heading', { name: "You're all caught up" })).toBeTruthy();
    expect(screen.getByText('There are no unread notifications.')).toBeTruthy();
  });

  it('load failed: shows the reason and tries again', async () => {
    const fake = new FakeBridge({ accounts: [makeAccount()], notifications: [synced('acme', [])] });
    fake.handle('getNotifications', () => ({
      ok: false,
      error: { kind: 'storage', message: 'The cache file is not readable.' },
    }));
    const { user } = renderWithBridge(<Widget />, { fake });

    expect(
      await screen.findByRole('heading', { name: 'Your notifications could not be loaded' }),
    ).toBeTruthy();
    expect(screen.getByText('Details: The cache file is not readable.')).toBeTruthy();
    fake.handle('getNotifications', () => ({ ok: true, value: fake.snapshot() }));
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('heading', { name: "You're all caught up" })).toBeTruthy();
  });

  it('no account: offers to add one', async () => {
    const { user, fake } = renderWithBridge(<Widget />);
    expect(await screen.findByRole('heading', { name: 'Connect your OpenProject' })).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Add account' }));
    expect(fake.requests('openView')).toEqual([{ view: 'wizard' }]);
  });

  it('offline: says the instance cannot be reached and retries that account', async () => {
    const fake = new FakeBridge({
      accounts: [offline()],
      notifications: [{ accountId: 'acme', groups: [], syncedAt: null }],
    });
    const { user } = renderWithBridge(<Widget />, { fake });

    expect(await screen.findByRole('heading', { name: "You're offline" })).toBeTruthy();
    expect(screen.getByText(/ACME OpenProject cannot be reached/)).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(fake.requests('refreshNow')).toEqual([{ accountId: 'acme' }]);
  });

  it("server error: shows main's sentence and retries", async () => {
    const fake = new FakeBridge({
      accounts: [
        makeAccount({ state: { kind: 'server-error', message: 'OpenProject answered 503.' } }),
      ],
      notifications: [synced('acme', [])],
    });
    const { user } = renderWithBridge(<Widget />, { fake });
    expect(await screen.findByRole('heading', { name: 'OpenProject has a problem' })).toBeTruthy();
    expect(screen.getByText('OpenProject answered 503.')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(fake.requests('refreshNow')).toEqual([{ accountId: 'acme' }]);
  });

  it('needs sign-in: a button opens the wizard for that account', async () => {
    const fake = new FakeBridge({
      accounts: [
        makeAccount({ state: { kind: 'needs-sign-in', message: 'The token was revoked.' } }),
      ],
      notifications: [synced('acme', [])],
    });
    const { user } = renderWithBridge(<Widget />, { fake });
    expect(await screen.findByRole('heading', { name: 'Sign in again' })).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(fake.requests('openView')).toEqual([{ view: 'wizard', accountId: 'acme' }]);
  });

  it('one account with a problem beside a healthy one: the list stays, a banner explains', async () => {
    const fake = new FakeBridge({
      accounts: [
        makeAccount(),
        offline({ id: 'beta', instanceName: 'Beta Corp', baseUrl: 'https://beta.test' }),
      ],
      notifications: [synced('acme', [makeGroup({ subject: 'Still here' })])],
    });
    renderWithBridge(<Widget />, { fake });
    expect(await screen.findByText('Still here')).toBeTruthy();
    expect(screen.getByText('Beta Corp cannot be reached right now.')).toBeTruthy();
  });

  it('paused and snoozed: a banner says so and Resume resumes', async () => {
    const fake = new FakeBridge({ accounts: [makeAccount()], notifications: [synced('acme', [])] });
    fake.state.settings = { ...fake.state.settings, pause: { kind: 'paused' } };
    const { user } = renderWithBridge(<Widget />, { fake });

    expect(await screen.findByText('Updates are paused.')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Resume' }));
    expect(fake.requests('updateSettings')).toEqual([{ pause: { kind: 'active' } }]);
    await waitFor(() => expect(screen.queryByText('Updates are paused.')).toBeNull());

    await user.click(screen.getByRole('button', { name: 'Pause notifications' }));
    await user.click(screen.getByRole('button', { name: 'Snooze for 1 hour' }));
    const request = fake.requests('updateSettings')[1];
    expect(request?.pause?.kind).toBe('snoozed');
    const until = request?.pause?.kind === 'snoozed' ? Date.parse(request.pause.until) : 0;
    expect(until - Date.now()).toBeGreaterThan(55 * 60_000);
    expect(await screen.findByText(/Desktop notifications are snoozed until/)).toBeTruthy();
  });
});
