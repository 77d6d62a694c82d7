/**
 * The seed: deterministic, realistic (non-ASCII names, long and emoji subjects, every reason,
 * mostly unread, date alerts without actor), exact unread counts for benchmarks, fast to start.
 */
import { describe, expect, it } from 'vitest';
import { DEMO_COUNTS, type Simulator } from './index';
import { getJson, notificationList, q, start, UNREAD, type HalCollection } from './test-helpers';

async function dump(sim: Simulator): Promise<string> {
  const notifications = await getJson(sim, '/api/v3/notifications?pageSize=1000');
  const workPackages = await getJson(sim, `/api/v3/work_packages?pageSize=1000&filters=${q([])}`);
  return JSON.stringify({
    notifications,
    workPackages,
    tokens: sim.tokens,
    users: sim.control.users(),
  });
}

async function withSim<T>(
  options: Parameters<typeof start>[0],
  body: (sim: Simulator) => Promise<T>,
): Promise<T> {
  const sim = await start(options);
  try {
    return await body(sim);
  } finally {
    await sim.stop();
  }
}

describe('determinism', () => {
  it('the same seed and clock give byte-identical data (ports aside); another seed differs', async () => {
    const a = await withSim({ seed: 7 }, dump);
    const b = await withSim({ seed: 7 }, dump);
    const c = await withSim({ seed: 8 }, dump);
    expect(a).toBe(b);
    expect(c).not.toBe(a);
  });
});

describe('the demo data set', () => {
  it('looks like a real instance', () =>
    withSim({}, async (sim) => {
      const names = sim.control.users().map((u) => u.name);
      expect(names).toEqual(
        expect.arrayContaining(['Jane Doe', 'Zoë Müller', 'Jürgen Weiß', '山田 太郎']),
      );
      expect(names.length).toBeGreaterThanOrEqual(8);
      expect(sim.control.users().find((u) => u.login === 'jane')).toMatchObject({ admin: false });
      expect(sim.control.users().some((u) => u.admin)).toBe(true);

      const wps = sim.control.workPackages();
      expect(wps).toHaveLength(200);
      expect(wps.some((wp) => wp.subject.length > 120)).toBe(true);
      expect(wps.some((wp) => /\p{Extended_Pictographic}/u.test(wp.subject))).toBe(true);
      expect(wps.some((wp) => /[^\p{ASCII}]/u.test(wp.subject))).toBe(true);
      expect(wps.some((wp) => wp.isClosed)).toBe(true);
      expect(new Set(wps.map((wp) => wp.projectId)).size).toBeGreaterThanOrEqual(5);

      const project = await getJson(sim, '/api/v3/projects/4');
      expect(project.name).toMatch(/[^\p{ASCII}]/u);
      const statuses = await getJson<HalCollection<{ isClosed: boolean }>>(sim, '/api/v3/statuses');
      expect(new Set(statuses._embedded.elements.map((s) => s.isClosed))).toEqual(
        new Set([true, false]),
      );
      const types = await getJson<HalCollection<{ name: string }>>(sim, '/api/v3/types');
      expect(types._embedded.elements.map((t) => t.name)).toEqual(
        expect.arrayContaining(['Task', 'Bug', 'Feature', 'Milestone', 'Epic']),
      );
    }));

  it('has hundreds of notifications of every reason for Jane, mostly unread, date alerts without actor', () =>
    withSim({}, async (sim) => {
      const all = sim.control.notifications();
      expect(all).toHaveLength(DEMO_COUNTS.demoUser);
      const unread = all.filter((n) => !n.readIAN).length;
      expect(unread / all.length).toBeGreaterThan(0.55);
      expect(unread).toBeLessThan(all.length);
      const groups = await notificationList(sim, 'pageSize=0&groupBy=reason');
      expect(new Set(groups.groups?.map((g) => g.value))).toEqual(
        new Set([
          'mentioned',
          'assigned',
          'watched',
          'subscribed',
          'commented',
          'created',
          'processed',
          'prioritized',
          'scheduled',
          'responsible',
          'dateAlert',
          'shared',
          'reminder',
        ]),
      );
      for (const n of all.filter((x) => x.reason === 'dateAlert')) {
        expect(n.actorId).toBeNull();
        expect(n.activityId).toBeNull();
      }
      expect(
        all.filter((x) => x.reason === 'reminder').every((n) => n.details[0]?.property === 'note'),
      ).toBe(true);
      expect(sim.control.notifications({ recipient: 'zoe' })).toHaveLength(DEMO_COUNTS.otherUser);
      const newest = Math.max(...all.map((n) => Date.parse(n.updatedAt)));
      expect(sim.control.now().getTime() - newest).toBeGreaterThanOrEqual(10 * 60_000);
    }));
});

describe('sized data sets', () => {
  it.each([0, 500, 5000])('unread: %i seeds exactly that many unread notifications', (count) =>
    withSim({ unread: count }, async (sim) => {
      expect((await notificationList(sim, `pageSize=0&filters=${UNREAD}`)).total).toBe(count);
    }),
  );

  it('empty has no notifications at all', () =>
    withSim({ empty: true }, async (sim) => {
      expect((await notificationList(sim, 'pageSize=0')).total).toBe(0);
      expect(sim.control.workPackages()).toHaveLength(200);
    }));

  it('starts in under a second with 5,000 unread', async () => {
    const started = performance.now();
    const sim = await start({ unread: 5000 });
    const elapsed = performance.now() - started;
    await sim.stop();
    expect(elapsed).toBeLessThan(1000);
  });
});
