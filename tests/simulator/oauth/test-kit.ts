/**
 * Helpers for the simulated OAuth's own tests: a simulator with OAuth on a frozen clock, PKCE
 * pairs, authorization URLs with the tray's defaults, form posts to the token endpoints, and a
 * complete sign-in that returns the token answer.
 */
import { createHash, randomBytes } from 'node:crypto';
import { FIXED_NOW } from '../test-helpers';
import type { Simulator, SimulatorOptions } from '../types';
import {
  startOAuthSimulator,
  TRAY_CLIENT_ID,
  TRAY_REDIRECT_URIS,
  type OAuthControl,
  type OAuthOptions,
} from './index';
import { authorizeInBrowser, codeFrom, TestBrowser, type AuthorizeOptions } from './test-browser';

export const REDIRECT_URI = TRAY_REDIRECT_URIS[0];

export interface OAuthSim {
  sim: Simulator;
  oauth: OAuthControl;
}

export function startOAuth(
  options: SimulatorOptions & { oauth?: OAuthOptions } = {},
): Promise<OAuthSim> {
  return startOAuthSimulator({ clock: () => FIXED_NOW, basePath: '/openproject', ...options });
}

export function pkce(): { verifier: string; challenge: string } {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

/** `/oauth/authorize?…` with the tray's parameters; `null` leaves a parameter out. */
export function authorizeUrl(sim: Simulator, params: Record<string, string | null> = {}): string {
  const url = new URL(`${sim.url}/oauth/authorize`);
  const defaults: Record<string, string | null> = {
    response_type: 'code',
    client_id: TRAY_CLIENT_ID,
    redirect_uri: REDIRECT_URI,
    scope: 'api_v3',
    state: 'state-123',
    code_challenge: pkce().challenge,
    code_challenge_method: 'S256',
  };
  for (const [key, value] of Object.entries({ ...defaults, ...params })) {
    if (value !== null) url.searchParams.set(key, value);
  }
  return url.href;
}

/** POSTs a form to `/oauth/<endpoint>`. */
export function postForm(
  sim: Simulator,
  endpoint: 'token' | 'revoke',
  form: Record<string, string>,
  headers: Record<string, string> = {},
): Promise<Response> {
  return fetch(`${sim.url}/oauth/${endpoint}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body: new URLSearchParams(form).toString(),
  });
}

/** A code for jane (signed in on the way) through the consent page. */
export async function codeFor(
  sim: Simulator,
  params: Record<string, string | null> = {},
  options: AuthorizeOptions & { browser?: TestBrowser } = {},
): Promise<string> {
  const browser = options.browser ?? new TestBrowser();
  return codeFrom(await authorizeInBrowser(browser, authorizeUrl(sim, params), options));
}

export interface TokenAnswer {
  access_token: string;
  token_type: string;
  expires_in: number;
  refresh_token: string;
  scope: string;
  created_at: number;
}

/** The whole public-client flow: consent, then the code exchanged with PKCE. */
export async function signIn(sim: Simulator): Promise<TokenAnswer> {
  const { verifier, challenge } = pkce();
  const code = await codeFor(sim, { code_challenge: challenge });
  const response = await postForm(sim, 'token', {
    grant_type: 'authorization_code',
    code,
    redirect_uri: REDIRECT_URI,
    client_id: TRAY_CLIENT_ID,
    code_verifier: verifier,
  });
  if (response.status !== 200)
    throw new Error(`token: ${response.status} ${await response.text()}`);
  return (await response.json()) as TokenAnswer;
}

export function refresh(sim: Simulator, refreshToken: string): Promise<Response> {
  return postForm(sim, 'token', {
    grant_type: 'refresh_token',
    refresh_token: refreshToken,
    client_id: TRAY_CLIENT_ID,
  });
}

export function me(sim: Simulator, accessToken: string): Promise<Response> {
  return fetch(`${sim.url}/api/v3/users/me`, {
    headers: { authorization: `Bearer ${accessToken}` },
  });
}
