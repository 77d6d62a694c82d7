/**
 * The sign-in tests' OpenProject: the simulator with its OAuth (tests/simulator/oauth), on a clock
 * shared with the app when asked, an account of the seeded public "OpenProject Tray" app on a free
 * loopback port, and the browser part of the flow (login + consent pages over HTTP, stopping where
 * the simulator sends the browser to the app's loopback listener).
 */
import { onTestFinished } from 'vitest';
import type { SignInRun } from '../../../../main/core/accounts/account-auth';
import type { LoopbackSignIn } from '../../../../main/core/auth/pkce-flow';
import type { OAuthConnection } from '../../../../main/core/settings/schema';
import {
  startOAuthSimulator,
  TRAY_CLIENT_ID,
  type OAuthControl,
  type OAuthOptions,
} from '../../../simulator/oauth/index';
import {
  authorizeInBrowser,
  TestBrowser,
  type AuthorizeOptions,
  type Outcome,
} from '../../../simulator/oauth/test-browser';
import type { Simulator } from '../../../simulator/types';
import {
  freePort,
  manualClock,
  oauthAccountFixture,
  type AccountsFixture,
  type ManualClock,
} from './fixtures';

export interface OAuthServer {
  sim: Simulator;
  oauth: OAuthControl;
}

/** A simulator with OAuth below /openproject, stopped when the test finishes. */
export async function startOAuthServer(
  options: { clock?: ManualClock; oauth?: OAuthOptions } = {},
): Promise<OAuthServer> {
  const { sim, oauth } = await startOAuthSimulator({
    basePath: '/openproject',
    ...(options.clock ? { clock: () => new Date(options.clock!.now()) } : {}),
    ...(options.oauth ? { oauth: options.oauth } : {}),
  });
  onTestFinished(() => sim.stop());
  return { sim, oauth };
}

/** The simulator plus an OAuth account of the tray app on a free port, sharing one clock. */
export async function simulatorAccount(
  connection: Partial<OAuthConnection> = {},
  oauthOptions?: OAuthOptions,
): Promise<OAuthServer & { fx: AccountsFixture; port: number }> {
  const clock = manualClock();
  const server = await startOAuthServer({
    clock,
    ...(oauthOptions ? { oauth: oauthOptions } : {}),
  });
  const port = await freePort();
  const fx = await oauthAccountFixture(
    {
      provider: 'openproject',
      clientId: TRAY_CLIENT_ID,
      redirect: { mode: 'loopback', port, path: '/oauth-callback' },
      ...connection,
    },
    server.sim.url,
    { clock },
  );
  return { ...server, fx, port };
}

/** Is this where the browser goes back to the app (the loopback listener)? */
export const isAppCallback = (url: URL): boolean =>
  url.hostname === '127.0.0.1' && url.pathname === '/oauth-callback';

/**
 * Walks the login and consent pages for `authorizationUrl` and returns the callback URL the
 * simulator redirects to (with code or error), not yet visited.
 */
export async function approveInBrowser(
  authorizationUrl: string,
  options: Omit<AuthorizeOptions, 'stopAt'> & { browser?: TestBrowser } = {},
): Promise<string> {
  const outcome: Outcome = await authorizeInBrowser(
    options.browser ?? new TestBrowser(),
    authorizationUrl,
    {
      ...options,
      stopAt: isAppCallback,
    },
  );
  if (!('redirectedTo' in outcome)) {
    throw new Error(
      `No redirect to the app: ${outcome.page.status} ${outcome.page.body.slice(0, 300)}`,
    );
  }
  return outcome.redirectedTo;
}

/** Starts the account's sign-in, consents in the "browser", delivers the callback, awaits it. */
export async function signInThroughSimulator(fx: AccountsFixture): Promise<SignInRun> {
  const run = await fx.auth.startOAuthSignIn(fx.accountId, { lingerMs: 200 });
  const signIn = run.signIn as LoopbackSignIn;
  await new TestBrowser().follow(await approveInBrowser(signIn.authorizationUrl));
  await run.completed;
  return run;
}
