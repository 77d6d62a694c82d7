/** Where our pages come from: app://bundle/…, a privileged custom scheme serving out/renderer. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'bundle';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/** The route part of a page URL: `#/widget`, or `#/wizard?account=ID` (the renderer's route.ts). */
export function routeHash(route: string, accountId?: string): string {
  return accountId ? `#/${route}?account=${encodeURIComponent(accountId)}` : `#/${route}`;
}

/** The renderer's URL for a route: app://bundle/index.html#/widget. */
export function appUrl(route: string, accountId?: string): string {
  return `${APP_ORIGIN}/index.html${routeHash(route, accountId)}`;
}
