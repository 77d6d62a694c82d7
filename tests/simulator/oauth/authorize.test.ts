/**
 * `/oauth/authorize` as a browser meets it: the login page first, then the consent page with its
 * CSP; approve and deny redirect to the client; pre-authorization errors stay on an HTML page.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CONFIDENTIAL_CLIENT_ID,
  CONFIDENTIAL_CLIENT_SECRET,
  DEFAULT_PASSWORD,
  DISABLED_CLIENT_ID,
  INVALID_LOGIN_MESSAGE,
  SESSION_COOKIE,
  TRAY_CLIENT_ID,
} from './index';
import { authorizeInBrowser, formsOf, TestBrowser, type Outcome, type Page } from './test-browser';
import { authorizeUrl, codeFor, postForm, startOAuth, type OAuthSim } from './test-kit';

let env: OAuthSim;
beforeAll(async () => {
  env = await startOAuth();
});
afterAll(() => env.sim.stop());

function pageOf(outcome: Outcome): Page {
  if (!('page' in outcome)) throw new Error(`expected a page, was sent to ${outcome.redirectedTo}`);
  return outcome.page;
}

/** A browser signed in as jane, on the consent page of `url`. */
async function consent(url = authorizeUrl(env.sim)) {
  const browser = new TestBrowser();
  const login = pageOf(await browser.follow(url));
  const page = pageOf(
    await browser.submit(login, 'Sign in', {
      fields: { username: 'jane', password: DEFAULT_PASSWORD },
    }),
  );
  return { browser, page };
}

describe('signing in on the way', () => {
  it('sends a browser without session to /login with back_url, and back after the password', async () => {
    const browser = new TestBrowser();
    const url = authorizeUrl(env.sim);
    const first = await browser.request(url);
    expect(first.status).toBe(302);
    const login = new URL(first.headers.get('location') ?? '');
    expect(login.pathname).toBe('/openproject/login');
    expect(login.searchParams.get('back_url')).toBe(new URL(url).pathname + new URL(url).search);

    const { page } = await consent(url);
    expect(page.url).toBe(url);
    expect(page.status).toBe(200);
  });

  it('refuses a wrong password or a locked user, and a form without authenticity token', async () => {
    const browser = new TestBrowser();
    const login = pageOf(await browser.follow(authorizeUrl(env.sim)));
    const attempts: [string, string][] = [
      ['jane', 'wrong'],
      ['sven', DEFAULT_PASSWORD],
      ['nobody', DEFAULT_PASSWORD],
    ];
    for (const [username, password] of attempts) {
      const again = pageOf(
        await browser.submit(login, 'Sign in', { fields: { username, password } }),
      );
      expect(again.status).toBe(422);
      expect(again.body).toContain(INVALID_LOGIN_MESSAGE);
    }
    const forged = pageOf(
      await browser.submit(login, 'Sign in', {
        fields: { username: 'jane', password: DEFAULT_PASSWORD, authenticity_token: 'x' },
      }),
    );
    expect(forged.status).toBe(422);
    expect(browser.cookies().has(SESSION_COOKIE)).toBe(true);
  });
});

describe('the consent page', () => {
  it('asks "Authorize OpenProject Tray to use your account jane?" with Authorize and Deny', async () => {
    const { page } = await consent();
    expect(page.body).toContain('Authorize OpenProject Tray to use your account jane?');
    expect(page.body).toContain('Full API v3 access');
    const forms = formsOf(page);
    expect(forms.map((form) => form.button)).toEqual(['Authorize', 'Deny']);
    expect(forms[1]?.fields._method).toBe('delete');
    for (const form of forms) {
      expect(form.action).toBe(`${env.sim.url}/oauth/authorize`);
      expect(form.fields).toMatchObject({ client_id: TRAY_CLIENT_ID, state: 'state-123' });
    }
  });

  it('adds each registered redirect URI to form-action without path, with the registered port', async () => {
    const { page } = await consent();
    const csp = page.headers.get('content-security-policy') ?? '';
    expect(csp.split('; ')).toContain(
      "form-action 'self' http://127.0.0.1:47651/ http://[::1]:47651/",
    );
    const { clientId } = env.oauth.createApplication({
      name: 'One port',
      redirectUris: 'http://127.0.0.1:47653/oauth-callback',
      confidential: false,
    });
    const single = await consent(authorizeUrl(env.sim, { client_id: clientId }));
    expect(single.page.headers.get('content-security-policy')).toContain(
      "form-action 'self' http://127.0.0.1:47653/;",
    );
  });

  it('approves: 302 to the requested redirect URI (any loopback port) with code and state', async () => {
    const url = authorizeUrl(env.sim, { redirect_uri: 'http://127.0.0.1:50001/oauth-callback' });
    const { browser, page } = await consent(url);
    const outcome = await browser.submit(page, 'Authorize', { stopAt: () => true });
    if (!('redirectedTo' in outcome)) throw new Error('expected a redirect');
    const target = new URL(outcome.redirectedTo);
    expect(`${target.origin}${target.pathname}`).toBe('http://127.0.0.1:50001/oauth-callback');
    expect(target.searchParams.get('state')).toBe('state-123');
    expect(target.searchParams.get('code')).toMatch(/^[\w-]{43}$/);
  });

  it('denies: 302 with error=access_denied and the state', async () => {
    const { browser, page } = await consent();
    const outcome = await browser.submit(page, 'Deny', { stopAt: () => true });
    if (!('redirectedTo' in outcome)) throw new Error('expected a redirect');
    const params = new URL(outcome.redirectedTo).searchParams;
    expect(params.get('error')).toBe('access_denied');
    expect(params.get('state')).toBe('state-123');
    expect(params.get('code')).toBeNull();
  });

  it('needs the session’s authenticity token to approve', async () => {
    const { browser, page } = await consent();
    const outcome = await browser.submit(page, 'Authorize', {
      fields: { authenticity_token: 'forged' },
      stopAt: () => true,
    });
    expect(pageOf(outcome).status).toBe(422);
  });

  it('shows consent every time to a public client; a confidential one with a token is approved at once', async () => {
    const browser = new TestBrowser();
    await codeFor(env.sim, {}, { browser });
    const again = await browser.follow(authorizeUrl(env.sim), { stopAt: () => true });
    expect(pageOf(again).body).toContain('Authorize OpenProject Tray');

    const confidential = {
      client_id: CONFIDENTIAL_CLIENT_ID,
      redirect_uri: 'http://127.0.0.1:47652/oauth-callback',
      code_challenge: null,
      code_challenge_method: null,
    };
    const code = await codeFor(env.sim, confidential, { browser });
    const token = await postForm(env.sim, 'token', {
      grant_type: 'authorization_code',
      code,
      redirect_uri: confidential.redirect_uri,
      client_id: CONFIDENTIAL_CLIENT_ID,
      client_secret: CONFIDENTIAL_CLIENT_SECRET,
    });
    expect(token.status).toBe(200);
    const skipped = await browser.follow(authorizeUrl(env.sim, confidential), {
      stopAt: () => true,
    });
    expect(
      'redirectedTo' in skipped && new URL(skipped.redirectedTo).searchParams.get('code'),
    ).toBeTruthy();
  });

  it('shows the code on a page for the out-of-band redirect URI', async () => {
    const { clientId } = env.oauth.createApplication({
      name: 'Copy-paste',
      redirectUris: ['urn:ietf:wg:oauth:2.0:oob'],
      confidential: false,
    });
    const { browser, page } = await consent(
      authorizeUrl(env.sim, { client_id: clientId, redirect_uri: 'urn:ietf:wg:oauth:2.0:oob' }),
    );
    const shown = pageOf(await browser.submit(page, 'Authorize'));
    expect(shown.url).toMatch(/\/openproject\/oauth\/authorize\/native\?code=/);
    expect(shown.body).toMatch(/<code id="authorization_code">[\w-]{43}<\/code>/);
  });
});

describe('pre-authorization errors', () => {
  async function errorFor(params: Record<string, string | null>): Promise<Page> {
    const browser = new TestBrowser();
    return pageOf(await authorizeInBrowser(browser, authorizeUrl(env.sim, params)));
  }

  it.each([
    [
      'missing PKCE for a public client',
      { code_challenge: null },
      'invalid_request',
      'Code challenge is required.',
    ],
    [
      'an unknown client',
      { client_id: 'nobody' },
      'invalid_client',
      'Client authentication failed',
    ],
    [
      'a disabled application',
      { client_id: DISABLED_CLIENT_ID },
      'unauthorized_client',
      'not authorized',
    ],
    [
      'another redirect path',
      { redirect_uri: 'http://127.0.0.1:47651/other' },
      'invalid_redirect_uri',
      "doesn't match",
    ],
    [
      'localhost instead of the IP',
      { redirect_uri: 'http://localhost:47651/oauth-callback' },
      'invalid_redirect_uri',
      "doesn't match",
    ],
    ['no redirect URI', { redirect_uri: null }, 'invalid_redirect_uri', "doesn't match"],
    [
      'a PKCE method other than plain/S256',
      { code_challenge_method: 'S512' },
      'invalid_code_challenge_method',
      'plain or S256',
    ],
    ['an unknown scope', { scope: 'api_v3 admin' }, 'invalid_scope', 'scope is invalid'],
    [
      'another response type',
      { response_type: 'token' },
      'unsupported_response_type',
      'response type',
    ],
  ])(
    '%s: an HTML error page (400), no redirect to the client',
    async (_name, params, code, text) => {
      const page = await errorFor(params);
      expect(page.status).toBe(400);
      expect(page.headers.get('content-type')).toMatch(/^text\/html/);
      expect(page.headers.get('location')).toBeNull();
      expect(page.body).toContain('An authorization error has occurred');
      expect(page.body).toContain(`data-error="${code}"`);
      expect(page.body).toContain(text.replace("'", '&#39;'));
    },
  );

  it('accepts a confidential client without PKCE', async () => {
    const code = await codeFor(env.sim, {
      client_id: CONFIDENTIAL_CLIENT_ID,
      redirect_uri: 'https://integration.example.com/oauth/callback',
      code_challenge: null,
      code_challenge_method: null,
    });
    expect(code).toMatch(/^[\w-]{43}$/);
  });
});
