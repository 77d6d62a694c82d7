/**
 * Helpers for the CLI tests: run the CLI in-process with collecting streams, and read the
 * simulator's state over plain HTTP (independently of the API client) to know what to expect.
 */
import { createServer } from 'node:net';
import { delimiter, dirname } from 'node:path';
import { runCli } from '../../main/cli/run';

export interface Collector {
  write(chunk: string): boolean;
  text: string;
  isTTY?: boolean;
  columns?: number;
}

export function collector(tty = false, columns?: number): Collector {
  const sink: Collector = {
    text: '',
    write(chunk: string) {
      sink.text += chunk;
      return true;
    },
  };
  if (tty) {
    sink.isTTY = true;
    if (columns !== undefined) sink.columns = columns;
  }
  return sink;
}

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  env?: Record<string, string | undefined>;
  tty?: boolean;
  columns?: number;
  now?: Date;
}

export async function cli(argv: string[], options: RunOptions = {}): Promise<CliResult> {
  const stdout = collector(options.tty, options.columns);
  const stderr = collector();
  const now = options.now;
  const code = await runCli(argv, {
    env: options.env ?? {},
    stdout,
    stderr,
    ...(now ? { now: () => now } : {}),
  });
  return { code, stdout: stdout.text, stderr: stderr.text };
}

/** Parses stdout as exactly one JSON document ending in a newline. */
export function onlyJson(stdout: string): unknown {
  if (!stdout.endsWith('\n')) throw new Error(`stdout does not end with a newline: ${stdout}`);
  return JSON.parse(stdout);
}

/** A clean environment for a child process: our Node first on PATH, no inherited OPENPROJECT_* or colour settings. */
export function childEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const base: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (!/^(OPENPROJECT_|NO_COLOR|FORCE_COLOR|XDG_STATE_HOME)/.test(key)) base[key] = value;
  }
  base.PATH = [dirname(process.execPath), process.env.PATH ?? ''].join(delimiter);
  return { ...base, ...extra };
}

/** A port on 127.0.0.1 that nothing listens on (bound, then released). */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

// --- The simulator's state, read over HTTP without the app's client ---

export interface ServerNotification {
  id: number;
  reason: string;
  updatedAt: string;
  workPackageId: number | null;
}

export interface ExpectedGroup {
  id: number;
  count: number;
  latestAt: string;
  reasons: Set<string>;
}

async function apiGet(baseUrl: string, apiKey: string, path: string): Promise<unknown> {
  const response = await fetch(`${baseUrl}/api/v3${path}`, {
    headers: {
      authorization: `Basic ${Buffer.from(`apikey:${apiKey}`).toString('base64')}`,
      accept: 'application/hal+json',
    },
  });
  if (!response.ok) throw new Error(`GET ${path}: ${response.status}`);
  return response.json();
}

interface HalNotification {
  id: number;
  reason: string;
  updatedAt: string;
  _links: { resource?: { href?: string | null } };
}

/** Every unread notification as the server reports it. */
export async function unreadOnServer(
  baseUrl: string,
  apiKey: string,
): Promise<{ total: number; notifications: ServerNotification[] }> {
  const filters = encodeURIComponent(
    JSON.stringify([{ readIAN: { operator: '=', values: ['f'] } }]),
  );
  const body = (await apiGet(
    baseUrl,
    apiKey,
    `/notifications?pageSize=1000&filters=${filters}`,
  )) as {
    total: number;
    _embedded: { elements: HalNotification[] };
  };
  return {
    total: body.total,
    notifications: body._embedded.elements.map((n) => {
      const match = /\/work_packages\/(\d+)$/.exec(n._links.resource?.href ?? '');
      return {
        id: n.id,
        reason: n.reason,
        updatedAt: n.updatedAt,
        workPackageId: match?.[1] ? Number(match[1]) : null,
      };
    }),
  };
}

/** The unread notifications grouped by work package, newest group first. */
export function expectedGroups(notifications: readonly ServerNotification[]): ExpectedGroup[] {
  const groups = new Map<number, ExpectedGroup>();
  for (const n of notifications) {
    if (n.workPackageId === null) continue;
    const group = groups.get(n.workPackageId) ?? {
      id: n.workPackageId,
      count: 0,
      latestAt: n.updatedAt,
      reasons: new Set<string>(),
    };
    group.count += 1;
    group.reasons.add(n.reason);
    if (Date.parse(n.updatedAt) > Date.parse(group.latestAt)) group.latestAt = n.updatedAt;
    groups.set(n.workPackageId, group);
  }
  return [...groups.values()].sort((a, b) => Date.parse(b.latestAt) - Date.parse(a.latestAt));
}

export async function meOnServer(
  baseUrl: string,
  apiKey: string,
): Promise<{ id: number; name: string; login?: string; email?: string }> {
  return (await apiGet(baseUrl, apiKey, '/users/me')) as {
    id: number;
    name: string;
    login?: string;
    email?: string;
  };
}

export async function workPackageOnServer(
  baseUrl: string,
  apiKey: string,
  id: number,
): Promise<{ id: number; subject: string }> {
  return (await apiGet(baseUrl, apiKey, `/work_packages/${id}`)) as { id: number; subject: string };
}

// eslint-disable-next-line no-control-regex
export const ANSI = /\u001b\[/;
