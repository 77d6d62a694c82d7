import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { App } from './App';
import { createI18n, pickLanguage } from './i18n';
import './styles/base.css';
import './styles/controls.css';
import './styles/widget.css';
import './styles/search.css';
import './styles/forms.css';

const root = document.getElementById('root');
if (root) {
  const i18n = createI18n(pickLanguage(navigator.languages));
  createRoot(root).render(
    <StrictMode>
      <I18nextProvider i18n={i18n}>
        <App />
      </I18nextProvider>
    </StrictMode>,
  );
}
