/**
 * Which links may leave the app for the browser: http(s) URLs on a signed-in OpenProject instance —
 * same scheme, host and port, and under the instance's path (an instance at /openproject does not
 * vouch for /other on the same host). No credentials in the URL, nothing else (javascript:, file:, …).
 */
export function isAllowedExternalUrl(url: string, instanceBaseUrls: readonly string[]): boolean {
  return allowedExternalUrl(url, instanceBaseUrls) !== null;
}

/** The URL normalised for opening, or null when it is not allowed. */
export function allowedExternalUrl(
  url: string,
  instanceBaseUrls: readonly string[],
): string | null {
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    return null;
  }
  if (target.protocol !== 'https:' && target.protocol !== 'http:') return null;
  if (target.username !== '' || target.password !== '') return null;
  for (const base of instanceBaseUrls) {
    let instance: URL;
    try {
      instance = new URL(base);
    } catch {
      continue;
    }
    if (instance.protocol !== target.protocol) continue;
    if (instance.host !== target.host) continue; // host includes a non-default port
    const prefix = instance.pathname.replace(/\/+$/, '');
    if (prefix === '' || target.pathname === prefix || target.pathname.startsWith(`${prefix}/`)) {
      return target.href;
    }
  }
  return null;
}

/** Opens the URL in the browser when allowed; says whether it did. */
export async function openExternalIfAllowed(
  url: string,
  instanceBaseUrls: readonly string[],
  openExternal: (url: string) => Promise<void>,
): Promise<boolean> {
  const allowed = allowedExternalUrl(url, instanceBaseUrls);
  if (allowed === null) return false;
  await openExternal(allowed);
  return true;
}
