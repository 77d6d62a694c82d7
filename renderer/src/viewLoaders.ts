import type { ViewName } from '../../preload/contract';

/**
 * The views other than the widget, each in its own chunk: the widget's window (opened most often,
 * and with the most to show at once) loads and compiles only the widget's code. No React here:
 * startup.ts uses this before React's code runs.
 */
export const VIEW_LOADERS = {
  search: () => import('./search/QuickSearch').then((m) => m.QuickSearch),
  settings: () => import('./settings/SettingsView').then((m) => m.SettingsView),
  wizard: () => import('./wizard/Wizard').then((m) => m.Wizard),
};

export type LazyViewName = keyof typeof VIEW_LOADERS;

export function isLazyView(view: ViewName): view is LazyViewName {
  return view in VIEW_LOADERS;
}
