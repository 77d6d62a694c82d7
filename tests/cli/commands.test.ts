/**
 * Each command against the simulator, run in-process: human output and --json, checked against
 * what the simulator itself reports over HTTP.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../simulator';
import {
  ANSI,
  cli,
  expectedGroups,
  meOnServer,
  onlyJson,
  unreadOnServer,
  workPackageOnServer,
} from './support';

let sim: Simulator;
let env: Record<string, string>;

beforeEach(async () => {
  sim = await startSimulator({ port: 0 });
  env = { OPENPROJECT_URL: sim.url, OPENPROJECT_API_KEY: sim.tokens.apiKey };
});

afterEach(async () => {
  await sim.stop();
});

interface NotificationsJson {
  unread: number;
  workPackages: {
    id: number;
    subject: string;
    project: string | null;
    reasons: string[];
    count: number;
    latestAt: string;
    actor: string | null;
    url: string;
  }[];
}

interface SearchJson {
  results: {
    id: number;
    subject: string;
    type: string | null;
    status: string | null;
    project: string | null;
    assignee: string | null;
    url: string;
  }[];
}

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

async function notificationsJson(): Promise<NotificationsJson> {
  const result = await cli(['notifications', '--json'], { env });
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return onlyJson(result.stdout) as NotificationsJson;
}

describe('probe', () => {
  it('identifies the instance and the key’s user', async () => {
    const me = await meOnServer(sim.url, sim.tokens.apiKey);
    const json = await cli(['probe', '--json'], { env });
    expect(json.code).toBe(0);
    expect(json.stderr).toBe('');
    const info = onlyJson(json.stdout) as Record<string, unknown>;
    expect(Object.keys(info).sort()).toEqual(['baseUrl', 'coreVersion', 'instanceName', 'user']);
    expect(info.baseUrl).toBe(sim.url);
    expect(typeof info.instanceName).toBe('string');
    expect(info.user).toEqual({ id: me.id, name: me.name });

    const human = await cli(['probe'], { env });
    expect(human.code).toBe(0);
    expect(human.stdout).toContain(String(info.instanceName));
    expect(human.stdout).toContain(sim.url);
    expect(human.stdout).toMatch(new RegExp(`Signed in as\\s+${me.name}`));
  });

  it('works without an API key, and then says nobody is signed in', async () => {
    const result = await cli(['probe', '--json'], { env: { OPENPROJECT_URL: sim.url } });
    expect(result.code).toBe(0);
    expect((onlyJson(result.stdout) as { user: unknown }).user).toBeNull();
    const human = await cli(['probe'], { env: { OPENPROJECT_URL: sim.url } });
    expect(human.stdout).toMatch(/Signed in as\s+nobody/);
  });
});

describe('whoami', () => {
  it('shows the user the key belongs to', async () => {
    const me = await meOnServer(sim.url, sim.tokens.apiKey);
    const json = await cli(['whoami', '--json'], { env });
    expect(json.code).toBe(0);
    const user = onlyJson(json.stdout) as Record<string, unknown>;
    expect(Object.keys(user).sort()).toEqual(['email', 'id', 'login', 'name']);
    expect(user.id).toBe(me.id);
    expect(user.name).toBe(me.name);
    expect(user.login).toBe(me.login ?? null);

    const human = await cli(['whoami'], { env });
    expect(human.code).toBe(0);
    expect(human.stdout).toMatch(new RegExp(`Name\\s+${me.name}`));
    expect(human.stdout).toContain(`#${me.id}`);
  });

  it('also accepts the opapi- bearer token', async () => {
    const result = await cli(['whoami', '--json'], {
      env: { OPENPROJECT_URL: sim.url, OPENPROJECT_API_KEY: sim.tokens.bearer },
    });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
  });
});

describe('notifications', () => {
  it('--json gives the unread count and the groups the server holds, newest first', async () => {
    const server = await unreadOnServer(sim.url, sim.tokens.apiKey);
    const expected = expectedGroups(server.notifications);
    expect(expected.length).toBeGreaterThan(1); // the demo data must exercise grouping

    const json = await notificationsJson();
    expect(Object.keys(json).sort()).toEqual(['unread', 'workPackages']);
    expect(json.unread).toBe(server.total);
    expect(json.workPackages.map((wp) => wp.id).sort()).toEqual(expected.map((g) => g.id).sort());
    for (const wp of json.workPackages) {
      const group = expected.find((g) => g.id === wp.id);
      expect(Object.keys(wp).sort()).toEqual(
        ['actor', 'count', 'id', 'latestAt', 'project', 'reasons', 'subject', 'url'].sort(),
      );
      expect(wp.count).toBe(group?.count);
      expect(Date.parse(wp.latestAt)).toBe(Date.parse(group?.latestAt ?? ''));
      expect(wp.latestAt).toMatch(ISO);
      expect(new Set(wp.reasons)).toEqual(group?.reasons);
      expect(wp.url).toMatch(new RegExp(`^${sim.url}/.*\\b${wp.id}$`));
      expect(wp.project === null || typeof wp.project === 'string').toBe(true);
      expect(wp.actor === null || typeof wp.actor === 'string').toBe(true);
    }
    const times = json.workPackages.map((wp) => Date.parse(wp.latestAt));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(json.workPackages.reduce((sum, wp) => sum + wp.count, 0)).toBeLessThanOrEqual(
      json.unread,
    );
  });

  it('prints an aligned list with reasons in words and relative times', async () => {
    const json = await notificationsJson();
    const now = new Date(Date.parse(json.workPackages[0]?.latestAt ?? '') + 5 * 60_000);
    const result = await cli(['notifications'], { env, now });
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout).not.toMatch(ANSI);
    const lines = result.stdout.split('\n');
    const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
    expect(lines[0]).toBe(
      `${plural(json.unread, 'unread notification')} in ${plural(json.workPackages.length, 'work package')}`,
    );
    const rows = lines.filter((line) => /^#\d+ /.test(line));
    expect(rows.map((line) => Number(/^#(\d+)/.exec(line)?.[1]))).toEqual(
      json.workPackages.map((wp) => wp.id),
    );
    // the newest group happened 5 minutes before "now"
    expect(rows[0]).toContain('5 min ago');
    expect(rows[0]).toContain(json.workPackages[0]?.subject);
    // aligned: every row's subject starts in the same column
    const subjectColumn = (line: string) => line.search(/ {2}\S/) + 2;
    expect(new Set(rows.map(subjectColumn)).size).toBe(1);
    expect(result.stdout).not.toMatch(/ \n/); // no trailing spaces
    const reasonNames = new Set(json.workPackages.flatMap((wp) => wp.reasons));
    if (reasonNames.has('mentioned')) expect(result.stdout).toContain('Mentioned');
    if (reasonNames.has('responsible')) expect(result.stdout).toContain('Accountable');
    if (reasonNames.has('dateAlert')) expect(result.stdout).toContain('Date alert');
    expect(result.stdout).toContain(`${sim.url}/notifications`);
  });

  it('uses colours on a terminal, but not with NO_COLOR', async () => {
    const coloured = await cli(['notifications'], { env, tty: true, columns: 120 });
    expect(coloured.stdout).toMatch(ANSI);
    const plain = await cli(['notifications'], { env: { ...env, NO_COLOR: '1' }, tty: true });
    expect(plain.stdout).not.toMatch(ANSI);
  });

  it('fits the terminal width', async () => {
    const result = await cli(['notifications'], { env, tty: true, columns: 90 });
    const rows = result.stdout.split('\n').filter((line) => line.includes('#'));
    // eslint-disable-next-line no-control-regex
    const visible = (line: string) => Array.from(line.replace(/\u001b\[\d+m/g, '')).length;
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      if (!row.includes('http')) expect(visible(row)).toBeLessThanOrEqual(90);
    }
  });
});

describe('read', () => {
  it('read <id> marks that work package’s notifications read: it leaves the list', async () => {
    const before = await notificationsJson();
    const target = before.workPackages[1] ?? before.workPackages[0];
    if (!target) throw new Error('the demo data has no unread notifications');

    const result = await cli(['read', String(target.id), '--json'], { env });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(onlyJson(result.stdout)).toEqual({ marked: 'workPackage', workPackageId: target.id });

    const after = await notificationsJson();
    expect(after.workPackages.map((wp) => wp.id)).not.toContain(target.id);
    expect(after.workPackages).toHaveLength(before.workPackages.length - 1);
    expect(after.unread).toBe(before.unread - target.count);
    const server = await unreadOnServer(sim.url, sim.tokens.apiKey);
    expect(server.notifications.some((n) => n.workPackageId === target.id)).toBe(false);

    const human = await cli(['read', `#${before.workPackages[0]?.id}`], { env });
    expect(human.code).toBe(0);
    expect(human.stdout).toBe(
      `Marked the notifications of work package #${before.workPackages[0]?.id} as read.\n`,
    );
  });

  it('read --all empties the list', async () => {
    expect((await notificationsJson()).unread).toBeGreaterThan(0);
    const json = await cli(['read', '--all', '--json'], { env });
    expect(json.code).toBe(0);
    expect(onlyJson(json.stdout)).toEqual({ marked: 'all' });
    expect(await notificationsJson()).toEqual({ unread: 0, workPackages: [] });
    expect((await unreadOnServer(sim.url, sim.tokens.apiKey)).total).toBe(0);

    const human = await cli(['notifications'], { env });
    expect(human.stdout).toBe('No unread notifications.\n');
    const again = await cli(['read', '--all'], { env });
    expect(again.stdout).toBe('Marked all notifications as read.\n');
  });
});

describe('search', () => {
  it('finds work packages by a word of their subject', async () => {
    const first = (await notificationsJson()).workPackages[0];
    if (!first) throw new Error('the demo data has no unread notifications');
    const word = first.subject.split(/\s+/).find((w) => w.length >= 4) ?? first.subject;

    const json = await cli(['search', word, '--json'], { env });
    expect(json.stderr).toBe('');
    expect(json.code).toBe(0);
    const { results } = onlyJson(json.stdout) as SearchJson;
    expect(results.map((r) => r.id)).toContain(first.id);
    for (const r of results) {
      expect(Object.keys(r).sort()).toEqual(
        ['assignee', 'id', 'project', 'status', 'subject', 'type', 'url'].sort(),
      );
      expect(r.url).toMatch(new RegExp(`^${sim.url}/.*\\b${r.id}$`));
    }

    const human = await cli(['search', word], { env });
    expect(human.code).toBe(0);
    expect(human.stdout).toMatch(/^\d+ (of \d+ )?work packages? match(es)? “/);
    expect(human.stdout).toContain(`#${first.id} `);
    expect(human.stdout).toContain(first.subject);
  });

  it('finds one work package by #id', async () => {
    const first = (await notificationsJson()).workPackages[0];
    if (!first) throw new Error('the demo data has no unread notifications');
    const server = await workPackageOnServer(sim.url, sim.tokens.apiKey, first.id);

    const json = await cli(['search', `#${first.id}`, '--json'], { env });
    expect(json.code).toBe(0);
    const { results } = onlyJson(json.stdout) as SearchJson;
    expect(results).toHaveLength(1);
    expect(results[0]?.id).toBe(first.id);
    expect(results[0]?.subject).toBe(server.subject);
  });

  it('says so when nothing matches', async () => {
    const result = await cli(['search', 'zzqx-nothing-like-this'], { env });
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('No work packages match “zzqx-nothing-like-this”.\n');
    const json = await cli(['search', 'zzqx-nothing-like-this', '--json'], { env });
    expect(onlyJson(json.stdout)).toEqual({ results: [] });
  });
});
