import type { ViewName } from '../../preload/contract';

export const VIEWS: readonly ViewName[] = ['widget', 'settings', 'search', 'wizard'];

export interface Route {
  /** null when the URL names no view (the renderer then shows the widget). */
  view: ViewName | null;
  /** `#/wizard?account=ID`: sign in again to that account. */
  accountId: string | null;
}

function isView(value: string | null | undefined): value is ViewName {
  return value != null && (VIEWS as readonly string[]).includes(value);
}

/**
 * One build serves every window; the window's URL picks the view: `#/widget`, `#/settings`,
 * `#/search`, `#/wizard` (optionally `?account=ID` inside the hash), or `?view=widget` in the query.
 */
export function parseRoute(location: { hash: string; search: string }): Route {
  const hash = location.hash.replace(/^#\/?/, '');
  const [path = '', hashQuery = ''] = hash.split('?');
  const hashParams = new URLSearchParams(hashQuery);
  const query = new URLSearchParams(location.search);
  const view = isView(path)
    ? path
    : isView(query.get('view'))
      ? (query.get('view') as ViewName)
      : null;
  const accountId = hashParams.get('account') ?? query.get('account');
  return { view, accountId: accountId !== null && accountId !== '' ? accountId : null };
}

export function routeHash(view: ViewName, accountId?: string | null): string {
  return accountId ? `#/${view}?account=${encodeURIComponent(accountId)}` : `#/${view}`;
}

/** Switches this window to another view (the settings window shows the wizard, and back). */
export function navigate(view: ViewName, accountId?: string | null): void {
  window.location.hash = routeHash(view, accountId);
}
