/** Renders a view with the real i18n and a fake bridge; cleans up after every test. */
import { cleanup, render, type RenderResult } from '@testing-library/react';
import userEvent, { type UserEvent } from '@testing-library/user-event';
import type { ReactElement } from 'react';
import { I18nextProvider } from 'react-i18next';
import { afterEach } from 'vitest';
import { BridgeProvider } from '../../renderer/src/bridge/BridgeContext';
import { createI18n, loadLanguage, LANGUAGES, type Language } from '../../renderer/src/i18n';
import { FakeBridge } from './fake-bridge';

// The app loads a language other than English before it renders; the tests have them all ready.
await Promise.all(LANGUAGES.map(loadLanguage));

afterEach(() => {
  cleanup();
  window.location.hash = '';
});

export interface Rendered extends RenderResult {
  fake: FakeBridge;
  user: UserEvent;
}

export function renderWithBridge(
  ui: ReactElement,
  options: { fake?: FakeBridge; language?: Language; user?: UserEvent } = {},
): Rendered {
  const fake = options.fake ?? new FakeBridge();
  const user = options.user ?? userEvent.setup();
  const i18n = createI18n(options.language ?? 'en');
  const result = render(
    <I18nextProvider i18n={i18n}>
      <BridgeProvider bridge={fake.bridge}>{ui}</BridgeProvider>
    </I18nextProvider>,
  );
  return { ...result, fake, user };
}
