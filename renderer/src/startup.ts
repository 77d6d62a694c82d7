/**
 * What the page starts before React: main.tsx imports this first, so it runs before React's and
 * the views' code is evaluated. The widget's first load goes out now (its answers are usually in
 * by the first render); another view's code, and a language other than English, start loading.
 */
import { prefetchTrayData } from './bridge/trayDataPrefetch';
import { loadLanguage, pickLanguage } from './i18n/languages';
import { parseRoute } from './route';
import { isLazyView, VIEW_LOADERS, type LazyViewName } from './viewLoaders';

const view = parseRoute(window.location).view ?? 'widget';

// A failure is left to React.lazy, which reports it when it loads the view itself.
const preload = (name: LazyViewName) => VIEW_LOADERS[name]().catch(() => undefined);

/** The window's view code is here (the widget's is part of this file). */
export const viewLoaded: Promise<unknown> = isLazyView(view)
  ? Promise.all([
      preload(view),
      // The settings window switches to the wizard and back: both ready, no blank moment between.
      view === 'settings' ? preload('wizard') : view === 'wizard' ? preload('settings') : null,
    ])
  : Promise.resolve();

if (!isLazyView(view) && window.openprojectTray) prefetchTrayData(window.openprojectTray);

const language = pickLanguage(navigator.languages);
/** The language to speak, its strings loaded (English's are built in). */
export const languageLoaded = loadLanguage(language).then(
  () => language,
  () => 'en' as const, // its chunk failed to load: English rather than nothing
);
