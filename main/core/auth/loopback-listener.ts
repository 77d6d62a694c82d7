/**
 * The loopback listener of the authorization-code flow (RFC 8252 §7.3): an HTTP server on
 * 127.0.0.1 that accepts exactly one GET on the callback path carrying the expected `state`.
 * Everything else (other paths, methods, a wrong or missing state, a replay) gets an error page
 * and has no effect. The accepted callback is handed to `onCallback`; the browser is then
 * redirected away from the URL holding the code (302 to /done or /error) and shown a static
 * page. The listener gives up after a timeout, can be cancelled, and closes itself in every case.
 */
import { timingSafeEqual } from 'node:crypto';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  failurePage,
  methodNotAllowedPage,
  notFoundPage,
  rejectedCallbackPage,
  successPage,
  type CallbackPage,
} from './callback-pages';
import { SignInError, toSignInError } from './oauth-errors';

export const LOOPBACK_HOST = '127.0.0.1';
export const DEFAULT_SIGN_IN_TIMEOUT_MS = 5 * 60_000;
/** How long the result page stays reachable after the callback when the browser does not ask. */
const DEFAULT_LINGER_MS = 10_000;
const DONE_PATH = '/done';
const ERROR_PATH = '/error';

export function redirectUriFor(port: number, callbackPath: string): string {
  return `http://${LOOPBACK_HOST}:${port}${callbackPath}`;
}

export interface LoopbackListenerOptions<T> {
  /** The port to bind; 0 for an ephemeral one. */
  port: number;
  callbackPath: string;
  expectedState: string;
  /**
   * Handles the one accepted callback (its query parameters); its value resolves `result`.
   * A thrown error rejects `result` and its message is shown on the browser's error page.
   */
  onCallback: (params: URLSearchParams, signal: AbortSignal) => Promise<T>;
  /** Default 5 minutes. */
  timeoutMs?: number;
  signal?: AbortSignal;
  lingerMs?: number;
  /** For messages ("openproject.example.com"). */
  serverName?: string;
}

export interface LoopbackListener<T> {
  readonly port: number;
  /** The exact redirect URI to send (and for the wizard to show). */
  readonly redirectUri: string;
  /** The callback's outcome; rejects with a SignInError (timeout, cancelled, server error…). */
  readonly result: Promise<T>;
  /** Resolves once the server is closed. */
  readonly closed: Promise<void>;
  cancel(): void;
}

function portError(error: NodeJS.ErrnoException, port: number): SignInError {
  if (error.code === 'EADDRINUSE') {
    return new SignInError(
      'port-in-use',
      `Port ${port} is in use by another program. Close it or choose another port in the sign-in options, and register that redirect URI.`,
    );
  }
  return new SignInError(
    'port-unavailable',
    `Port ${port} cannot be used for the sign-in (${error.code ?? 'error'}). Choose another port in the sign-in options, and register that redirect URI.`,
  );
}

function listen(server: http.Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => reject(portError(error, port));
    server.once('error', onError);
    server.listen(port, LOOPBACK_HOST, () => {
      server.off('error', onError);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

function send(res: http.ServerResponse, page: CallbackPage, onFinish?: () => void): void {
  res.writeHead(page.status, page.headers);
  res.end(page.body, onFinish);
}

export async function startLoopbackListener<T>(
  options: LoopbackListenerOptions<T>,
): Promise<LoopbackListener<T>> {
  if (options.signal?.aborted) throw new SignInError('cancelled', 'Sign-in was cancelled.');
  const server = http.createServer();
  server.keepAliveTimeout = 1_000;
  const port = await listen(server, options.port);
  const closed = new Promise<void>((resolve) => server.once('close', () => resolve()));
  const serverName = options.serverName ?? 'The sign-in server';

  let phase: 'waiting' | 'handling' | 'answered' | 'closed' = 'waiting';
  let settled = false;
  let resultPage: { path: string; page: CallbackPage } | undefined;
  const handlerAbort = new AbortController();
  let resolveResult!: (value: T) => void;
  let rejectResult!: (error: SignInError) => void;
  const result = new Promise<T>((resolve, reject) => {
    resolveResult = resolve;
    rejectResult = reject;
  });
  void result.catch(() => undefined);

  const timeoutMs = options.timeoutMs ?? DEFAULT_SIGN_IN_TIMEOUT_MS;
  const timer = setTimeout(() => {
    const minutes = Math.max(1, Math.round(timeoutMs / 60_000));
    fail(
      new SignInError(
        'timeout',
        `No sign-in answer came from the browser within ${minutes === 1 ? '1 minute' : `${minutes} minutes`}, so the sign-in was stopped: start it again.`,
      ),
    );
  }, timeoutMs);
  let lingerTimer: NodeJS.Timeout | undefined;

  /** Read through a call: the phase changes while a callback is being handled. */
  function isClosed(): boolean {
    return phase === 'closed';
  }

  function close(): void {
    if (phase === 'closed') return;
    phase = 'closed';
    clearTimeout(timer);
    if (lingerTimer) clearTimeout(lingerTimer);
    options.signal?.removeEventListener('abort', cancel);
    server.close();
    server.closeAllConnections();
  }

  function fail(error: SignInError): void {
    if (!settled) {
      settled = true;
      rejectResult(error);
    }
    handlerAbort.abort();
    close();
  }

  function cancel(): void {
    fail(new SignInError('cancelled', 'Sign-in was cancelled.'));
  }
  options.signal?.addEventListener('abort', cancel, { once: true });

  async function acceptCallback(params: URLSearchParams, res: http.ServerResponse): Promise<void> {
    phase = 'handling';
    clearTimeout(timer);
    try {
      const value = await options.onCallback(params, handlerAbort.signal);
      if (settled) throw new SignInError('cancelled', 'Sign-in was cancelled.');
      settled = true;
      resolveResult(value);
      resultPage = { path: DONE_PATH, page: successPage() };
    } catch (error) {
      const signInError = toSignInError(error, serverName);
      if (!settled) {
        settled = true;
        rejectResult(signInError);
      }
      resultPage = { path: ERROR_PATH, page: failurePage(signInError.message) };
    }
    if (isClosed()) {
      res.destroy();
      return;
    }
    phase = 'answered';
    res.writeHead(302, {
      location: resultPage.path,
      'cache-control': 'no-store',
      'referrer-policy': 'no-referrer',
      'content-length': '0',
    });
    res.end();
    lingerTimer = setTimeout(close, options.lingerMs ?? DEFAULT_LINGER_MS);
  }

  function onRequest(req: http.IncomingMessage, res: http.ServerResponse): void {
    if (phase === 'closed') {
      res.destroy();
      return;
    }
    if (req.method !== 'GET') {
      send(res, methodNotAllowedPage());
      return;
    }
    // Only requests addressed to this listener (no DNS-rebinding host names).
    if (req.headers.host !== `${LOOPBACK_HOST}:${port}`) {
      send(res, notFoundPage());
      return;
    }
    const url = new URL(req.url ?? '/', `http://${LOOPBACK_HOST}:${port}`);
    if (resultPage && phase === 'answered' && url.pathname === resultPage.path) {
      send(res, resultPage.page, close);
      return;
    }
    if (url.pathname !== options.callbackPath) {
      send(res, notFoundPage());
      return;
    }
    const states = url.searchParams.getAll('state');
    const state = states.length === 1 ? states[0] : undefined;
    if (phase !== 'waiting' || state === undefined || !sameSecret(state, options.expectedState)) {
      send(res, rejectedCallbackPage());
      return;
    }
    void acceptCallback(url.searchParams, res);
  }

  server.on('request', onRequest);

  return {
    port,
    redirectUri: redirectUriFor(port, options.callbackPath),
    result,
    closed,
    cancel,
  };
}
