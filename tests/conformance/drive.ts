/**
 * Drives every endpoint the app uses through the recorder → prism → simulator chain: with the
 * real API client for what the app calls, and with raw requests for the rest of what the app
 * relies on (filters, details, linked resources, error answers). Each step is labelled so a
 * violation names the step that caused it.
 */
import { createClient, type OpenProjectClient } from '../../main/core/api/client';
import type { Recorder } from './recorder';

export interface StepOutcome {
  label: string;
  kind: 'client' | 'raw';
  ok: boolean;
  /** The error of a failed client call, or `status N` of a raw request. */
  detail: string;
  expectedStatus?: number;
  status?: number;
}

/** What the steps need from the simulator's data, found by asking it directly. */
export interface Fixture {
  /** Notifications read one by one with `client.notification`, each a case of its own. */
  singles: { label: string; id: number }[];
  unreadIds: number[];
  /** An unread notification with a detail (date alert or reminder). */
  detailNotificationId: number;
  workPackageId: number;
  /** A semantic id (`WEB-12`) when the simulator serves one. */
  displayId: string | null;
  searchText: string;
  projectId: number;
  actorId: number;
  reason: string;
}

export interface Credentials {
  apiKey: string;
  bearer: string;
}

/** Every endpoint the app uses; the run must reach each at least once. */
export const ENDPOINTS_USED = [
  'GET /api/v3',
  'GET /api/v3/configuration',
  'GET /api/v3/users/me',
  'GET /api/v3/users/{id}',
  'GET /api/v3/notifications',
  'GET /api/v3/notifications/{id}',
  'GET /api/v3/notifications/{notification_id}/details/{id}',
  'POST /api/v3/notifications/read_ian',
  'POST /api/v3/notifications/{id}/read_ian',
  'GET /api/v3/work_packages',
  'GET /api/v3/work_packages/{id}',
  'GET /api/v3/projects/{id}',
  'GET /api/v3/statuses',
  'GET /api/v3/types',
] as const;

const UNKNOWN_ID = 999_999;

function basic(token: string): string {
  return `Basic ${Buffer.from(`apikey:${token}`).toString('base64')}`;
}

const filters = (...list: Record<string, { operator: string; values: string[] }>[]): string =>
  JSON.stringify(list);

interface RawRequest {
  method?: 'GET' | 'POST';
  path: string;
  query?: Record<string, string>;
  authorization?: string;
  expectedStatus: number;
}

export async function drive(
  recorder: Recorder,
  credentials: Credentials,
  fixture: Fixture,
): Promise<StepOutcome[]> {
  const outcomes: StepOutcome[] = [];
  const client = (token: string | null): OpenProjectClient =>
    createClient({
      baseUrl: recorder.url,
      auth: token === null ? { kind: 'none' } : { kind: 'apiKey', token },
      // prism --errors answers a violation with 500; retrying it would only repeat the step
      retries: 0,
      timeoutMs: 10_000,
    });
  const api = client(credentials.apiKey);

  async function call(label: string, run: (c: OpenProjectClient) => Promise<unknown>, c = api) {
    recorder.label = label;
    try {
      await run(c);
      outcomes.push({ label, kind: 'client', ok: true, detail: 'ok' });
    } catch (error) {
      const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      outcomes.push({ label, kind: 'client', ok: false, detail });
    }
  }

  async function raw(label: string, request: RawRequest): Promise<void> {
    recorder.label = label;
    const query = request.query ? `?${new URLSearchParams(request.query).toString()}` : '';
    const headers: Record<string, string> = { accept: 'application/hal+json' };
    headers.authorization = request.authorization ?? basic(credentials.apiKey);
    // OpenProject requires a JSON Content-Type on POST; the spec declares no body: send none.
    if (request.method === 'POST') headers['content-type'] = 'application/json';
    const response = await fetch(`${recorder.url}${request.path}${query}`, {
      method: request.method ?? 'GET',
      headers,
    });
    await response.arrayBuffer();
    outcomes.push({
      label,
      kind: 'raw',
      ok: response.status === request.expectedStatus,
      detail: `status ${response.status}`,
      status: response.status,
      expectedStatus: request.expectedStatus,
    });
  }

  const unread = { readIAN: { operator: '=', values: ['f'] } };
  const [firstUnread, secondUnread, ...restUnread] = fixture.unreadIds;
  const wp = String(fixture.workPackageId);

  // What the app does, read-only first.
  await call('client.probe', (c) => c.probe());
  await call('client.me', (c) => c.me());
  await call('client.unreadCount', (c) => c.unreadCount());
  await call('client.unreadSnapshot', (c) => c.unreadSnapshot());
  await call('client.unreadNotifications', (c) => c.unreadNotifications());
  for (const single of fixture.singles) {
    await call(`client.notification (${single.label})`, (c) => c.notification(single.id));
  }
  await call('client.unreadGroups', (c) => c.unreadGroups());
  await call('client.search (text)', (c) => c.search(fixture.searchText));
  await call('client.search (#id)', (c) => c.search(`#${wp}`));
  await call('client.workPackage (id)', (c) => c.workPackage(fixture.workPackageId));
  if (fixture.displayId !== null) {
    const displayId = fixture.displayId;
    await call('client.workPackage (semantic id)', (c) => c.workPackage(displayId));
  }
  await call('client.me (opapi- token as Bearer)', (c) => c.me(), client(credentials.bearer));
  await call('client.probe (anonymous)', (c) => c.probe(), client(null));

  // What the app relies on besides.
  await raw('raw configuration', { path: '/api/v3/configuration', expectedStatus: 200 });
  const list = (label: string, query: Record<string, string>) =>
    raw(`raw notifications ${label}`, {
      path: '/api/v3/notifications',
      query,
      expectedStatus: 200,
    });
  await list('readIAN=f', { filters: filters(unread), pageSize: '100' });
  await list('readIAN=t', { filters: filters({ readIAN: { operator: '=', values: ['t'] } }) });
  await list('all, sorted by updatedAt', {
    filters: '[]',
    sortBy: JSON.stringify([['updatedAt', 'desc']]),
  });
  await list('id', {
    filters: filters({ id: { operator: '=', values: fixture.unreadIds.slice(0, 2).map(String) } }),
  });
  await list('reason', {
    filters: filters(unread, { reason: { operator: '=', values: [fixture.reason] } }),
  });
  await list('resourceId+resourceType', {
    filters: filters(
      unread,
      { resourceId: { operator: '=', values: [wp] } },
      { resourceType: { operator: '=', values: ['WorkPackage'] } },
    ),
  });
  await list('project', {
    filters: filters({ project: { operator: '=', values: [String(fixture.projectId)] } }),
  });
  await list('page 2', { filters: filters(unread), pageSize: '1', offset: '2' });
  await list('count only', { filters: filters(unread), pageSize: '0' });
  await raw('raw notification details', {
    path: `/api/v3/notifications/${fixture.detailNotificationId}/details/0`,
    expectedStatus: 200,
  });
  await raw('raw users/{id}', { path: `/api/v3/users/${fixture.actorId}`, expectedStatus: 200 });
  await raw('raw projects/{id}', {
    path: `/api/v3/projects/${fixture.projectId}`,
    expectedStatus: 200,
  });
  await raw('raw statuses', { path: '/api/v3/statuses', expectedStatus: 200 });
  await raw('raw types', { path: '/api/v3/types', expectedStatus: 200 });

  // Error answers.
  const wrongToken = basic('0'.repeat(40));
  await raw('raw 401 users/me', {
    path: '/api/v3/users/me',
    authorization: wrongToken,
    expectedStatus: 401,
  });
  await raw('raw 401 notifications', {
    path: '/api/v3/notifications',
    authorization: wrongToken,
    expectedStatus: 401,
  });
  await raw('raw 404 notification', {
    path: `/api/v3/notifications/${UNKNOWN_ID}`,
    expectedStatus: 404,
  });
  await raw('raw 404 work package', {
    path: `/api/v3/work_packages/${UNKNOWN_ID}`,
    expectedStatus: 404,
  });
  await raw('raw 400 InvalidQuery notifications', {
    path: '/api/v3/notifications',
    query: { filters: filters({ nope: { operator: '=', values: ['1'] } }) },
    expectedStatus: 400,
  });
  await raw('raw 400 InvalidQuery read_ian (foreign id)', {
    method: 'POST',
    path: '/api/v3/notifications/read_ian',
    query: { filters: filters({ id: { operator: '=', values: [String(UNKNOWN_ID)] } }) },
    expectedStatus: 400,
  });
  await raw('raw 404 read_ian', {
    method: 'POST',
    path: `/api/v3/notifications/${UNKNOWN_ID}/read_ian`,
    expectedStatus: 404,
  });

  // Writes, last: they change what the reads above see.
  await raw('raw read_ian (single, as the spec has it)', {
    method: 'POST',
    path: `/api/v3/notifications/${firstUnread ?? 0}/read_ian`,
    expectedStatus: 204,
  });
  await raw('raw read_ian (bulk by id, as the spec has it)', {
    method: 'POST',
    path: '/api/v3/notifications/read_ian',
    query: { filters: filters({ id: { operator: '=', values: [String(secondUnread ?? 0)] } }) },
    expectedStatus: 204,
  });
  await call('client.markRead', (c) => c.markRead(restUnread.slice(0, 2)));
  await call('client.markWorkPackageRead', (c) => c.markWorkPackageRead(fixture.workPackageId));
  await call('client.markAllRead', (c) => c.markAllRead());
  await call('client.unreadCount (after markAllRead)', async (c) => {
    const left = await c.unreadCount();
    if (left !== 0) throw new Error(`${left} notifications still unread after markAllRead`);
  });
  return outcomes;
}
