/**
 * DEPRECATED: the sign-in tests run against the simulator's OpenProject OAuth now
 * (tests/simulator/oauth, support/simulator-oauth.ts), which also injects the odd token answers
 * this fake was kept for (`injectTokenFault`). Only tests/core/secrets/no-clear-secrets.test.ts
 * still uses it; delete it once that test is moved.
 *
 * A tiny stand-in for OpenProject's OAuth (Doorkeeper) on 127.0.0.1: `/oauth/authorize` approves at once (302 to the redirect URI with code + state),
 * `/oauth/token` checks the form encoding, PKCE S256 and the redirect URI and rotates refresh
 * tokens, `/oauth/revoke` answers 200 `{}` like Doorkeeper, and the RFC 8414 metadata has no
 * revocation or PKCE entries and an issuer from another host name. Tests can replace the token
 * endpoint's answer (e.g. one without access_token) and read every request it got.
 */
import { createHash, randomBytes } from 'node:crypto';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  method: string;
  path: string;
  contentType: string | undefined;
  authorization: string | undefined;
  form: URLSearchParams;
}

export interface TokenAnswer {
  status: number;
  body: unknown;
}

export interface FakeOpenProjectOptions {
  basePath?: string;
  /** 'doorkeeper': metadata as OpenProject serves it; 'missing': 404 (older versions). */
  metadata?: 'doorkeeper' | 'missing';
  /** The issuer's host (OpenProject's host_name setting), default another name than 127.0.0.1. */
  issuerHost?: string;
  clientId?: string;
  /** Set for a confidential client. */
  clientSecret?: string;
  accessTokenTtlSeconds?: number;
}

export interface FakeOpenProject {
  url: string;
  issuer: string;
  requests: RecordedRequest[];
  /** Replaces the token endpoint's answer (null = the normal behaviour). */
  answerTokenRequestsWith(answer: ((form: URLSearchParams) => TokenAnswer) | null): void;
  /** What the consent page would redirect the browser to; extra parameters can be mixed in. */
  approve(authorizationUrl: string, extra?: Record<string, string>): Promise<string>;
  /** The browser's redirect after the user clicks "Deny". */
  deny(authorizationUrl: string): string;
  issuedRefreshTokens(): string[];
  revoked(): string[];
  stop(): Promise<void>;
}

interface PendingCode {
  challenge: string;
  redirectUri: string;
}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (text += chunk));
    req.on('end', () => resolve(text));
    req.on('error', reject);
  });
}

function json(res: http.ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
  });
  res.end(JSON.stringify(body));
}

const random = () => randomBytes(24).toString('base64url');

export async function startFakeOpenProject(
  options: FakeOpenProjectOptions = {},
): Promise<FakeOpenProject> {
  const basePath = options.basePath ?? '/openproject';
  const clientId = options.clientId ?? 'tray-client-id';
  const codes = new Map<string, PendingCode>();
  const refreshTokens = new Set<string>();
  const issuedRefresh: string[] = [];
  const revoked: string[] = [];
  const requests: RecordedRequest[] = [];
  let override: ((form: URLSearchParams) => TokenAnswer) | null = null;

  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  const issuer = `http://${options.issuerHost ?? 'openproject.internal.example'}`;

  function tokens(): TokenAnswer {
    const refresh = random();
    refreshTokens.add(refresh);
    issuedRefresh.push(refresh);
    return {
      status: 200,
      body: {
        access_token: random(),
        token_type: 'Bearer',
        expires_in: options.accessTokenTtlSeconds ?? 7200,
        refresh_token: refresh,
        scope: 'api_v3',
        created_at: Math.floor(Date.now() / 1000),
      },
    };
  }

  function clientOk(form: URLSearchParams, authorization: string | undefined): boolean {
    let id = form.get('client_id');
    let secret = form.get('client_secret');
    if (authorization?.startsWith('Basic ')) {
      const [user = '', pass = ''] = Buffer.from(authorization.slice(6), 'base64')
        .toString()
        .split(':');
      id = decodeURIComponent(user);
      secret = decodeURIComponent(pass);
    }
    if (id !== clientId) return false;
    return options.clientSecret === undefined || secret === options.clientSecret;
  }

  function tokenAnswer(form: URLSearchParams, authorization: string | undefined): TokenAnswer {
    if (override) return override(form);
    if (!clientOk(form, authorization)) {
      return {
        status: 401,
        body: { error: 'invalid_client', error_description: 'Client authentication failed.' },
      };
    }
    const invalidGrant = {
      status: 400,
      body: {
        error: 'invalid_grant',
        error_description: 'The provided authorization grant is invalid.',
      },
    };
    if (form.get('grant_type') === 'authorization_code') {
      const pending = codes.get(form.get('code') ?? '');
      if (!pending) return invalidGrant;
      codes.delete(form.get('code') ?? '');
      const verifier = form.get('code_verifier') ?? '';
      const challenge = createHash('sha256').update(verifier).digest('base64url');
      if (challenge !== pending.challenge || form.get('redirect_uri') !== pending.redirectUri)
        return invalidGrant;
      return tokens();
    }
    if (form.get('grant_type') === 'refresh_token') {
      const token = form.get('refresh_token') ?? '';
      if (!refreshTokens.delete(token)) return invalidGrant;
      return tokens();
    }
    return { status: 400, body: { error: 'unsupported_grant_type' } };
  }

  server.on('request', (req: http.IncomingMessage, res: http.ServerResponse) => {
    void (async () => {
      const url = new URL(req.url ?? '/', origin);
      const body = await readBody(req);
      const contentType = req.headers['content-type'];
      requests.push({
        method: req.method ?? 'GET',
        path: url.pathname,
        contentType,
        authorization: req.headers.authorization,
        form: new URLSearchParams(
          contentType?.startsWith('application/x-www-form-urlencoded') ? body : '',
        ),
      });
      const path = url.pathname.startsWith(basePath) ? url.pathname.slice(basePath.length) : '';
      const form = new URLSearchParams(body);
      if (req.method === 'GET' && path === '/.well-known/oauth-authorization-server') {
        if (options.metadata === 'missing') return json(res, 404, { error: 'not found' });
        return json(res, 200, {
          issuer,
          authorization_endpoint: `${issuer}/oauth/authorize`,
          token_endpoint: `${issuer}/oauth/token`,
          introspection_endpoint: `${issuer}/oauth/introspect`,
          scopes_supported: ['api_v3'],
          response_types_supported: ['code'],
          grant_types_supported: ['authorization_code', 'client_credentials', 'refresh_token'],
          service_documentation: 'https://www.openproject.org/docs/api/',
        });
      }
      if (req.method === 'POST' && (path === '/oauth/token' || path === '/oauth/revoke')) {
        if (!contentType?.startsWith('application/x-www-form-urlencoded')) {
          return json(res, 415, { error: 'invalid_request' });
        }
        if (path === '/oauth/revoke') {
          revoked.push(form.get('token') ?? '');
          refreshTokens.delete(form.get('token') ?? '');
          return json(res, 200, {});
        }
        const answer = tokenAnswer(form, req.headers.authorization);
        return json(res, answer.status, answer.body);
      }
      res.writeHead(404).end();
    })();
  });

  function authorizationParams(authorizationUrl: string) {
    const params = new URL(authorizationUrl).searchParams;
    const redirectUri = params.get('redirect_uri') ?? '';
    if (params.get('code_challenge_method') !== 'S256' || !params.get('code_challenge')) {
      throw new Error('PKCE S256 is required for public clients');
    }
    return { params, redirectUri };
  }

  return {
    url: `${origin}${basePath}`,
    issuer,
    requests,
    answerTokenRequestsWith: (answer) => {
      override = answer;
    },
    approve(authorizationUrl, extra = {}) {
      const { params, redirectUri } = authorizationParams(authorizationUrl);
      const code = random();
      codes.set(code, { challenge: params.get('code_challenge') ?? '', redirectUri });
      const target = new URL(redirectUri);
      target.searchParams.set('code', code);
      target.searchParams.set('state', params.get('state') ?? '');
      for (const [key, value] of Object.entries(extra)) target.searchParams.set(key, value);
      return Promise.resolve(target.href);
    },
    deny(authorizationUrl) {
      const { params, redirectUri } = authorizationParams(authorizationUrl);
      const target = new URL(redirectUri);
      target.searchParams.set('error', 'access_denied');
      target.searchParams.set(
        'error_description',
        '<script>alert(1)</script> The resource owner denied the request.',
      );
      target.searchParams.set('state', params.get('state') ?? '');
      return target.href;
    },
    issuedRefreshTokens: () => [...issuedRefresh],
    revoked: () => [...revoked],
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
