/**
 * Hrefs as OpenProject emits them: relative, with the installation's sub-path (relative_url_root).
 */
export interface Paths {
  readonly basePath: string;
  /** `/api/v3` + path, with the sub-path in front. */
  api(path?: string): string;
  /** A web (browser) path with the sub-path in front. */
  web(path: string): string;
}

/** Normalises a sub-path: '' or '/openproject' (leading slash, no trailing slash). */
export function normaliseBasePath(basePath: string | undefined): string {
  const trimmed = (basePath ?? '').trim().replace(/\/+$/, '');
  if (trimmed === '') return '';
  return trimmed.startsWith('/') ? trimmed : `/${trimmed}`;
}

export function createPaths(basePath: string): Paths {
  return {
    basePath,
    api: (path = '') => `${basePath}/api/v3${path}`,
    web: (path) => `${basePath}${path}`,
  };
}

/**
 * A query string as Rails' `Hash#to_query` writes it: keys sorted, values escaped like
 * `CGI.escape` (space as `+`; `{`/`}` escaped, so templated links read `%7Boffset%7D`).
 */
export function toQuery(params: Readonly<Record<string, string | number>>): string {
  return Object.keys(params)
    .sort()
    .map((key) => `${cgiEscape(key)}=${cgiEscape(String(params[key]))}`)
    .join('&');
}

function cgiEscape(value: string): string {
  return encodeURIComponent(value)
    .replace(/%20/g, '+')
    .replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}
