// @vitest-environment jsdom
import { act, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { Widget } from '../../renderer/src/widget/Widget';
import { FakeBridge } from './fake-bridge';
import { dayFromToday, makeAccount, makeGroup, minutesAgo, synced } from './fixtures';
import { stubListLayout } from './layout';
import { renderWithBridge } from './render';

stubListLayout();

function rows() {
  return within(screen.getByRole('list', { name: /work packages? with unread/ })).getAllByRole(
    'listitem',
  );
}

describe('the widget shows unread notifications grouped by work package', () => {
  it('lists groups newest first with type, subject, #id, project, reasons, actor, time and count', async () => {
    const fake = new FakeBridge({
      accounts: [makeAccount()],
      notifications: [
        synced('acme', [
          makeGroup({
            workPackageId: 7,
            subject: 'Older one',
            latestAt: minutesAgo(180),
            reasons: ['watched'],
          }),
          makeGroup({
            workPackageId: 42,
            subject: 'Fix the login',
            type: 'Bug',
            projectName: 'Website',
            reasons: ['mentioned', 'processed', 'responsible'],
            actor: { id: 5, name: 'Jane Doe' },
            count: 3,
            latestAt: minutesAgo(5),
          }),
          makeGroup({
            workPackageId: 9,
            subject: 'Ship the release',
            reasons: ['dateAlert'],
            actor: null,
            dateAlert: { property: 'dueDate', value: dayFromToday(1) },
            latestAt: minutesAgo(60),
          }),
        ]),
      ],
    });
    renderWithBridge(<Widget />, { fake });

    await screen.findByRole('button', { name: 'Bug Fix the login' });
    const [first, second, third] = rows();
    expect(first).toHaveProperty('textContent', expect.stringContaining('Fix the login'));
    expect(second?.textContent).toContain('Ship the release');
    expect(third?.textContent).toContain('Older one');

    const row = within(first!);
    expect(row.getByText('#42')).toBeTruthy();
    expect(row.getByText('Website')).toBeTruthy();
    expect(row.getByText('Mentioned')).toBeTruthy();
    expect(row.getByText('Status changed')).toBeTruthy();
    expect(row.getByText('Accountable')).toBeTruthy();
    expect(row.getByText('by Jane Doe')).toBeTruthy();
    expect(row.getByText('JD')).toBeTruthy();
    expect(row.getByText('5 min ago')).toBeTruthy();
    expect(row.getByText('3 notifications')).toBeTruthy();

    const alert = within(second!);
    expect(alert.getByText('Date alert')).toBeTruthy();
    expect(alert.getByText('Due tomorrow')).toBeTruthy();
    expect(alert.getByText('1 h ago')).toBeTruthy();
    expect(screen.getByText('5 unread')).toBeTruthy();
  });

  it('merges several accounts, marks each row with its account and filters by account', async () => {
    const fake = new FakeBridge({
      accounts: [
        makeAccount(),
        makeAccount({ id: 'beta', instanceName: 'Beta Corp', baseUrl: 'https://beta.test' }),
      ],
      notifications: [
        synced('acme', [
          makeGroup({ workPackageId: 1, subject: 'From ACME', latestAt: minutesAgo(10) }),
        ]),
        synced('beta', [
          makeGroup({ workPackageId: 1, subject: 'From Beta', latestAt: minutesAgo(2) }),
        ]),
      ],
    });
    const { user } = renderWithBridge(<Widget />, { fake });

    await screen.findByText('From Beta');
    const [first, second] = rows();
    expect(within(first!).getByText('Beta Corp')).toBeTruthy();
    expect(within(second!).getByText('ACME OpenProject')).toBeTruthy();

    await user.selectOptions(screen.getByRole('combobox', { name: 'Account' }), 'ACME OpenProject');
    expect(rows()).toHaveLength(1);
    expect(screen.queryByText('From Beta')).toBeNull();
  });

  it('filters by reason and by project, and says when nothing matches', async () => {
    const fake = new FakeBridge({
      accounts: [makeAccount()],
      notifications: [
        synced('acme', [
          makeGroup({
            workPackageId: 1,
            subject: 'Mention',
            reasons: ['mentioned'],
            projectId: 1,
            projectName: 'Alpha',
          }),
          makeGroup({
            workPackageId: 2,
            subject: 'Assignment',
            reasons: ['assigned'],
            projectId: 2,
            projectName: 'Beta',
          }),
        ]),
      ],
    });
    const { user } = renderWithBridge(<Widget />, { fake });
    await screen.findByText('Mention');
    // The filter choices come a moment after the rows (a deferred render).
    await screen.findByRole('option', { name: 'Assigned' });

    await user.selectOptions(screen.getByRole('combobox', { name: 'Reason' }), 'Assigned');
    expect(screen.queryByText('Mention')).toBeNull();
    expect(screen.getByText('Assignment')).toBeTruthy();

    await user.selectOptions(screen.getByRole('combobox', { name: 'Project' }), 'Alpha');
    expect(
      screen.getByRole('heading', { name: 'No notifications match these filters' }),
    ).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Clear filters' }));
    expect(rows()).toHaveLength(2);
  });

  it('opens a work package in the browser on click and marks its notifications read', async () => {
    const fake = new FakeBridge({
      accounts: [makeAccount()],
      notifications: [synced('acme', [makeGroup({ workPackageId: 42, subject: 'Fix the login' })])],
    });
    const { user } = renderWithBridge(<Widget />, { fake });

    await user.click(await screen.findByRole('button', { name: 'Task Fix the login' }));

    await waitFor(() => expect(fake.requests('markRead')).toHaveLength(1));
    expect(fake.requests('openInBrowser')).toEqual([
      { kind: 'workPackage', accountId: 'acme', workPackageId: 42 },
    ]);
    expect(fake.requests('markRead')).toEqual([
      { kind: 'workPackage', accountId: 'acme', workPackageId: 42 },
    ]);
    expect(await screen.findByRole('heading', { name: "You're all caught up" })).toBeTruthy();
  });

  it('marks one item read, then all of them, and brings a row back when marking fails', async () => {
    const fake = new FakeBridge({
      accounts: [makeAccount()],
      notifications: [
        synced('acme', [
          makeGroup({ workPackageId: 1, subject: 'First' }),
          makeGroup({ workPackageId: 2, subject: 'Second', latestAt: minutesAgo(9) }),
          makeGroup({ workPackageId: 3, subject: 'Third', latestAt: minutesAgo(20) }),
        ]),
      ],
    });
    const { user } = renderWithBridge(<Widget />, { fake });

    await user.click(await screen.findByRole('button', { name: 'Mark as read: First' }));
    await waitFor(() => expect(screen.queryByText('First')).toBeNull());
    expect(fake.requests('openInBrowser')).toHaveLength(0);

    fake.handle('markRead', () => ({
      ok: false,
      error: { kind: 'unreachable', message: 'OpenProject could not be reached.' },
    }));
    await user.click(screen.getByRole('button', { name: 'Mark as read: Second' }));
    expect(await screen.findByRole('alert')).toHaveProperty(
      'textContent',
      expect.stringContaining('could not be reached'),
    );
    expect(screen.getByText('Second')).toBeTruthy();

    fake.handle('markRead', () => ({ ok: true, value: null }));
    await user.click(screen.getByRole('button', { name: 'Mark all as read' }));
    expect(fake.requests('markRead').at(-1)).toEqual({ kind: 'all', accountId: 'acme' });
    await waitFor(() => expect(screen.queryByText('Third')).toBeNull());
  });

  it('refreshes now and links to the notification center', async () => {
    const fake = new FakeBridge({ accounts: [makeAccount()], notifications: [synced('acme', [])] });
    const { user } = renderWithBridge(<Widget />, { fake });
    await user.click(await screen.findByRole('button', { name: 'Refresh now' }));
    expect(fake.requests('refreshNow')).toEqual([{}]);
    await user.click(screen.getByRole('button', { name: 'Open the notification center' }));
    expect(fake.requests('openInBrowser')).toEqual([
      { kind: 'notificationCenter', accountId: 'acme' },
    ]);
  });

  it('follows pushed events: a new snapshot and new counts appear without reloading', async () => {
    const fake = new FakeBridge({ accounts: [makeAccount()], notifications: [synced('acme', [])] });
    renderWithBridge(<Widget />, { fake });
    await screen.findByRole('heading', { name: "You're all caught up" });

    fake.state.notifications = [synced('acme', [makeGroup({ subject: 'Just arrived', count: 2 })])];
    act(() => fake.emit('notificationsChanged', fake.snapshot()));
    expect(await screen.findByText('Just arrived')).toBeTruthy();
    expect(screen.getByText('2 unread')).toBeTruthy();
    act(() => fake.emit('unreadChanged', { total: 9, perAccount: { acme: 9 } }));
    expect(screen.getByText('9 unread')).toBeTruthy();
  });
});
