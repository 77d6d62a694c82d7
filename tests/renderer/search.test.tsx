// @vitest-environment jsdom
import { act, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { QuickSearch } from '../../renderer/src/search/QuickSearch';
import { FakeBridge } from './fake-bridge';
import { hit, makeAccount } from './fixtures';
import { renderWithBridge } from './render';

/** A short debounce keeps the tests quick; the timing itself is proved in search-session.test.ts. */
const DEBOUNCE = 20;

function setup(fake = new FakeBridge()) {
  fake.state.accounts = [makeAccount()];
  fake.state.workPackages = [
    hit('acme', {
      id: 7,
      subject: 'Login fails on Safari',
      type: 'Bug',
      status: 'New',
      project: 'Website',
      assignee: 'Jane Doe',
    }),
    hit('acme', {
      id: 123,
      subject: 'Release notes for 17.1',
      type: 'Task',
      status: 'In progress',
      project: 'Docs',
      assignee: null,
    }),
    hit('acme', { id: 1234, subject: 'Log rotation', type: 'Feature' }),
  ];
  fake.state.recent = [hit('acme', { id: 55, subject: 'Recently opened' })];
  return renderWithBridge(<QuickSearch debounceMs={DEBOUNCE} />, { fake });
}

const input = () => screen.getByRole('combobox', { name: 'Search work packages' });
const options = () => within(screen.getByRole('listbox')).queryAllByRole('option');

describe('quick search', () => {
  it('focuses the input on open and shows recent work packages before typing', async () => {
    setup();
    expect(document.activeElement).toBe(input());
    expect(await screen.findByText('Recently opened')).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Recent work packages' })).toBeTruthy();
  });

  it('shows type, subject, #id, status, project and assignee of each result', async () => {
    const { user, fake } = setup();
    await user.type(input(), 'safari');
    const [result] = await waitFor(() => {
      const found = options();
      expect(found).toHaveLength(1);
      return found;
    });
    const row = within(result!);
    for (const text of [
      'Bug',
      'Login fails on Safari',
      '#7',
      'New',
      'Website',
      'Assignee: Jane Doe',
    ]) {
      expect(row.getByText(text)).toBeTruthy();
    }
    expect(screen.getByRole('status').textContent).toBe('1 work package');
    expect(fake.requests('search').map((r) => r.text)).toEqual(['safari']);
  });

  it('"#123" puts that work package first, and Enter opens it in the browser and closes', async () => {
    const { user, fake } = setup();
    await user.type(input(), '#123');
    await waitFor(() => expect(options()[0]?.textContent).toContain('Release notes for 17.1'));
    expect(options()[0]?.getAttribute('aria-selected')).toBe('true');
    await user.keyboard('{Enter}');
    expect(fake.requests('openInBrowser')).toEqual([
      { kind: 'workPackage', accountId: 'acme', workPackageId: 123 },
    ]);
    await waitFor(() => expect(fake.requests('windowAction')).toEqual([{ action: 'hide' }]));
  });

  it('Enter pressed before the results arrive opens the first result once they do', async () => {
    const { user, fake } = setup();
    await user.type(input(), '123{Enter}');
    await waitFor(() =>
      expect(fake.requests('openInBrowser')).toEqual([
        { kind: 'workPackage', accountId: 'acme', workPackageId: 123 },
      ]),
    );
  });

  it('↑/↓ move the active result (announced through aria-activedescendant), Enter opens it', async () => {
    const { user, fake } = setup();
    await user.type(input(), 'lo');
    await waitFor(() => expect(options()).toHaveLength(2));
    expect(input().getAttribute('aria-activedescendant')).toBe(options()[0]?.id);

    await user.keyboard('{ArrowDown}');
    expect(input().getAttribute('aria-activedescendant')).toBe(options()[1]?.id);
    expect(options()[1]?.getAttribute('aria-selected')).toBe('true');
    await user.keyboard('{ArrowDown}');
    expect(input().getAttribute('aria-activedescendant')).toBe(options()[1]?.id);
    await user.keyboard('{ArrowUp}{ArrowDown}{Enter}');
    expect(fake.requests('openInBrowser')).toEqual([
      { kind: 'workPackage', accountId: 'acme', workPackageId: 1234 },
    ]);
  });

  it('new results start again at the first one', async () => {
    const { user } = setup();
    await user.type(input(), 'lo');
    await waitFor(() => expect(options()).toHaveLength(2));
    await user.keyboard('{ArrowDown}');
    expect(input().getAttribute('aria-activedescendant')).toBe(options()[1]?.id);

    await user.keyboard('{Backspace}');
    await waitFor(() => expect(options()).toHaveLength(3));
    expect(input().getAttribute('aria-activedescendant')).toBe(options()[0]?.id);
    expect(options()[0]?.getAttribute('aria-selected')).toBe('true');
  });

  it('Esc closes the window', async () => {
    const { user, fake } = setup();
    await user.keyboard('{Escape}');
    expect(fake.requests('windowAction')).toEqual([{ action: 'hide' }]);
  });

  it('cancels a search that is overtaken by typing and shows only the newest answer', async () => {
    const fake = new FakeBridge();
    fake.holdSearches = true;
    const { user } = setup(fake);
    await user.type(input(), 'log');
    await waitFor(() => expect(fake.requests('search')).toHaveLength(1));
    const first = fake.requests('search')[0]!.requestId;

    await user.type(input(), 'in');
    await waitFor(() => expect(fake.requests('search')).toHaveLength(2));
    expect(fake.requests('cancelSearch')).toEqual([{ requestId: first }]);
    expect(screen.getByRole('status').textContent).toBe('Searching…');

    act(() => fake.releaseSearch(fake.requests('search')[1]!.requestId));
    await waitFor(() => expect(options().map((o) => o.textContent)).toHaveLength(1));
    expect(options()[0]?.textContent).toContain('Login fails on Safari');
  });

  it('marks results by account when there are several, and says which account failed', async () => {
    const fake = new FakeBridge();
    const { user } = setup(fake);
    fake.state.accounts = [
      makeAccount(),
      makeAccount({ id: 'beta', instanceName: 'Beta Corp', baseUrl: 'https://beta.test' }),
    ];
    act(() => fake.emit('accountsChanged', fake.state.accounts));
    fake.handle('search', ({ requestId }) => ({
      ok: true,
      value: {
        requestId,
        hits: [
          hit('acme', { id: 1, subject: 'From ACME' }),
          hit('beta', { id: 1, subject: 'From Beta' }),
        ],
        failures: [{ accountId: 'beta', error: { kind: 'timeout', message: 'Too slow.' } }],
      },
    }));
    await user.type(input(), 'from');
    await waitFor(() => expect(options()).toHaveLength(2));
    expect(within(options()[0]!).getByText('ACME OpenProject')).toBeTruthy();
    expect(within(options()[1]!).getByText('Beta Corp')).toBeTruthy();
    expect(screen.getByText(/^Beta Corp: The server took too long/)).toBeTruthy();
  });

  it('says when nothing matches, and when main shows the window again starts fresh', async () => {
    const { user, fake } = setup();
    await user.type(input(), 'zebra');
    expect(await screen.findByText('No work package matches “zebra”.')).toBeTruthy();
    input().blur();
    act(() => fake.emit('windowShown', { view: 'search' }));
    expect((input() as HTMLInputElement).value).toBe('');
    expect(document.activeElement).toBe(input());
    expect(await screen.findByText('Recently opened')).toBeTruthy();
  });
});
