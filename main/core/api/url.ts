/**
 * Base URLs as people type them, and the ids inside HAL hrefs.
 */
import { ApiError } from './errors';

const EXAMPLE = 'https://openproject.example.com';

function invalid(input: string, why: string): ApiError {
  const shown = input.length > 80 ? `${input.slice(0, 77)}…` : input;
  return new ApiError(
    'unreachable',
    `"${shown}" ${why}: enter the address you open OpenProject with in the browser, such as ${EXAMPLE}.`,
  );
}

/**
 * Normalises what a person typed into the base URL of an OpenProject: trims, adds `https://`
 * when no scheme is given, drops query, fragment, trailing slashes and a trailing `/api/v3`,
 * keeps a sub-path (`https://host/openproject`). Throws an ApiError for what is not a web address.
 */
export function normalizeBaseUrl(input: string): string {
  const trimmed = input.trim();
  if (trimmed === '') throw invalid(trimmed, 'is empty');
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    throw invalid(trimmed, 'is not a web address');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw invalid(trimmed, 'is not an http or https address');
  }
  if (url.username !== '' || url.password !== '') {
    // Never echo the password back.
    url.username = '';
    url.password = '';
    throw invalid(url.href, 'must not contain a user name or password');
  }
  if (url.hostname === '') throw invalid(trimmed, 'has no host name');
  let path = url.pathname.replace(/\/+$/, '');
  path = path.replace(/\/api\/v3$/i, '').replace(/\/+$/, '');
  return `${url.origin}${path}`;
}

/** The numeric id at the end of an href such as `/openproject/api/v3/work_packages/42`. */
export function idFromHref(href: string | null | undefined): number | null {
  if (href === null || href === undefined) return null;
  const path = href.split(/[?#]/, 1)[0] ?? '';
  const match = /\/(\d+)\/?$/.exec(path);
  if (!match?.[1]) return null;
  const id = Number(match[1]);
  return Number.isSafeInteger(id) && id > 0 ? id : null;
}

/** Browser links into the OpenProject web app, absolute, with the instance's sub-path. */
export interface BrowserLinks {
  workPackage: (id: number) => string;
  notificationCenter: () => string;
  accessTokens: () => string;
}

export function browserLinks(baseUrl: string): BrowserLinks {
  return {
    workPackage: (id) => `${baseUrl}/work_packages/${id}`,
    notificationCenter: () => `${baseUrl}/notifications`,
    accessTokens: () => `${baseUrl}/my/access_tokens`,
  };
}
