// @vitest-environment jsdom
import { act, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { BridgeError } from '../../preload/contract';
import { Wizard } from '../../renderer/src/wizard/Wizard';
import { FakeBridge } from './fake-bridge';
import { makeAccount, probeAnswer } from './fixtures';
import { renderWithBridge } from './render';

const JANE = { id: 7, name: 'Jane Doe' };
const URL = 'https://op.acme.test';

function fakeWithInstance(extra: Partial<ConstructorParameters<typeof FakeBridge>[0]> = {}) {
  return new FakeBridge({
    instances: { [URL]: probeAnswer() },
    tokens: { 'good-token': JANE },
    ...extra,
  });
}

async function probe(user: ReturnType<typeof renderWithBridge>['user'], url: string) {
  await user.type(await screen.findByLabelText('OpenProject address'), url);
  await user.click(screen.getByRole('button', { name: 'Check' }));
}

async function toSignIn(
  user: ReturnType<typeof renderWithBridge>['user'],
  method: 'API token' | 'OAuth (sign in with the browser)',
) {
  await probe(user, 'op.acme.test');
  await user.click(await screen.findByRole('button', { name: 'Continue' }));
  await user.click(screen.getByRole('radio', { name: method }));
  await user.click(screen.getByRole('button', { name: 'Continue' }));
}

describe('wizard, step 1: the OpenProject URL', () => {
  it('probes the address (https added) and shows the instance name and version', async () => {
    const { user, fake } = renderWithBridge(<Wizard accountId={null} />, {
      fake: fakeWithInstance(),
    });
    expect(
      await screen.findByRole('heading', { name: 'Welcome to OpenProject Tray' }),
    ).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByLabelText('OpenProject address'));
    await probe(user, 'op.acme.test');

    expect(await screen.findByText('Found ACME OpenProject')).toBeTruthy();
    expect(screen.getByText('OpenProject 17.0.1')).toBeTruthy();
    expect(fake.requests('probe')).toEqual([{ url: URL }]);
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Continue' }));
  });

  it('says so when only admins may see the version, and warns about http on a remote host', async () => {
    const fake = new FakeBridge({
      instances: {
        'http://op.acme.test': {
          ...probeAnswer({ baseUrl: 'http://op.acme.test', coreVersion: null }),
          warnings: ['insecure-http'],
        },
      },
    });
    const { user } = renderWithBridge(<Wizard accountId={null} />, { fake });
    await probe(user, 'http://op.acme.test');
    expect(
      await screen.findByText('OpenProject (only administrators see the version)'),
    ).toBeTruthy();
    expect(screen.getByText(/This connection is not encrypted \(http\)/)).toBeTruthy();
  });

  const failures: [BridgeError['kind'], RegExp][] = [
    ['unreachable', /could not be reached\. Check the address and your network/],
    ['not-openproject', /it is not an OpenProject\. Check the URL, including a sub-path/],
    ['timeout', /took too long to answer/],
    ['invalid-url', /not a web address the app can use/],
  ];
  it.each(failures)('gives one precise reason when the probe fails: %s', async (kind, text) => {
    const fake = new FakeBridge({ instances: { [URL]: { kind, message: 'from main' } } });
    const { user } = renderWithBridge(<Wizard accountId={null} />, { fake });
    await probe(user, URL);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toMatch(text);
    expect(screen.queryByRole('button', { name: 'Continue' })).toBeNull();
  });

  it('offers to trust a CA file when the certificate is not trusted, then probes with it', async () => {
    const fake = new FakeBridge({
      instances: { [URL]: { kind: 'tls', message: 'self-signed certificate' } },
    });
    const { user } = renderWithBridge(<Wizard accountId={null} />, { fake });
    await probe(user, URL);
    expect((await screen.findByRole('alert')).textContent).toMatch(/certificate is not trusted/);

    fake.state.instances[URL] = probeAnswer();
    const pem = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n';
    await user.upload(
      screen.getByLabelText('Trust a CA certificate file…'),
      new File([pem], 'acme-ca.pem', { type: 'application/x-pem-file' }),
    );
    expect(await screen.findByText('Found ACME OpenProject')).toBeTruthy();
    expect(fake.requests('probe').at(-1)).toEqual({ url: URL, ca: pem });
    expect(screen.getByText('Using the CA file acme-ca.pem.')).toBeTruthy();
  });
});

describe('wizard, step 3a: API token', () => {
  it('links to the access-token page, rejects a wrong token with a reason, accepts the right one', async () => {
    const { user, fake } = renderWithBridge(<Wizard accountId={null} />, {
      fake: fakeWithInstance(),
    });
    await toSignIn(user, 'API token');

    await user.click(screen.getByRole('button', { name: 'Open the access-token page' }));
    expect(fake.requests('openInBrowser')).toEqual([{ kind: 'accessTokens', baseUrl: URL }]);

    const field = screen.getByLabelText('API token');
    expect(field.getAttribute('type')).toBe('password');
    await user.type(field, 'bad-token');
    await user.click(screen.getByRole('button', { name: 'Connect' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/did not accept the sign-in/);
    expect(field.getAttribute('aria-invalid')).toBe('true');

    await user.clear(field);
    await user.type(field, 'good-token');
    await user.click(screen.getByRole('button', { name: 'Connect' }));
    const connected = await screen.findByRole('heading', { name: 'Connected as Jane Doe' });
    expect(document.activeElement).toBe(connected);
    expect(fake.requests('connectWithToken').at(-1)).toEqual({ url: URL, token: 'good-token' });
  });
});

describe('wizard, step 3b: OAuth', () => {
  it('shows the redirect URI to register, with a working copy button and the admin steps', async () => {
    const { user } = renderWithBridge(<Wizard accountId={null} />, { fake: fakeWithInstance() });
    await toSignIn(user, 'OAuth (sign in with the browser)');

    const uri = screen.getByLabelText<HTMLInputElement>('Redirect URI to register');
    expect(uri.value).toBe('http://127.0.0.1:47651/oauth-callback');
    await user.click(screen.getByRole('button', { name: 'Copy' }));
    expect(await navigator.clipboard.readText()).toBe('http://127.0.0.1:47651/oauth-callback');
    expect(screen.getByText('Copied.')).toBeTruthy();

    await user.click(screen.getByText('What your administrator does once'));
    expect(screen.getByText(/Administration → Authentication → OAuth applications/)).toBeTruthy();
    expect(screen.getByText('Name: OpenProject Tray.')).toBeTruthy();
    expect(screen.getByText('Scopes: api_v3.')).toBeTruthy();
    expect(screen.getByText('Confidential: off.')).toBeTruthy();
  });

  it('waits for the browser with Cancel, then connects when main reports success', async () => {
    const { user, fake } = renderWithBridge(<Wizard accountId={null} />, {
      fake: fakeWithInstance(),
    });
    await toSignIn(user, 'OAuth (sign in with the browser)');

    await user.type(screen.getByLabelText('Client ID'), 'tray-client');
    await user.click(screen.getByRole('button', { name: 'Connect' }));
    expect(await screen.findByText('Waiting for you to approve in the browser…')).toBeTruthy();
    expect(fake.requests('startOAuth')).toEqual([
      { url: URL, clientId: 'tray-client', mode: 'loopback' },
    ]);

    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(fake.requests('cancelOAuth')).toEqual([{ flowId: 'flow-1' }]);
    expect(await screen.findByRole('button', { name: 'Connect' })).toBeTruthy();
    expect(screen.getAllByText('Sign-in cancelled.').length).toBeGreaterThan(0);

    await user.click(screen.getByRole('button', { name: 'Connect' }));
    await screen.findByText('Waiting for you to approve in the browser…');
    act(() =>
      fake.finishOAuth('flow-2', {
        ok: true,
        value: makeAccount({ authMethod: 'oauth', user: JANE }),
      }),
    );
    expect(await screen.findByRole('heading', { name: 'Connected as Jane Doe' })).toBeTruthy();
  });

  it('sends the client secret only for a confidential application', async () => {
    const { user, fake } = renderWithBridge(<Wizard accountId={null} />, {
      fake: fakeWithInstance(),
    });
    await toSignIn(user, 'OAuth (sign in with the browser)');
    expect(screen.queryByLabelText('Client secret')).toBeNull();
    await user.type(screen.getByLabelText('Client ID'), 'tray-client');
    await user.click(
      screen.getByLabelText('The application is confidential (it has a client secret)'),
    );
    await user.type(screen.getByLabelText('Client secret'), 's3cret');
    await user.click(screen.getByRole('button', { name: 'Connect' }));
    await waitFor(() =>
      expect(fake.requests('startOAuth')).toEqual([
        { url: URL, clientId: 'tray-client', mode: 'loopback', clientSecret: 's3cret' },
      ]),
    );
  });

  it('explains a denied consent and lets the user try again', async () => {
    const { user, fake } = renderWithBridge(<Wizard accountId={null} />, {
      fake: fakeWithInstance(),
    });
    await toSignIn(user, 'OAuth (sign in with the browser)');
    await user.type(screen.getByLabelText('Client ID'), 'tray-client');
    await user.click(screen.getByRole('button', { name: 'Connect' }));
    await screen.findByText('Waiting for you to approve in the browser…');
    act(() =>
      fake.finishOAuth('flow-1', {
        ok: false,
        error: { kind: 'oauth-denied', message: 'access_denied' },
      }),
    );
    expect((await screen.findByRole('alert')).textContent).toMatch(
      /Access was denied in the browser/,
    );
    expect(screen.getByRole('button', { name: 'Connect' })).toBeTruthy();
  });

  it('falls back to pasting an out-of-band code', async () => {
    const fake = fakeWithInstance({ oauthCode: { code: 'abc123', user: JANE } });
    const { user } = renderWithBridge(<Wizard accountId={null} />, { fake });
    await toSignIn(user, 'OAuth (sign in with the browser)');
    await user.type(screen.getByLabelText('Client ID'), 'tray-client');
    await user.click(screen.getByRole('button', { name: 'Connect' }));
    await user.click(
      await screen.findByRole('button', { name: 'No browser opened? Use a code instead' }),
    );

    expect(fake.requests('cancelOAuth')).toEqual([{ flowId: 'flow-1' }]);
    expect(fake.requests('startOAuth').at(-1)).toMatchObject({ mode: 'out-of-band' });
    expect(await screen.findByText(/urn:ietf:wg:oauth:2\.0:oob/)).toBeTruthy();

    await user.type(screen.getByLabelText('Authorization code'), 'wrong');
    await user.click(screen.getByRole('button', { name: 'Connect' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/OAuth did not work/);

    await user.clear(screen.getByLabelText('Authorization code'));
    await user.type(screen.getByLabelText('Authorization code'), 'abc123');
    await user.click(screen.getByRole('button', { name: 'Connect' }));
    expect(await screen.findByRole('heading', { name: 'Connected as Jane Doe' })).toBeTruthy();
  });
});

describe('wizard: first run, add account, sign in again', () => {
  it('on the first run continues to the options and finishes by showing the widget', async () => {
    const { user, fake } = renderWithBridge(<Wizard accountId={null} />, {
      fake: fakeWithInstance(),
    });
    expect(await screen.findByText('Step 1 of 4')).toBeTruthy();
    await toSignIn(user, 'API token');
    await user.type(screen.getByLabelText('API token'), 'good-token');
    await user.click(screen.getByRole('button', { name: 'Connect' }));
    await user.click(await screen.findByRole('button', { name: 'Continue' }));

    expect(await screen.findByRole('heading', { name: 'Options' })).toBeTruthy();
    expect(screen.getByText('Step 4 of 4')).toBeTruthy();
    expect(await screen.findByLabelText('Check for new notifications every')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Show my notifications' }));
    expect(fake.requests('openView')).toEqual([{ view: 'widget' }]);
    expect(fake.requests('windowAction')).toEqual([{ action: 'close' }]);
  });

  it('adding a second account has three steps and no options step', async () => {
    const fake = fakeWithInstance({ accounts: [makeAccount({ id: 'other' })] });
    const { user } = renderWithBridge(<Wizard accountId={null} />, { fake });
    expect(await screen.findByRole('heading', { name: 'Add an account' })).toBeTruthy();
    expect(screen.getByText('Step 1 of 3')).toBeTruthy();
    await toSignIn(user, 'API token');
    await user.type(screen.getByLabelText('API token'), 'good-token');
    await user.click(screen.getByRole('button', { name: 'Connect' }));
    expect(await screen.findByRole('heading', { name: 'Connected as Jane Doe' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Continue' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Show my notifications' })).toBeTruthy();
  });

  it("signing in again probes the account's URL at once and replaces its credentials", async () => {
    const fake = fakeWithInstance({
      accounts: [makeAccount({ state: { kind: 'needs-sign-in', message: 'Token revoked.' } })],
    });
    const { user } = renderWithBridge(<Wizard accountId="acme" />, { fake });
    expect(
      await screen.findByRole('heading', { name: 'Sign in again to ACME OpenProject' }),
    ).toBeTruthy();
    expect(await screen.findByText('Found ACME OpenProject')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    await user.type(screen.getByLabelText('API token'), 'good-token');
    await user.click(screen.getByRole('button', { name: 'Connect' }));
    await screen.findByRole('heading', { name: 'Connected as Jane Doe' });
    expect(fake.requests('connectWithToken')).toEqual([
      { url: URL, token: 'good-token', accountId: 'acme' },
    ]);
  });
});
