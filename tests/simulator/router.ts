/**
 * Path patterns (`/notifications/:id/read_ian`) compiled to regular expressions, and matching.
 */

export interface Compiled<R> {
  route: R;
  regex: RegExp;
  names: string[];
}

export function compile<R extends { path: string }>(route: R): Compiled<R> {
  const names: string[] = [];
  const source = route.path
    .split('/')
    .map((segment) => {
      if (!segment.startsWith(':')) return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      names.push(segment.slice(1));
      return '([^/]+)';
    })
    .join('/');
  return { route, regex: new RegExp(`^${source}$`), names };
}

export function match<R extends { method: string }>(
  routes: readonly Compiled<R>[],
  method: string,
  path: string,
): { route: R; params: Record<string, string> } | undefined {
  for (const { route, regex, names } of routes) {
    if (route.method !== method && route.method !== '*') continue;
    const found = regex.exec(path);
    if (!found) continue;
    const params: Record<string, string> = {};
    names.forEach((name, i) => {
      const raw = found[i + 1] ?? '';
      try {
        params[name] = decodeURIComponent(raw);
      } catch {
        params[name] = raw;
      }
    });
    return { route, params };
  }
  return undefined;
}
