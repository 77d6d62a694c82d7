// @vitest-environment jsdom
import { act, render, screen, waitFor } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../renderer/src/App';
import { BRIDGE_READY_EVENT } from '../../renderer/src/bridge/BridgeContext';
import { createI18n, pickLanguage, type Language } from '../../renderer/src/i18n';
import { parseRoute } from '../../renderer/src/route';
import { FakeBridge } from './fake-bridge';
import { makeAccount, synced } from './fixtures';
import './render';

function renderApp(language: Language = 'en') {
  return render(
    <I18nextProvider i18n={createI18n(language)}>
      <App />
    </I18nextProvider>,
  );
}

function installBridge(
  fake = new FakeBridge({ accounts: [makeAccount()], notifications: [synced('acme', [])] }),
) {
  window.openprojectTray = fake.bridge;
  return fake;
}

afterEach(() => {
  delete window.openprojectTray;
  history.replaceState(null, '', '/');
});

describe('one renderer build, one view per window', () => {
  it('reads the view from the hash or the query', () => {
    expect(parseRoute({ hash: '#/search', search: '' })).toEqual({
      view: 'search',
      accountId: null,
    });
    expect(parseRoute({ hash: '#/wizard?account=a%201', search: '' })).toEqual({
      view: 'wizard',
      accountId: 'a 1',
    });
    expect(parseRoute({ hash: '', search: '?view=settings' })).toEqual({
      view: 'settings',
      accountId: null,
    });
    expect(parseRoute({ hash: '#/nonsense', search: '' })).toEqual({ view: null, accountId: null });
  });

  it('waits for the bridge, showing "Starting…", and goes on once the harness announces it', async () => {
    renderApp();
    expect(screen.getByRole('heading', { name: 'OpenProject Tray' })).toBeTruthy();
    expect(screen.getByRole('status').textContent).toBe('Starting…');

    installBridge();
    act(() => {
      window.dispatchEvent(new Event(BRIDGE_READY_EVENT));
    });
    expect(await screen.findByRole('heading', { name: "You're all caught up" })).toBeTruthy();
    expect(document.title).toBe('Notifications – OpenProject Tray');
  });

  it.each([
    ['#/widget', 'Notifications'],
    ['#/settings', 'Settings'],
    ['#/wizard', 'Add an account'],
    ['#/search', 'Quick search'],
  ])('%s shows its view', async (hash, heading) => {
    installBridge();
    window.location.hash = hash;
    renderApp();
    expect(await screen.findByRole('heading', { name: heading, level: 1 })).toBeTruthy();
  });

  it('switches the settings window to the wizard when main asks for a sign-in', async () => {
    const fake = installBridge();
    window.location.hash = '#/settings';
    renderApp();
    await screen.findByRole('heading', { name: 'Settings', level: 1 });
    act(() => fake.emit('windowShown', { view: 'wizard', accountId: 'acme' }));
    expect(
      await screen.findByRole('heading', { name: 'Sign in again to ACME OpenProject' }),
    ).toBeTruthy();
    expect(window.location.hash).toBe('#/wizard?account=acme');
  });

  it('speaks German when the system does', async () => {
    expect(pickLanguage(['de-AT', 'en-US'])).toBe('de');
    expect(pickLanguage(['fr-FR', 'en-GB'])).toBe('en');
    expect(pickLanguage(['fr-FR'])).toBe('en');
    installBridge();
    renderApp('de');
    expect(await screen.findByRole('heading', { name: 'Alles erledigt' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Jetzt aktualisieren' })).toBeTruthy();
    await waitFor(() => expect(document.documentElement.lang).toBe('de'));
  });
});
