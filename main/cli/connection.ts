/**
 * Which OpenProject to talk to and with which key: flags win over the environment.
 */
import { createClient, type OpenProjectClient } from '../core/api/client';
import { normalizeBaseUrl } from '../core/api/url';
import type { OptionValues } from './args';
import { UsageError } from './errors';
import type { Env } from './output';

export interface Connection {
  baseUrl: string;
  apiKey: string | undefined;
}

function nonEmpty(value: string | boolean | undefined): string | undefined {
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}

/** The URL and key from --url/--api-key, else OPENPROJECT_URL/OPENPROJECT_API_KEY. */
export function resolveConnection(values: OptionValues, env: Env): Connection {
  const url = nonEmpty(values.url) ?? nonEmpty(env.OPENPROJECT_URL);
  if (!url) {
    throw new UsageError('No OpenProject URL: set OPENPROJECT_URL or pass --url.');
  }
  let baseUrl: string;
  try {
    baseUrl = normalizeBaseUrl(url);
  } catch (error) {
    // A URL that is not a web address is a mistake in how the CLI was called: exit 2.
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  return {
    baseUrl,
    apiKey: nonEmpty(values['api-key']) ?? nonEmpty(env.OPENPROJECT_API_KEY),
  };
}

/** A client that sends the API key; a UsageError (with where to get a key) when there is none. */
export function authenticatedClient(connection: Connection): OpenProjectClient {
  if (!connection.apiKey) {
    const tokensPage = createClient({ baseUrl: connection.baseUrl }).links.accessTokens();
    throw new UsageError(
      `No API key: set OPENPROJECT_API_KEY or pass --api-key (create one at ${tokensPage}).`,
    );
  }
  return createClient({
    baseUrl: connection.baseUrl,
    auth: { kind: 'apiKey', token: connection.apiKey },
  });
}

/** A client that sends the API key when there is one, and no credentials otherwise. */
export function optionalAuthClient(connection: Connection): OpenProjectClient {
  return connection.apiKey
    ? authenticatedClient(connection)
    : createClient({
        baseUrl: connection.baseUrl,
        auth: { kind: 'none' },
      });
}
