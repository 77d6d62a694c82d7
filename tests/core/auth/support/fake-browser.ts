/**
 * A user in a browser, reduced to HTTP: follows redirects with a cookie jar, fills in
 * oidc-provider's dev login and consent forms, and stops when the identity provider sends the
 * browser to the app's loopback redirect URI (so tests can deliver, replay or tamper with it).
 */

interface Page {
  url: string;
  status: number;
  headers: Headers;
  body: string;
}

export class FakeBrowser {
  readonly #cookies = new Map<string, Map<string, string>>();

  #cookieHeader(url: URL): string | undefined {
    const jar = this.#cookies.get(url.host);
    if (!jar || jar.size === 0) return undefined;
    return [...jar].map(([name, value]) => `${name}=${value}`).join('; ');
  }

  #remember(url: URL, headers: Headers): void {
    let jar = this.#cookies.get(url.host);
    if (!jar) {
      jar = new Map();
      this.#cookies.set(url.host, jar);
    }
    for (const line of headers.getSetCookie()) {
      const [pair = '', ...attributes] = line.split(';');
      const index = pair.indexOf('=');
      const name = pair.slice(0, index).trim();
      const value = pair.slice(index + 1).trim();
      const expired = attributes.some((attribute) => {
        const [key, val] = attribute.split('=');
        return key?.trim().toLowerCase() === 'expires' && Date.parse(val ?? '') < Date.now();
      });
      if (expired || value === '') jar.delete(name);
      else jar.set(name, value);
    }
  }

  /** One request, no redirect followed. */
  async request(
    url: string,
    init: { method?: string; form?: Record<string, string> } = {},
  ): Promise<Page> {
    const target = new URL(url);
    const headers: Record<string, string> = {};
    const cookie = this.#cookieHeader(target);
    if (cookie) headers.cookie = cookie;
    let body: string | undefined;
    if (init.form) {
      headers['content-type'] = 'application/x-www-form-urlencoded';
      body = new URLSearchParams(init.form).toString();
    }
    const response = await fetch(target, {
      method: init.method ?? (init.form ? 'POST' : 'GET'),
      headers,
      ...(body === undefined ? {} : { body }),
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

  /**
   * Follows redirects from `url` (after an optional form POST) until a page answers, or until
   * a redirect goes to a URL `stopAt` accepts: then that URL is returned, not requested.
   */
  async follow(
    url: string,
    options: { form?: Record<string, string>; stopAt?: (url: URL) => boolean } = {},
  ): Promise<{ page: Page } | { redirectedTo: string }> {
    let page = await this.request(url, options.form ? { form: options.form } : {});
    for (let hops = 0; hops < 20; hops += 1) {
      const location = page.headers.get('location');
      if (page.status < 300 || page.status >= 400 || !location) return { page };
      const next = new URL(location, page.url);
      if (options.stopAt?.(next)) return { redirectedTo: next.href };
      page = await this.request(next.href);
    }
    throw new Error('Too many redirects');
  }
}

function formAction(page: { url: string; body: string }): string {
  const match = /<form[^>]*action="([^"]+)"/.exec(page.body);
  if (!match?.[1]) throw new Error(`No form on ${page.url}: ${page.body.slice(0, 300)}`);
  return new URL(match[1].replace(/&amp;/g, '&'), page.url).href;
}

const isLoopbackCallback = (url: URL) =>
  url.hostname === '127.0.0.1' && url.pathname === '/oauth-callback';

/**
 * Signs in as `login` at oidc-provider and approves (or denies) the consent; returns the
 * callback URL the provider redirects the browser to (code/error, state, iss), not yet visited.
 */
export async function authorizeAtProvider(
  browser: FakeBrowser,
  authorizationUrl: string,
  options: { login?: string; deny?: boolean } = {},
): Promise<string> {
  const stopAt = isLoopbackCallback;
  let step = await browser.follow(authorizationUrl, { stopAt });
  for (let rounds = 0; rounds < 4; rounds += 1) {
    if ('redirectedTo' in step) return step.redirectedTo;
    const page = step.page;
    if (page.status !== 200)
      throw new Error(`Provider answered ${page.status}: ${page.body.slice(0, 300)}`);
    const action = formAction(page);
    if (options.deny) {
      step = await browser.follow(`${action}/abort`, { stopAt });
    } else if (page.body.includes('name="login"')) {
      step = await browser.follow(action, {
        form: { prompt: 'login', login: options.login ?? 'jane', password: 'any' },
        stopAt,
      });
    } else {
      step = await browser.follow(action, { form: { prompt: 'consent' }, stopAt });
    }
  }
  throw new Error('The provider never redirected back to the app.');
}
