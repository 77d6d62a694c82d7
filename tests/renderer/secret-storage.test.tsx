// @vitest-environment jsdom
/**
 * The weak-storage banner (no keyring on Linux): shown in the settings and in the wizard's sign-in
 * step only while main says storage is weak, with the two choices as buttons in a labelled group;
 * the decision goes to main, the banner follows it (and main's pushed changes), in both languages.
 */
import { act, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { SecretStorageBanner } from '../../renderer/src/settings/SecretStorageBanner';
import { SettingsView } from '../../renderer/src/settings/SettingsView';
import { Wizard } from '../../renderer/src/wizard/Wizard';
import { FakeBridge, secretStorage } from './fake-bridge';
import { probeAnswer } from './fixtures';
import { renderWithBridge, type Rendered } from './render';

const URL = 'https://op.acme.test';
const JANE = { id: 7, name: 'Jane Doe' };

function weak(decision: 'undecided' | 'accepted' | 'declined' = 'undecided') {
  return new FakeBridge({
    secretStorage: secretStorage({ backend: 'basic_text', decision }),
    instances: { [URL]: probeAnswer() },
    tokens: { 'good-token': JANE },
  });
}

const banner = (name = 'No keyring found') => screen.findByRole('region', { name });
/** The names of the buttons in a group, in order. */
const buttonNames = (group: HTMLElement) =>
  within(group)
    .getAllByRole('button')
    .map((button) => button.textContent);
const anyBanner = () =>
  screen.queryByRole('region', { name: /No keyring found|stored with weak protection/ });

describe('the weak-storage banner in the settings', () => {
  it('is not there when sign-ins are in the keychain', async () => {
    const { fake } = renderWithBridge(<SettingsView />);
    expect(await screen.findByRole('tab', { name: 'Accounts' })).toBeTruthy();
    await act(() => Promise.resolve());
    expect(fake.requests('getSecretStorage')).toHaveLength(1);
    expect(anyBanner()).toBeNull();
    expect(screen.queryByText(/keyring/i)).toBeNull();
  });

  it('explains, says how to fix it, and offers the two choices', async () => {
    renderWithBridge(<SettingsView />, { fake: weak() });
    const region = await banner();
    expect(
      within(region).getByRole('heading', { level: 2, name: 'No keyring found' }),
    ).toBeTruthy();
    expect(region.textContent).toMatch(/would be stored with weak protection/);
    expect(region.textContent).toMatch(
      /install or unlock GNOME Keyring or KWallet, then restart OpenProject Tray/,
    );
    expect(region.getAttribute('aria-describedby')).toBeTruthy();
    const choices = within(region).getByRole('group', { name: 'How do you want to continue?' });
    expect(buttonNames(choices)).toEqual(['Set up a keyring first', 'Store with weak protection']);
  });

  it('accepts weak protection: main is told, the banner says so and keeps the focus', async () => {
    const { user, fake } = renderWithBridge(<SettingsView />, { fake: weak() });
    const region = await banner();
    await user.click(within(region).getByRole('button', { name: 'Store with weak protection' }));
    expect(fake.requests('decideWeakSecretStorage')).toEqual([{ decision: 'accepted' }]);

    const accepted = await banner('Sign-ins are stored with weak protection');
    expect(within(accepted).getByRole('status').textContent).toBe(
      'New sign-ins will be stored with weak protection.',
    );
    expect(document.activeElement).toBe(within(accepted).getByRole('heading'));
    expect(accepted.textContent).toMatch(/anyone who can read your files could use/);
    await user.click(
      within(accepted).getByRole('button', {
        name: 'Stop storing new sign-ins with weak protection',
      }),
    );
    expect(fake.requests('decideWeakSecretStorage').at(-1)).toEqual({ decision: 'declined' });
    expect(await banner()).toBeTruthy();
  });

  it('declines: no sign-in until there is a keyring, with a way to change one’s mind', async () => {
    const { user, fake } = renderWithBridge(<SettingsView />, { fake: weak() });
    await user.click(
      within(await banner()).getByRole('button', { name: 'Set up a keyring first' }),
    );
    expect(fake.requests('decideWeakSecretStorage')).toEqual([{ decision: 'declined' }]);
    const region = await banner();
    expect(within(region).getByRole('status').textContent).toBe(
      'No sign-in will be stored until a keyring is available.',
    );
    expect(region.textContent).toMatch(/You chose not to store sign-ins with weak protection/);
    expect(
      within(region)
        .getAllByRole('button')
        .map((button) => button.textContent),
    ).toEqual(['Store with weak protection anyway']);
  });

  it('follows a decision pushed by main (another window, or a reset)', async () => {
    const fake = weak();
    renderWithBridge(<SecretStorageBanner />, { fake });
    await banner();
    act(() =>
      fake.emit(
        'secretStorageChanged',
        secretStorage({ backend: 'basic_text', decision: 'accepted' }),
      ),
    );
    expect(await banner('Sign-ins are stored with weak protection')).toBeTruthy();
    act(() => fake.emit('secretStorageChanged', secretStorage({ backend: 'os-keychain' })));
    expect(anyBanner()).toBeNull();
  });

  it('shows why a decision was not saved', async () => {
    const fake = weak();
    fake.handle('decideWeakSecretStorage', () => ({
      ok: false,
      error: { kind: 'storage', message: 'The settings could not be written (EACCES).' },
    }));
    const { user } = renderWithBridge(<SecretStorageBanner />, { fake });
    await user.click(
      within(await banner()).getByRole('button', { name: 'Store with weak protection' }),
    );
    expect((await screen.findByRole('alert')).textContent).toMatch(/EACCES/);
    expect(await banner()).toBeTruthy();
  });

  it('speaks German', async () => {
    renderWithBridge(<SettingsView />, { fake: weak(), language: 'de' });
    const region = await banner('Kein Schlüsselbund gefunden');
    expect(region.textContent).toMatch(/GNOME Keyring oder KWallet/);
    const choices = within(region).getByRole('group', { name: 'Wie möchten Sie fortfahren?' });
    expect(buttonNames(choices)).toEqual([
      'Erst einen Schlüsselbund einrichten',
      'Schwach geschützt speichern',
    ]);
  });
});

describe('the weak-storage banner in the wizard', () => {
  async function toTokenStep({ user }: Rendered) {
    await user.type(await screen.findByLabelText('OpenProject address'), 'op.acme.test');
    await user.click(screen.getByRole('button', { name: 'Check' }));
    await user.click(await screen.findByRole('button', { name: 'Continue' }));
    await user.click(screen.getByRole('radio', { name: 'API token' }));
    await user.click(screen.getByRole('button', { name: 'Continue' }));
  }

  it('appears at the sign-in step only; the token is saved once weak protection is accepted', async () => {
    const rendered = renderWithBridge(<Wizard accountId={null} />, { fake: weak() });
    const { user, fake } = rendered;
    await screen.findByLabelText('OpenProject address');
    expect(anyBanner()).toBeNull();
    await toTokenStep(rendered);

    const region = await banner();
    expect(within(region).getByRole('heading', { level: 3 })).toBeTruthy();
    await user.type(screen.getByLabelText('API token'), 'good-token');
    await user.click(screen.getByRole('button', { name: 'Connect' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toMatch(/could not save its data/);
    expect(alert.textContent).toMatch(/there is no keyring/);

    await user.click(within(region).getByRole('button', { name: 'Store with weak protection' }));
    await banner('Sign-ins are stored with weak protection');
    await user.click(screen.getByRole('button', { name: 'Connect' }));
    expect(await screen.findByRole('heading', { name: 'Connected as Jane Doe' })).toBeTruthy();
    expect(fake.requests('connectWithToken')).toHaveLength(2);
  });

  it('is not there with a keychain', async () => {
    const fake = new FakeBridge({
      instances: { [URL]: probeAnswer() },
      tokens: { 'good-token': JANE },
    });
    const rendered = renderWithBridge(<Wizard accountId={null} />, { fake });
    await toTokenStep(rendered);
    expect(await screen.findByLabelText('API token')).toBeTruthy();
    await act(() => Promise.resolve());
    expect(anyBanner()).toBeNull();
  });
});
