// First: starts the window's data, view code and language loading before React's code runs.
import { languageLoaded, viewLoaded } from './startup';
import { StrictMode } from 'react';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { App } from './App';
import { trayDataPrefetchAnswered } from './bridge/trayDataPrefetch';
import { createI18n } from './i18n';
import './styles/base.css';
import './styles/controls.css';
import './styles/widget.css';
import './styles/search.css';
import './styles/forms.css';

async function start(element: HTMLElement): Promise<void> {
  const [language, answered] = await Promise.all([
    languageLoaded,
    trayDataPrefetchAnswered(),
    viewLoaded, // another view's code: its first render shows it rather than a blank moment
  ]);
  const root = createRoot(element);
  const app = (
    <StrictMode>
      <I18nextProvider i18n={createI18n(language)}>
        <App />
      </I18nextProvider>
    </StrictMode>
  );
  // The widget's data is in (the bridge answered at once): the first render shows the list, and it
  // runs now rather than in a task of its own after a frame with nothing to show.
  if (answered) flushSync(() => root.render(app));
  else root.render(app);
}

const element = document.getElementById('root');
if (element) void start(element);
