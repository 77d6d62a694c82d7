/**
 * Helpers for the simulator's own tests: real HTTP with fetch, credentials, filter encoding.
 */
import { startSimulator, type Simulator, type SimulatorOptions } from './index';

export const FIXED_NOW = new Date('2026-06-01T08:00:00.000Z');

/** A simulator on a random port with a frozen clock (tests move it with control.advanceClock). */
export function start(options: SimulatorOptions = {}): Promise<Simulator> {
  return startSimulator({ clock: () => FIXED_NOW, ...options });
}

export function basic(token: string, user = 'apikey'): string {
  return `Basic ${Buffer.from(`${user}:${token}`).toString('base64')}`;
}

export function bearer(token: string): string {
  return `Bearer ${token}`;
}

/** URL-encoded JSON for `filters` / `sortBy`. */
export function q(value: unknown): string {
  return encodeURIComponent(JSON.stringify(value));
}

export const UNREAD = q([{ readIAN: { operator: '=', values: ['f'] } }]);

export interface CallOptions {
  method?: string;
  /** An Authorization header value; default: Basic with the demo user's API key. `null` = none. */
  auth?: string | null;
  headers?: Record<string, string>;
  body?: string;
}

export async function call(
  sim: Simulator,
  path: string,
  options: CallOptions = {},
): Promise<Response> {
  const headers: Record<string, string> = { ...options.headers };
  const auth = options.auth === undefined ? basic(sim.tokens.apiKey) : options.auth;
  if (auth !== null) headers.authorization = auth;
  return fetch(`${sim.url}${path}`, {
    method: options.method ?? 'GET',
    headers,
    ...(options.body === undefined ? {} : { body: options.body }),
  });
}

/** GET as the demo user and parse JSON (asserting the status). */
export async function getJson<T = Record<string, unknown>>(
  sim: Simulator,
  path: string,
  options: CallOptions & { status?: number } = {},
): Promise<T> {
  const response = await call(sim, path, options);
  const text = await response.text();
  if (response.status !== (options.status ?? 200)) {
    throw new Error(
      `GET ${path}: expected ${options.status ?? 200}, got ${response.status}: ${text}`,
    );
  }
  return JSON.parse(text) as T;
}

/** POST with the JSON content type and `{}` body the web frontend sends. */
export function post(sim: Simulator, path: string, options: CallOptions = {}): Promise<Response> {
  return call(sim, path, {
    method: 'POST',
    body: '{}',
    ...options,
    headers: { 'content-type': 'application/json', ...options.headers },
  });
}

export interface HalLink {
  href: string | null;
  title?: string;
  method?: string;
  templated?: boolean;
}

export interface HalNotification {
  _type: string;
  id: number;
  readIAN: boolean;
  reason: string;
  createdAt: string;
  updatedAt: string;
  _embedded: Record<string, unknown> & { details: { property: string; value: string | null }[] };
  _links: Record<string, HalLink>;
}

export interface HalCollection<T = HalNotification> {
  _type: string;
  total: number;
  count: number;
  pageSize: number;
  offset: number;
  groups?: { value: string; count: number }[];
  _embedded: { elements: T[]; detailsSchemas?: unknown[] };
  _links: Record<string, HalLink>;
}

export function notificationList(sim: Simulator, query: string): Promise<HalCollection> {
  return getJson<HalCollection>(sim, `/api/v3/notifications?${query}`);
}

export function idOf(href: string | null | undefined): number {
  const match = /\/(\d+)$/.exec(href ?? '');
  if (!match) throw new Error(`no id at the end of ${String(href)}`);
  return Number(match[1]);
}
