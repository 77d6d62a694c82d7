/**
 * A user at oidc-provider (the certified independent OpenID provider of the OIDC tests), in the
 * simulator's HTTP browser: fills in its dev login and consent forms and stops when the provider
 * sends the browser to the app's loopback redirect URI (so tests can deliver, replay or tamper
 * with it).
 */
import type { TestBrowser } from '../../../simulator/oauth/test-browser';

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
  browser: TestBrowser,
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
