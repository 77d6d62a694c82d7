// @vitest-environment jsdom
/**
 * The widget's start: the first load goes out before React (startup.ts), and when its answers are
 * in by the first render, that render shows the list at once; events pushed meanwhile still win
 * over the older answers, as they do once the widget listens itself.
 */
import { act, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { NotificationsSnapshot, Result } from '../../preload/contract';
import {
  prefetchTrayData,
  trayDataPrefetchAnswered,
} from '../../renderer/src/bridge/trayDataPrefetch';
import { Widget } from '../../renderer/src/widget/Widget';
import { FakeBridge } from './fake-bridge';
import { makeAccount, makeGroup, synced } from './fixtures';
import { stubListLayout } from './layout';
import { renderWithBridge } from './render';

stubListLayout();

const list = () => screen.getByRole('list', { name: /work packages? with unread/ });
const subjects = () =>
  within(list())
    .getAllByRole('listitem')
    .map((row) => row.querySelector('.group-subject')?.textContent);

function withGroups(...subjects: string[]) {
  return new FakeBridge({
    accounts: [makeAccount()],
    notifications: [
      synced(
        'acme',
        subjects.map((subject, index) => makeGroup({ workPackageId: index + 1, subject })),
      ),
    ],
  });
}

describe('the widget starts with its data already asked for', () => {
  it('shows the list in its first render when the answers came before it', async () => {
    const fake = withGroups('First', 'Second');
    prefetchTrayData(fake.bridge);
    expect(await trayDataPrefetchAnswered()).toBe(true);

    renderWithBridge(<Widget />, { fake });
    // No "Loading…" render in between, and no second request for the same data.
    expect(subjects()).toEqual(['First', 'Second']);
    expect(screen.queryByText('Loading your notifications…')).toBeNull();
    expect(fake.requests('getNotifications')).toHaveLength(1);
  });

  it('says "Loading…" until slow answers come, then shows them', async () => {
    const fake = withGroups('Slow one');
    let answer: (result: Result<NotificationsSnapshot>) => void = () => {};
    fake.handle('getNotifications', () => new Promise((resolve) => (answer = resolve)));
    prefetchTrayData(fake.bridge);
    expect(await trayDataPrefetchAnswered()).toBe(false);

    renderWithBridge(<Widget />, { fake });
    expect(await screen.findByText('Loading your notifications…')).toBeTruthy();
    answer({ ok: true, value: fake.snapshot() });
    expect(await screen.findByText('Slow one')).toBeTruthy();
    expect(subjects()).toEqual(['Slow one']);
    expect(fake.requests('getNotifications')).toHaveLength(1);
  });

  it('keeps an event pushed before the answers, over the older answers', async () => {
    const fake = withGroups('Old');
    let answer: (result: Result<NotificationsSnapshot>) => void = () => {};
    const old = fake.snapshot();
    fake.handle('getNotifications', () => new Promise((resolve) => (answer = resolve)));
    prefetchTrayData(fake.bridge);

    const pushed = withGroups('Pushed').snapshot();
    fake.emit('notificationsChanged', pushed);
    answer({ ok: true, value: old });
    expect(await trayDataPrefetchAnswered()).toBe(true);

    renderWithBridge(<Widget />, { fake });
    expect(subjects()).toEqual(['Pushed']);
  });

  it('takes events pushed after the answers, and loads afresh when shown again', async () => {
    const fake = withGroups('Before');
    prefetchTrayData(fake.bridge);
    await trayDataPrefetchAnswered();

    const { unmount } = renderWithBridge(<Widget />, { fake });
    act(() => fake.emit('notificationsChanged', withGroups('After').snapshot()));
    expect(subjects()).toEqual(['After']);
    unmount();

    renderWithBridge(<Widget />, { fake });
    expect(await screen.findByText('Before')).toBeTruthy();
    expect(fake.requests('getNotifications')).toHaveLength(2);
  });
});
