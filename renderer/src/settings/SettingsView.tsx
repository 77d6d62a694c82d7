import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppInfo } from '../../../preload/contract';
import { useBridge } from '../bridge/BridgeContext';
import { AccountsPage } from './AccountsPage';
import { OptionsForm } from './OptionsForm';
import { SecretStorageBanner } from './SecretStorageBanner';

const TABS = ['accounts', 'options'] as const;
type Tab = (typeof TABS)[number];

/** The settings window: accounts and options, as tabs (←/→ switch, as the ARIA pattern says). */
export function SettingsView() {
  const { t } = useTranslation();
  const bridge = useBridge();
  const [tab, setTab] = useState<Tab>('accounts');
  const [info, setInfo] = useState<AppInfo | null>(null);
  const tabRefs = useRef<Partial<Record<Tab, HTMLButtonElement | null>>>({});

  useEffect(() => {
    void bridge.appInfo().then((result) => result.ok && setInfo(result.value));
  }, [bridge]);

  const onKeyDown = (event: KeyboardEvent) => {
    const index = TABS.indexOf(tab);
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (step === 0) return;
    event.preventDefault();
    const next = TABS[(index + step + TABS.length) % TABS.length] ?? 'accounts';
    setTab(next);
    tabRefs.current[next]?.focus();
  };

  return (
    <main className="view settings">
      <h1>{t('settings.title')}</h1>
      <SecretStorageBanner />
      <div className="tabs" role="tablist" aria-label={t('settings.title')} onKeyDown={onKeyDown}>
        {TABS.map((name) => (
          <button
            key={name}
            type="button"
            role="tab"
            id={`tab-${name}`}
            ref={(element) => {
              tabRefs.current[name] = element;
            }}
            aria-selected={tab === name}
            aria-controls={`panel-${name}`}
            tabIndex={tab === name ? 0 : -1}
            onClick={() => setTab(name)}
          >
            {t(`settings.tabs.${name}`)}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`} className="tab-panel">
        {tab === 'accounts' ? <AccountsPage /> : <OptionsForm />}
      </div>
      {info ? (
        <p className="hint about">
          {t('settings.about', { name: info.name, version: info.version })}
        </p>
      ) : null}
    </main>
  );
}
