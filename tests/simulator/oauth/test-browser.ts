/**
 * A browser reduced to HTTP for the OAuth tests: a cookie jar (per host name, like browsers,
 * whatever the port), redirects followed until a page answers or the browser is sent somewhere
 * `stopAt` accepts (e.g. the app's loopback listener: returned, not requested), and the simulator's
 * forms read and submitted with their hidden fields. The real-browser tests use Chromium instead.
 */
import { DEFAULT_PASSWORD } from './index';

export interface Page {
  url: string;
  status: number;
  headers: Headers;
  body: string;
}

export type Outcome = { page: Page } | { redirectedTo: string };

export interface Form {
  action: string;
  fields: Record<string, string>;
  button: string | null;
}

function decode(text: string): string {
  return text
    .replace(/&#(\d+);/g, (_m, code: string) => String.fromCharCode(Number(code)))
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/** The forms of a page (action, hidden fields, the submit button's value). */
export function formsOf(page: Page): Form[] {
  return [...page.body.matchAll(/<form[^>]*action="([^"]*)"[^>]*>([\s\S]*?)<\/form>/g)].map(
    ([, action = '', inner = '']) => {
      const fields: Record<string, string> = {};
      for (const [, name = '', value = ''] of inner.matchAll(
        /<input type="hidden" name="([^"]*)" value="([^"]*)">/g,
      )) {
        fields[decode(name)] = decode(value);
      }
      const button = /<button[^>]*value="([^"]*)"/.exec(inner)?.[1] ?? null;
      return { action: new URL(decode(action), page.url).href, fields, button };
    },
  );
}

export class TestBrowser {
  readonly #jars = new Map<string, Map<string, string>>();

  #remember(url: URL, headers: Headers): void {
    const jar = this.#jars.get(url.hostname) ?? new Map<string, string>();
    this.#jars.set(url.hostname, jar);
    for (const line of headers.getSetCookie()) {
      const [pair = '', ...attributes] = line.split(';');
      const index = pair.indexOf('=');
      const name = pair.slice(0, index).trim();
      const value = pair.slice(index + 1).trim();
      // A cookie set empty or already expired is how a server deletes it.
      const expired = attributes.some((attribute) => {
        const [key, date] = attribute.split('=');
        return key?.trim().toLowerCase() === 'expires' && Date.parse(date ?? '') < Date.now();
      });
      if (expired || value === '') jar.delete(name);
      else jar.set(name, value);
    }
  }

  cookies(hostname = '127.0.0.1'): Map<string, string> {
    return new Map(this.#jars.get(hostname));
  }

  /** One request; no redirect followed. */
  async request(url: string, init: { method?: string; form?: Record<string, string> } = {}) {
    const target = new URL(url);
    const jar = this.#jars.get(target.hostname);
    const headers: Record<string, string> = {};
    if (jar && jar.size > 0) {
      headers.cookie = [...jar].map(([name, value]) => `${name}=${value}`).join('; ');
    }
    if (init.form) headers['content-type'] = 'application/x-www-form-urlencoded';
    const response = await fetch(target, {
      method: init.method ?? (init.form ? 'POST' : 'GET'),
      headers,
      ...(init.form ? { body: new URLSearchParams(init.form).toString() } : {}),
      redirect: 'manual',
    });
    this.#remember(target, response.headers);
    return {
      url: target.href,
      status: response.status,
      headers: response.headers,
      body: await response.text(),
    };
  }

  /** Follows redirects from `url` (after an optional form POST) until a page or a `stopAt` URL. */
  async follow(
    url: string,
    options: { form?: Record<string, string>; stopAt?: (url: URL) => boolean } = {},
  ): Promise<Outcome> {
    let page: Page = await this.request(url, options.form ? { form: options.form } : {});
    for (let hops = 0; hops < 10; hops += 1) {
      const location = page.headers.get('location');
      if (page.status < 300 || page.status >= 400 || !location) return { page };
      const next = new URL(location, page.url);
      if (options.stopAt?.(next)) return { redirectedTo: next.href };
      page = await this.request(next.href);
    }
    throw new Error('Too many redirects');
  }

  /** Submits the page's form whose button has this value (fields may be overridden). */
  submit(
    page: Page,
    button: string,
    options: { fields?: Record<string, string>; stopAt?: (url: URL) => boolean } = {},
  ): Promise<Outcome> {
    const form = formsOf(page).find((candidate) => candidate.button === button);
    if (!form) throw new Error(`No "${button}" form on ${page.url}: ${page.body.slice(0, 400)}`);
    return this.follow(form.action, {
      form: { ...form.fields, ...(form.button ? { commit: form.button } : {}), ...options.fields },
      ...(options.stopAt ? { stopAt: options.stopAt } : {}),
    });
  }
}

export interface AuthorizeOptions {
  login?: string;
  password?: string;
  /** Default: authorize. */
  decision?: 'authorize' | 'deny';
  /** Where the walk stops; default: any redirect away from the server's origin. */
  stopAt?: (url: URL) => boolean;
}

/**
 * Opens the authorization URL, signs in on the login page if asked to, and answers the consent
 * page. Returns where the server sent the browser (the redirect URI with code or error) or the
 * page it stopped on (an error page, or the login page again after a wrong password).
 */
export async function authorizeInBrowser(
  browser: TestBrowser,
  authorizationUrl: string,
  options: AuthorizeOptions = {},
): Promise<Outcome> {
  const origin = new URL(authorizationUrl).origin;
  const stopAt = options.stopAt ?? ((url: URL) => url.origin !== origin);
  let outcome = await browser.follow(authorizationUrl, { stopAt });
  if ('page' in outcome && outcome.page.url.includes('/login')) {
    outcome = await browser.submit(outcome.page, 'Sign in', {
      fields: {
        username: options.login ?? 'jane',
        password: options.password ?? DEFAULT_PASSWORD,
      },
      stopAt,
    });
  }
  if (
    !('page' in outcome) ||
    outcome.page.status !== 200 ||
    !/Authorize .* to use your account/.test(outcome.page.body)
  ) {
    return outcome;
  }
  return browser.submit(outcome.page, options.decision === 'deny' ? 'Deny' : 'Authorize', {
    stopAt,
  });
}

/** The `code` the server redirected to, or an error naming what happened instead. */
export function codeFrom(outcome: Outcome): string {
  if (!('redirectedTo' in outcome)) {
    throw new Error(
      `expected a redirect with a code, got ${outcome.page.status}: ${outcome.page.body.slice(0, 300)}`,
    );
  }
  const code = new URL(outcome.redirectedTo).searchParams.get('code');
  if (!code) throw new Error(`no code in ${outcome.redirectedTo}`);
  return code;
}
