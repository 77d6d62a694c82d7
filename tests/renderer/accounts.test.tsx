// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { AccountsPage } from '../../renderer/src/settings/AccountsPage';
import { FakeBridge } from './fake-bridge';
import { makeAccount, makeGroup, synced } from './fixtures';
import { renderWithBridge } from './render';

function twoAccounts() {
  return new FakeBridge({
    accounts: [
      makeAccount(),
      makeAccount({
        id: 'beta',
        instanceName: 'Beta Corp',
        baseUrl: 'https://beta.test',
        authMethod: 'oauth',
        state: { kind: 'needs-sign-in', message: 'The OAuth grant was revoked.' },
      }),
    ],
    notifications: [synced('acme', [makeGroup()])],
  });
}

const card = (name: string) => screen.getByRole('listitem', { name });

describe('the accounts page', () => {
  it('lists every account with its state in words', async () => {
    renderWithBridge(<AccountsPage />, { fake: twoAccounts() });
    const acme = within(await screen.findByRole('listitem', { name: 'ACME OpenProject' }));
    expect(acme.getByText('Connected')).toBeTruthy();
    expect(acme.getByText('Signed in as Jane Doe with an API token')).toBeTruthy();
    const beta = within(card('Beta Corp'));
    expect(beta.getByText('Sign-in needed')).toBeTruthy();
    expect(beta.getByText('The OAuth grant was revoked.')).toBeTruthy();
    expect(beta.getByText('Signed in as Jane Doe with OAuth')).toBeTruthy();
  });

  it('reconnects, and sends an account that needs it to the sign-in', async () => {
    const { user, fake } = renderWithBridge(<AccountsPage />, { fake: twoAccounts() });
    await user.click(
      within(await screen.findByRole('listitem', { name: 'ACME OpenProject' })).getByRole(
        'button',
        { name: 'Reconnect' },
      ),
    );
    expect(fake.requests('reconnect')).toEqual([{ accountId: 'acme' }]);
    expect(await screen.findByText('Reconnected.')).toBeTruthy();

    await user.click(within(card('Beta Corp')).getByRole('button', { name: 'Sign in again' }));
    expect(window.location.hash).toBe('#/wizard?account=beta');
  });

  it('an OAuth account: the confirmation says the sign-in is revoked on the server', async () => {
    const { user } = renderWithBridge(<AccountsPage />, { fake: twoAccounts() });
    await user.click(
      within(await screen.findByRole('listitem', { name: 'Beta Corp' })).getByRole('button', {
        name: 'Remove',
      }),
    );
    const dialog = screen.getByRole('alertdialog', { name: 'Remove Beta Corp?' });
    expect(within(dialog).getByText(/sign-in is revoked on the server/)).toBeTruthy();
    expect(within(dialog).queryByText(/stays valid/)).toBeNull();
  });

  it('an API-token account: the confirmation says the token stays valid in OpenProject', async () => {
    const { user, fake } = renderWithBridge(<AccountsPage />, { fake: twoAccounts() });
    await user.click(
      within(await screen.findByRole('listitem', { name: 'ACME OpenProject' })).getByRole(
        'button',
        { name: 'Disconnect' },
      ),
    );

    const dialog = screen.getByRole('alertdialog', { name: 'Disconnect from ACME OpenProject?' });
    expect(
      within(dialog).getByText(/deleted from this computer.*stays valid until you delete it/),
    ).toBeTruthy();
    expect(within(dialog).queryByText(/revoked on the server/)).toBeNull();
    expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: 'Cancel' }));
    await user.click(within(dialog).getByRole('button', { name: 'Disconnect' }));

    expect(fake.requests('disconnect')).toEqual([{ accountId: 'acme' }]);
    await waitFor(() =>
      expect(within(card('ACME OpenProject')).getByText('Signed out')).toBeTruthy(),
    );
    expect(screen.queryByRole('alertdialog')).toBeNull();
  });

  it('removes an account after confirming; Esc in the dialog changes nothing', async () => {
    const { user, fake } = renderWithBridge(<AccountsPage />, { fake: twoAccounts() });
    await user.click(
      within(await screen.findByRole('listitem', { name: 'Beta Corp' })).getByRole('button', {
        name: 'Remove',
      }),
    );
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(fake.requests('removeAccount')).toEqual([]);

    await user.click(within(card('Beta Corp')).getByRole('button', { name: 'Remove' }));
    await user.click(
      within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Remove' }),
    );
    expect(fake.requests('removeAccount')).toEqual([{ accountId: 'beta' }]);
    await waitFor(() => expect(screen.queryByRole('listitem', { name: 'Beta Corp' })).toBeNull());
  });

  it("changes an account's options: its name and its desktop notifications", async () => {
    const { user, fake } = renderWithBridge(<AccountsPage />, { fake: twoAccounts() });
    const acme = within(await screen.findByRole('listitem', { name: 'ACME OpenProject' }));
    await user.click(
      acme.getByRole('checkbox', { name: 'Desktop notifications for this account' }),
    );
    await user.type(acme.getByLabelText('Name shown in the app'), 'Work{Enter}');
    expect(fake.requests('updateAccount')).toEqual([
      { accountId: 'acme', options: { notify: false } },
      { accountId: 'acme', options: { label: 'Work' } },
    ]);
    expect(await screen.findByRole('listitem', { name: 'Work' })).toBeTruthy();
  });

  it('"Reset everything" says what will be deleted before it deletes, then starts the setup', async () => {
    const { user, fake } = renderWithBridge(<AccountsPage />, { fake: twoAccounts() });
    await screen.findByRole('listitem', { name: 'ACME OpenProject' });
    await user.click(screen.getByRole('button', { name: 'Reset everything…' }));
    const dialog = within(screen.getByRole('alertdialog', { name: 'Reset everything?' }));
    expect(
      dialog.getByText('2 accounts and their sign-ins (revoked on the server where possible)'),
    ).toBeTruthy();
    expect(
      dialog.getByText(/your settings: check interval, notification reasons, shortcut/),
    ).toBeTruthy();
    expect(dialog.getByText('the cached notifications and recent work packages')).toBeTruthy();

    await user.click(dialog.getByRole('button', { name: 'Cancel' }));
    expect(fake.requests('resetEverything')).toEqual([]);

    await user.click(screen.getByRole('button', { name: 'Reset everything…' }));
    await user.click(screen.getByRole('button', { name: 'Delete everything' }));
    expect(fake.requests('resetEverything')).toEqual([null]);
    await waitFor(() => expect(window.location.hash).toBe('#/wizard'));
  });
});
