// @vitest-environment jsdom
import { act, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { Widget } from '../../renderer/src/widget/Widget';
import { FakeBridge } from './fake-bridge';
import { makeAccount, makeGroup, minutesAgo, synced } from './fixtures';
import { stubListLayout } from './layout';
import { renderWithBridge } from './render';

stubListLayout();

function manyGroups(count: number) {
  return Array.from({ length: count }, (_, index) =>
    makeGroup({
      workPackageId: index + 1,
      subject: `Work package number ${index + 1}`,
      latestAt: minutesAgo(index + 1),
    }),
  );
}

const list = () => screen.getByRole('list', { name: /work packages? with unread/ });

describe('the widget with the keyboard, and with 1,000+ notifications', () => {
  it('renders only the rows in view out of 1,500 groups, with their true position in the set', async () => {
    const fake = new FakeBridge({
      accounts: [makeAccount()],
      notifications: [synced('acme', manyGroups(1500))],
    });
    renderWithBridge(<Widget />, { fake });

    await screen.findByText('Work package number 1');
    const rendered = within(list()).getAllByRole('listitem');
    expect(rendered.length).toBeGreaterThan(5);
    expect(rendered.length).toBeLessThan(30);
    expect(rendered[0]?.getAttribute('aria-setsize')).toBe('1500');
    expect(rendered[0]?.getAttribute('aria-posinset')).toBe('1');
    expect(list().getAttribute('aria-label')).toBe('1500 work packages with unread notifications');
  });

  it('↓/↑ move between rows, End reaches the last of 1,500, Enter opens the focused one', async () => {
    const fake = new FakeBridge({
      accounts: [makeAccount()],
      notifications: [synced('acme', manyGroups(1500))],
    });
    const { user } = renderWithBridge(<Widget />, { fake });

    const first = await screen.findByRole('button', { name: 'Task Work package number 1' });
    first.focus();
    await user.keyboard('{ArrowDown}');
    expect(document.activeElement).toBe(
      screen.getByRole('button', { name: 'Task Work package number 2' }),
    );
    await user.keyboard('{ArrowDown}{ArrowUp}{ArrowUp}');
    expect(document.activeElement).toBe(first);

    await user.keyboard('{End}');
    await waitFor(() =>
      expect(document.activeElement).toBe(
        screen.getByRole('button', { name: 'Task Work package number 1500' }),
      ),
    );
    await user.keyboard('{Enter}');
    expect(fake.requests('openInBrowser')).toEqual([
      { kind: 'workPackage', accountId: 'acme', workPackageId: 1500 },
    ]);
  });

  it('Tab reaches the row\'s "Mark as read", which Enter activates', async () => {
    const fake = new FakeBridge({
      accounts: [makeAccount()],
      notifications: [synced('acme', manyGroups(2))],
    });
    const { user } = renderWithBridge(<Widget />, { fake });
    (await screen.findByRole('button', { name: 'Task Work package number 1' })).focus();
    await user.tab();
    expect(document.activeElement).toBe(
      screen.getByRole('button', { name: 'Mark as read: Work package number 1' }),
    );
    await user.keyboard('{Enter}');
    await waitFor(() => expect(screen.queryByText('Work package number 1')).toBeNull());
    expect(fake.requests('openInBrowser')).toHaveLength(0);
  });

  it('Esc hides the widget window, but first closes an open menu', async () => {
    const fake = new FakeBridge({ accounts: [makeAccount()], notifications: [synced('acme', [])] });
    const { user } = renderWithBridge(<Widget />, { fake });
    await user.click(await screen.findByRole('button', { name: 'Pause notifications' }));
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Snooze for 1 hour' }));
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('button', { name: 'Snooze for 1 hour' })).toBeNull();
    expect(document.activeElement).toBe(
      screen.getByRole('button', { name: 'Pause notifications' }),
    );
    expect(fake.requests('windowAction')).toEqual([]);

    await user.keyboard('{Escape}');
    expect(fake.requests('windowAction')).toEqual([{ action: 'hide' }]);
  });

  it('when main shows the window again, focus lands on the first notification', async () => {
    const fake = new FakeBridge({
      accounts: [makeAccount()],
      notifications: [synced('acme', manyGroups(3))],
    });
    renderWithBridge(<Widget />, { fake });
    await screen.findByText('Work package number 1');
    act(() => fake.emit('windowShown', { view: 'widget' }));
    await waitFor(() =>
      expect(document.activeElement).toBe(
        screen.getByRole('button', { name: 'Task Work package number 1' }),
      ),
    );
  });
});
