/**
 * Redirect URIs as OpenProject 17 / Doorkeeper 5.9 treat them (server notes §6.4):
 * - at registration: absolute, no fragment, not opaque; http only for localhost, *.localhost and
 *   loopback IP literals (`force_ssl_in_redirect_uri` with the secure-context rule); custom
 *   schemes and `urn:ietf:wg:oauth:2.0:oob` allowed;
 * - at request time (`URIChecker.matches?`): scheme, host and path equal; the port is ignored only
 *   when both hosts are loopback IP literals (127.0.0.0/8, [::1]) — `localhost` must match exactly;
 *   a registered query must be present (any order), a request query is otherwise ignored;
 * - on the consent page: each registered http(s) URI joins CSP `form-action` as
 *   `URI.join(uri, "/")` (the port kept as registered), a custom scheme as `scheme:`.
 */
import { isIPv4, isIPv6 } from 'node:net';
import { OOB_URI } from './model';

function parse(uri: string): URL | null {
  try {
    return new URL(uri);
  } catch {
    return null;
  }
}

/** Ruby `IPAddr.new(host).loopback?`: IP literals only, never a host name. */
export function isLoopbackIpLiteral(hostname: string): boolean {
  const host = hostname.replace(/^\[(.*)\]$/, '$1');
  if (isIPv4(host)) return host.split('.')[0] === '127';
  if (isIPv6(host)) return host === '::1';
  return false;
}

/** OpenProject's `SecureContextUriValidator`: where plain http is acceptable. */
function isSecureContextHost(hostname: string): boolean {
  return (
    hostname === 'localhost' || hostname.endsWith('.localhost') || isLoopbackIpLiteral(hostname)
  );
}

/** Why a URI cannot be registered, or null when it can. */
export function registrationProblem(uri: string): string | null {
  if (uri === OOB_URI) return null;
  const url = parse(uri);
  if (!url || !/^[a-z][a-z0-9+.-]*:\/\//i.test(uri)) {
    return `${uri} must be an absolute URI (an opaque form such as "myapp:cb" is not accepted).`;
  }
  if (url.hash !== '' || uri.includes('#')) return `${uri} cannot contain a fragment.`;
  if (url.protocol === 'http:' && !isSecureContextHost(url.hostname)) {
    return `${uri} must be an HTTPS/SSL URI (http is allowed for localhost and loopback addresses only).`;
  }
  return null;
}

function queryMatches(requested: URLSearchParams, registered: URLSearchParams): boolean {
  const pairs = (params: URLSearchParams) =>
    [...params].map(([key, value]) => `${key}=${value}`).sort();
  return JSON.stringify(pairs(requested)) === JSON.stringify(pairs(registered));
}

/** Doorkeeper 5.9 `URIChecker.matches?(requested, registered)`. */
export function redirectUriMatches(requested: string, registered: string): boolean {
  if (requested === OOB_URI || registered === OOB_URI) return requested === registered;
  const a = parse(requested);
  const b = parse(registered);
  if (!a || !b) return false;
  if (b.search !== '' && !queryMatches(a.searchParams, b.searchParams)) return false;
  const loopback = isLoopbackIpLiteral(a.hostname) && isLoopbackIpLiteral(b.hostname);
  return (
    a.protocol === b.protocol &&
    a.username === b.username &&
    a.password === b.password &&
    a.hostname === b.hostname &&
    (loopback || a.port === b.port) &&
    a.pathname === b.pathname
  );
}

/** `valid_for_authorization?`: a valid request URI that matches one registered URI. */
export function redirectUriAllowed(requested: string, registered: readonly string[]): boolean {
  if (requested !== OOB_URI) {
    const url = parse(requested);
    if (!url || url.hash !== '' || requested.includes('#')) return false;
  }
  return registered.some((candidate) => redirectUriMatches(requested, candidate));
}

/** The CSP `form-action` sources the consent page adds for the application's redirect URIs. */
export function formActionSources(registered: readonly string[]): string[] {
  const sources: string[] = [];
  for (const uri of registered) {
    if (uri.startsWith('urn')) continue;
    const url = parse(uri);
    if (!url) continue;
    if (uri.startsWith('http')) sources.push(new URL('/', url).href);
    else sources.push(url.protocol);
  }
  return sources;
}
