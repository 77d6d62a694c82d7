/**
 * The OAuth 2.0 authorization-code flow with PKCE (S256) and `state`, for public and
 * confidential clients: prepares the authorization URL for the system browser, receives the
 * answer on the loopback listener (or as a pasted code, out of band), checks it (state, RFC 9207
 * `iss`, error) and exchanges the code for tokens. Every protocol step is oauth4webapi's.
 * The caller opens the browser and stores the tokens.
 */
import * as oauth from 'oauth4webapi';
import type { OAuthConnection, RedirectSettings } from '../settings/schema';
import type { FetchLike } from './got-fetch';
import {
  LOOPBACK_HOST,
  redirectUriFor,
  startLoopbackListener,
  type LoopbackListener,
} from './loopback-listener';
import { SignInError, toSignInError } from './oauth-errors';
import { resolveProvider, type ResolvedProvider } from './providers';
import { tokenSetFromResponse, type TokenSet } from './token-set';

export const OOB_REDIRECT_URI = 'urn:ietf:wg:oauth:2.0:oob';

export interface SignInOptions {
  /** The OpenProject base URL (with sub-path). */
  baseUrl: string;
  connection: OAuthConnection;
  /** The client secret of a confidential client. */
  clientSecret?: string | null;
  fetch: FetchLike;
  /** How long the loopback listener waits for the browser; default 5 minutes. */
  timeoutMs?: number;
  signal?: AbortSignal;
  now?: () => number;
  /** How long the result page stays reachable; for tests. */
  lingerMs?: number;
}

interface SignInCommon {
  /** Open this in the system browser. */
  authorizationUrl: string;
  redirectUri: string;
  provider: ResolvedProvider;
  cancel(): void;
}

export interface LoopbackSignIn extends SignInCommon {
  mode: 'loopback';
  /** The tokens, once the browser came back and the code was exchanged. */
  tokens: Promise<TokenSet>;
  /** Resolves when the listener has closed. */
  closed: Promise<void>;
}

export interface OobSignIn extends SignInCommon {
  mode: 'oob';
  /** Exchanges the code the user pasted (the code alone, or the whole address it is shown at). */
  submitCode(pasted: string): Promise<TokenSet>;
}

export type SignIn = LoopbackSignIn | OobSignIn;

/** The redirect URI the administrator registers, for the wizard to show. */
export function registeredRedirectUri(redirect: RedirectSettings): string {
  if (redirect.mode === 'oob') return OOB_REDIRECT_URI;
  // Port 0: providers honouring RFC 8252 accept any port for a registered loopback IP URI.
  if (redirect.port === 0) return `http://${LOOPBACK_HOST}${redirect.path}`;
  return redirectUriFor(redirect.port, redirect.path);
}

function authorizationUrl(
  provider: ResolvedProvider,
  redirectUri: string,
  state: string,
  codeChallenge: string,
): string {
  const url = new URL(provider.as.authorization_endpoint ?? '');
  url.searchParams.set('response_type', 'code');
  url.searchParams.set('client_id', provider.client.client_id);
  url.searchParams.set('redirect_uri', redirectUri);
  url.searchParams.set('scope', provider.scope);
  url.searchParams.set('state', state);
  url.searchParams.set('code_challenge', codeChallenge);
  url.searchParams.set('code_challenge_method', 'S256');
  return url.href;
}

async function exchangeCode(
  provider: ResolvedProvider,
  validated: URLSearchParams,
  redirectUri: string,
  codeVerifier: string,
  now: () => number,
  signal: AbortSignal,
): Promise<TokenSet> {
  const response = await oauth.authorizationCodeGrantRequest(
    provider.as,
    provider.client,
    provider.clientAuth,
    validated,
    redirectUri,
    codeVerifier,
    { ...provider.http, signal },
  );
  const body = await oauth.processAuthorizationCodeResponse(provider.as, provider.client, response);
  return tokenSetFromResponse(body, now());
}

const CODE_PATTERN = /^[A-Za-z0-9\-._~+/=]{1,2048}$/;

/** The code from what the user pasted: the code itself, or an address with `?code=`. */
function pastedCode(pasted: string, expectedState: string): string {
  const text = pasted.trim();
  let code = text;
  if (/^https?:\/\//i.test(text)) {
    const params = new URL(text).searchParams;
    const state = params.get('state');
    if (state !== null && state !== expectedState) {
      throw new SignInError(
        'state-mismatch',
        'This code belongs to another sign-in: copy the code shown after this sign-in.',
      );
    }
    code = params.get('code') ?? '';
  }
  if (!CODE_PATTERN.test(code)) {
    throw new SignInError(
      'invalid-request',
      'That does not look like a sign-in code: copy the whole code shown by OpenProject and paste it again.',
    );
  }
  return code;
}

export async function startSignIn(options: SignInOptions): Promise<SignIn> {
  const flowAbort = new AbortController();
  const onOuterAbort = () => flowAbort.abort();
  const detach = () => options.signal?.removeEventListener('abort', onOuterAbort);
  options.signal?.addEventListener('abort', onOuterAbort, { once: true });
  try {
    const signIn = await prepareSignIn(options, flowAbort);
    if (signIn.mode === 'loopback') void signIn.closed.then(detach);
    return signIn;
  } catch (error) {
    detach();
    throw error;
  }
}

async function prepareSignIn(options: SignInOptions, flowAbort: AbortController): Promise<SignIn> {
  const now = options.now ?? Date.now;
  const provider = await resolveProvider({
    baseUrl: options.baseUrl,
    connection: options.connection,
    clientSecret: options.clientSecret ?? null,
    fetch: options.fetch,
    signal: flowAbort.signal,
  });
  const codeVerifier = oauth.generateRandomCodeVerifier();
  const codeChallenge = await oauth.calculatePKCECodeChallenge(codeVerifier);
  const state = oauth.generateRandomState();
  const redirect = options.connection.redirect;

  if (redirect.mode === 'oob') {
    let done = false;
    return {
      mode: 'oob',
      provider,
      redirectUri: OOB_REDIRECT_URI,
      authorizationUrl: authorizationUrl(provider, OOB_REDIRECT_URI, state, codeChallenge),
      cancel: () => flowAbort.abort(),
      async submitCode(pasted) {
        if (flowAbort.signal.aborted) throw new SignInError('cancelled', 'Sign-in was cancelled.');
        if (done) throw new SignInError('invalid-grant', 'This sign-in is already complete.');
        const params = new URLSearchParams({ code: pastedCode(pasted, state) });
        try {
          // The user carried the code over by hand: no state or iss comes with it.
          const as = { ...provider.as, authorization_response_iss_parameter_supported: false };
          const validated = oauth.validateAuthResponse(
            as,
            provider.client,
            params,
            oauth.skipStateCheck,
          );
          const tokens = await exchangeCode(
            provider,
            validated,
            OOB_REDIRECT_URI,
            codeVerifier,
            now,
            flowAbort.signal,
          );
          done = true;
          return tokens;
        } catch (error) {
          throw toSignInError(error, provider.serverName);
        }
      },
    };
  }

  const listener: LoopbackListener<TokenSet> = await startLoopbackListener<TokenSet>({
    port: redirect.port,
    callbackPath: redirect.path,
    expectedState: state,
    serverName: provider.serverName,
    ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }),
    ...(options.lingerMs === undefined ? {} : { lingerMs: options.lingerMs }),
    signal: flowAbort.signal,
    async onCallback(params, signal): Promise<TokenSet> {
      // state (again), RFC 9207 iss where the server advertises it, and error=… answers.
      const validated = oauth.validateAuthResponse(provider.as, provider.client, params, state);
      return exchangeCode(provider, validated, listener.redirectUri, codeVerifier, now, signal);
    },
  });
  return {
    mode: 'loopback',
    provider,
    redirectUri: listener.redirectUri,
    authorizationUrl: authorizationUrl(provider, listener.redirectUri, state, codeChallenge),
    tokens: listener.result,
    closed: listener.closed,
    cancel: () => listener.cancel(),
  };
}
