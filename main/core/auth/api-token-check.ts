/**
 * Checks a pasted personal API token before it is saved: `/users/me` (whose token is it?) AND
 * the real notifications query the tray will poll (`pageSize=0`, unread). A token that signs in
 * but cannot read notifications is reported, not saved silently. The API client sends it as
 * Bearer when it starts with `opapi-`, else as Basic `apikey:`.
 */
import { createClient, type ClientOptions, type OpenProjectClient } from '../api/client';
import { isApiError } from '../api/errors';
import type { CurrentUser } from '../domain';

export type ApiTokenProblem =
  'empty' | 'rejected' | 'cannot-read-notifications' | 'unreachable' | 'not-openproject' | 'other';

export type ApiTokenCheckResult =
  | { ok: true; user: CurrentUser; unread: number }
  | { ok: false; problem: ApiTokenProblem; message: string };

export interface ApiTokenCheckOptions {
  baseUrl: string;
  token: string;
  ca?: string;
  timeoutMs?: number;
  /** For tests or another transport; the API client by default. */
  createClient?: (options: ClientOptions) => OpenProjectClient;
}

function problemOf(error: unknown): ApiTokenProblem {
  if (isApiError(error, 'unauthenticated')) return 'rejected';
  if (
    isApiError(error, 'unreachable') ||
    isApiError(error, 'timeout') ||
    isApiError(error, 'tls')
  ) {
    return 'unreachable';
  }
  if (isApiError(error, 'not-openproject')) return 'not-openproject';
  return 'other';
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : 'The token could not be checked: try again.';
}

export async function checkApiToken(options: ApiTokenCheckOptions): Promise<ApiTokenCheckResult> {
  const token = options.token.trim();
  if (token === '') {
    return {
      ok: false,
      problem: 'empty',
      message: 'Paste an API token (My account → Access tokens → API in OpenProject).',
    };
  }
  const client = (options.createClient ?? createClient)({
    baseUrl: options.baseUrl,
    auth: { kind: 'apiKey', token },
    retries: 0,
    ...(options.ca ? { ca: options.ca } : {}),
    ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
  });
  const tokensPage = client.links.accessTokens();

  let user: CurrentUser;
  try {
    user = await client.me();
  } catch (error) {
    const problem = problemOf(error);
    if (problem === 'rejected') {
      return {
        ok: false,
        problem,
        message: `OpenProject at ${client.baseUrl} does not accept this API token (wrong, expired or revoked): create a new one at ${tokensPage} and paste it.`,
      };
    }
    return { ok: false, problem, message: messageOf(error) };
  }

  try {
    const unread = await client.unreadCount();
    return { ok: true, user, unread };
  } catch (error) {
    const refused =
      isApiError(error, 'forbidden') ||
      isApiError(error, 'unauthenticated') ||
      isApiError(error, 'not-found') ||
      isApiError(error, 'invalid-query');
    if (refused) {
      return {
        ok: false,
        problem: 'cannot-read-notifications',
        message: `This API token signs in as ${user.name}, but OpenProject refuses it for reading notifications, so it was not saved: create a token with full API access at ${tokensPage}, or ask your administrator.`,
      };
    }
    return { ok: false, problem: problemOf(error), message: messageOf(error) };
  }
}
