import { lazy, Suspense, useEffect, useState, type ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import type { TrayBridge, ViewName } from '../../preload/contract';
import { BRIDGE_READY_EVENT, BridgeProvider, useBridgeEvent } from './bridge/BridgeContext';
import { navigate, parseRoute, type Route } from './route';
import { VIEW_LOADERS } from './viewLoaders';
import { Widget } from './widget/Widget';

const lazyView = <P extends object>(load: () => Promise<ComponentType<P>>) =>
  lazy(() => load().then((component) => ({ default: component })));

// In their own chunks (startup.ts has started loading the window's view already).
const QuickSearch = lazyView(VIEW_LOADERS.search);
const SettingsView = lazyView(VIEW_LOADERS.settings);
const Wizard = lazyView(VIEW_LOADERS.wizard);

function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location));
  useEffect(() => {
    const update = () => setRoute(parseRoute(window.location));
    window.addEventListener('hashchange', update);
    return () => window.removeEventListener('hashchange', update);
  }, []);
  return route;
}

/** The bridge from the preload, or (browser harness) once it announces itself. */
function useWindowBridge(): TrayBridge | null {
  const [bridge, setBridge] = useState(() => window.openprojectTray ?? null);
  useEffect(() => {
    if (bridge) return;
    const ready = () => setBridge(window.openprojectTray ?? null);
    window.addEventListener(BRIDGE_READY_EVENT, ready);
    ready();
    return () => window.removeEventListener(BRIDGE_READY_EVENT, ready);
  }, [bridge]);
  return bridge;
}

/** Picks the view from the URL; follows main when it asks this window to show another one. */
export function Views({ route }: { route: Route }) {
  const { t } = useTranslation();
  const view: ViewName = route.view ?? 'widget';

  useEffect(() => {
    document.title = t(`titles.${view}`);
  }, [t, view]);

  useBridgeEvent('windowShown', (shown) => {
    if (shown.view !== view || (shown.accountId ?? null) !== route.accountId) {
      if (shown.view === 'wizard' || shown.view === 'settings')
        navigate(shown.view, shown.accountId);
    }
  });

  switch (view) {
    case 'widget':
      return <Widget />;
    case 'search':
      return (
        <Suspense>
          <QuickSearch />
        </Suspense>
      );
    case 'settings':
      return (
        <Suspense>
          <SettingsView />
        </Suspense>
      );
    case 'wizard':
      return (
        <Suspense>
          <Wizard key={route.accountId ?? ''} accountId={route.accountId} />
        </Suspense>
      );
  }
}

export function App() {
  const { t, i18n } = useTranslation();
  const bridge = useWindowBridge();
  const route = useRoute();

  useEffect(() => {
    document.documentElement.lang = i18n.resolvedLanguage ?? i18n.language;
  }, [i18n.resolvedLanguage, i18n.language]);

  if (!bridge) {
    return (
      <main className="view starting" aria-labelledby="app-title">
        <h1 id="app-title">{t('app.name')}</h1>
        <p role="status">{t('app.starting')}</p>
      </main>
    );
  }
  return (
    <BridgeProvider bridge={bridge}>
      <Views route={route} />
    </BridgeProvider>
  );
}
