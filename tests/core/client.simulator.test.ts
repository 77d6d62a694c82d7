/**
 * The client against our OpenProject (tests/simulator) over real HTTP: probe, me, counts, the
 * unread list and its groups, single notifications, search — under a sub-path and with both
 * token forms.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient, type ClientOptions } from '../../main/core/api/client';
import { probeInstance } from '../../main/core/api/probe';
import { startSimulator, type Simulator } from '../simulator';
import { apiFailure } from './support/api-failure';

const newestFirst = (a: { updatedAt: string; id: number }, b: { updatedAt: string; id: number }) =>
  Date.parse(b.updatedAt) - Date.parse(a.updatedAt) || b.id - a.id;

describe.each([
  { basePath: '', token: 'apiKey' as const, form: 'legacy key as Basic' },
  { basePath: '/openproject', token: 'bearer' as const, form: 'opapi- token as Bearer' },
])('against the simulator at "$basePath" with a $form', ({ basePath, token }) => {
  let sim: Simulator;
  const client = (options: Partial<ClientOptions> = {}) =>
    createClient({
      baseUrl: sim.url,
      auth: { kind: 'apiKey', token: sim.tokens[token] },
      ...options,
    });

  beforeAll(async () => {
    sim = await startSimulator({ basePath });
  });
  afterAll(() => sim.stop());

  it('probes the instance and names the signed-in user', async () => {
    const info = await probeInstance(`${sim.url}/api/v3/`, {
      auth: { kind: 'apiKey', token: sim.tokens[token] },
    });
    expect(info).toEqual({
      baseUrl: sim.url,
      instanceName: 'OpenProject',
      coreVersion: null,
      user: { id: expect.any(Number) as number, name: 'Jane Doe' },
    });
    const admin = await probeInstance(sim.url, {
      auth: { kind: 'apiKey', token: sim.tokens.admin },
    });
    expect(admin.coreVersion).toBe('17.6.0');
  });

  it('probes anonymously: an OpenProject, nobody signed in', async () => {
    await expect(probeInstance(sim.url)).resolves.toMatchObject({ baseUrl: sim.url, user: null });
  });

  it('knows who it is signed in as; the anonymous user is not a sign-in', async () => {
    await expect(client().me()).resolves.toMatchObject({
      name: 'Jane Doe',
      login: 'jane',
      admin: false,
    });
    expect((await apiFailure(createClient({ baseUrl: sim.url }).me())).kind).toBe(
      'unauthenticated',
    );
    const wrong = await apiFailure(
      client({ auth: { kind: 'apiKey', token: 'f'.repeat(40) } }).unreadCount(),
    );
    expect(wrong).toMatchObject({ kind: 'unauthenticated', status: 401 });
  });

  it('counts unread notifications, and the snapshot names the newest one', async () => {
    const unread = sim.control.notifications({ unread: true }).sort(newestFirst);
    expect(unread.length).toBeGreaterThan(0);
    await expect(client().unreadCount()).resolves.toBe(unread.length);
    await expect(client().unreadSnapshot()).resolves.toEqual({
      total: unread.length,
      newest: { id: unread[0]?.id, updatedAt: unread[0]?.updatedAt },
    });
  });

  it('lists every unread notification with work package, project, actor and details', async () => {
    const expected = sim.control.notifications({ unread: true });
    const items = await client().unreadNotifications();
    expect(items.map((i) => i.id).sort()).toEqual(expected.map((n) => n.id).sort());
    for (const item of items) {
      const truth = expected.find((n) => n.id === item.id);
      expect(item).toMatchObject({
        readIAN: false,
        reason: truth?.reason,
        updatedAt: truth?.updatedAt,
        workPackageId: truth?.workPackageId,
        projectId: truth?.projectId,
        details: truth?.details,
      });
      expect(item.actor?.id ?? null).toBe(truth?.actorId ?? null);
      expect(item.workPackageSubject).toBeTruthy();
      expect(item.projectName).toBeTruthy();
    }
    expect(items).toEqual([...items].sort(newestFirst));
  });

  it('groups them by work package, newest group first, with date alerts', async () => {
    const groups = await client().unreadGroups();
    const unread = sim.control.notifications({ unread: true });
    expect(groups.reduce((sum, g) => sum + g.count, 0)).toBe(unread.length);
    expect(new Set(groups.map((g) => g.workPackageId)).size).toBe(groups.length);
    const times = groups.map((g) => Date.parse(g.latestAt));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    for (const group of groups) {
      expect(group.url).toBe(`${sim.url}/work_packages/${group.workPackageId}`);
      const own = unread.filter((n) => n.workPackageId === group.workPackageId);
      expect(group.notificationIds.sort()).toEqual(own.map((n) => n.id).sort());
    }
    const alert = groups.find((g) => g.reasons.includes('dateAlert'));
    expect(alert?.dateAlert?.value).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('reads one notification (embedded form) and reports a missing one as not found', async () => {
    const [truth] = sim.control.notifications({ unread: true });
    const item = await client().notification(truth!.id);
    expect(item).toMatchObject({ id: truth!.id, workPackageId: truth!.workPackageId });
    const missing = await apiFailure(client().notification(999_999));
    expect(missing).toMatchObject({ kind: 'not-found', status: 404 });
  });

  it('searches text with paging; #id and id go to that work package; unknown ids find nothing', async () => {
    const c = client();
    const first = await c.search('bug', { pageSize: 5 });
    expect(first.total).toBeGreaterThan(5);
    expect(first.results).toHaveLength(5);
    const second = await c.search('bug', { offset: 2, pageSize: 5 });
    expect(second.total).toBe(first.total);
    const firstIds = first.results.map((r) => r.id);
    expect(second.results.some((r) => firstIds.includes(r.id))).toBe(false);
    for (const result of first.results) {
      expect(result.url).toBe(`${sim.url}/work_packages/${result.id}`);
      expect(result.type && result.status && result.project).toBeTruthy();
    }

    const wp = sim.control.workPackages()[0]!;
    for (const input of [`#${wp.id}`, ` ${wp.id} `]) {
      const page = await c.search(input);
      expect(page).toMatchObject({ total: 1, results: [{ id: wp.id, subject: wp.subject }] });
      expect(page.results[0]?.updatedAt).toBe(wp.updatedAt);
    }
    await expect(c.search('#999999')).resolves.toEqual({ total: 0, results: [] });
    await expect(c.workPackage(wp.id)).resolves.toMatchObject({
      id: wp.id,
      displayId: String(wp.id),
    });
  });

  it("sees only the token owner's notifications", async () => {
    const other = client({ auth: { kind: 'apiKey', token: sim.tokens.other } });
    await expect(other.unreadCount()).resolves.toBe(sim.control.unreadCount('zoe'));
    await expect(other.me()).resolves.toMatchObject({ login: 'zoe' });
  });
});

describe('simulator variants', () => {
  it('an instance that requires login is still recognised by the probe', async () => {
    const sim = await startSimulator({ basePath: '/openproject', loginRequired: true });
    try {
      await expect(probeInstance(`${sim.url}/`)).resolves.toEqual({
        baseUrl: sim.url,
        instanceName: 'OpenProject',
        coreVersion: null,
        user: null,
      });
      const error = await apiFailure(createClient({ baseUrl: sim.url }).unreadCount());
      expect(error.kind).toBe('unauthenticated');
      expect(error.message).toContain(`${sim.url}/my/access_tokens`);
    } finally {
      await sim.stop();
    }
  });

  it('absent links written as {href:null}, semantic ids, and a Bearer getter', async () => {
    const sim = await startSimulator({ absentLinks: 'null', semanticIds: true });
    try {
      const client = createClient({
        baseUrl: sim.url,
        auth: { kind: 'bearer', getToken: () => Promise.resolve(sim.tokens.bearer) },
      });
      const items = await client.unreadNotifications();
      expect(items.some((i) => i.reason === 'dateAlert' && i.actor === null)).toBe(true);
      const [hit] = (await client.search('bug', { pageSize: 1 })).results;
      expect(hit?.displayId).toMatch(/^[A-Z]+-\d+$/);
      await expect(client.workPackage(hit!.displayId)).resolves.toMatchObject({ id: hit?.id });
    } finally {
      await sim.stop();
    }
  });
});
