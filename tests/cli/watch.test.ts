/**
 * `openproject-tray watch --json --interval 1` as a status bar runs it: a real child process
 * polling the simulator, events as JSON lines on stdout, a record of what was printed on disk,
 * stopped by SIGTERM or SIGINT.
 */
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../simulator';
import { afterOnePoll, WatchProcess, type Line } from './watch-process';

let sim: Simulator;
let stateDir: string;
let watch: WatchProcess;
const started: WatchProcess[] = [];

function startWatch(): WatchProcess {
  const child = new WatchProcess(['--json', '--interval', '1', '--state-dir', stateDir], {
    OPENPROJECT_URL: sim.url,
    OPENPROJECT_API_KEY: sim.tokens.apiKey,
  });
  started.push(child);
  return child;
}

const unreadLines = (lines: Line[]) => lines.filter((l) => l.type === 'unread');
const stateLines = (lines: Line[]) => lines.filter((l) => l.type === 'state');
const lastUnread = (lines: Line[]) => unreadLines(lines).at(-1)?.count;

beforeAll(async () => {
  sim = await startSimulator({ port: 0, unread: 12 });
  stateDir = await mkdtemp(join(tmpdir(), 'openproject-tray-watch-'));
});

afterAll(async () => {
  await Promise.all(started.map((child) => child.kill()));
  await sim.stop();
  await rm(stateDir, { recursive: true, force: true });
});

/** An open work package to change, and a second one. */
function workPackages(): [number, number] {
  const open = sim.control.workPackages().filter((wp) => !wp.isClosed);
  const [first, second] = open;
  if (!first || !second) throw new Error('The simulator has no open work packages');
  return [first.id, second.id];
}

describe('watch --json --interval 1 (a real child process)', () => {
  let created: { id: number; workPackageId: number; createdAt: string; updatedAt: string };

  it('first run: the unread count and state "ok", no lines for the notifications already there', async () => {
    watch = startWatch();
    await watch.waitFor('the first unread and state lines', (lines) =>
      unreadLines(lines).length > 0 && stateLines(lines).length > 0 ? true : undefined,
    );
    await afterOnePoll(sim);
    expect(watch.lines.slice(0, 2)).toEqual(
      expect.arrayContaining([
        { type: 'unread', count: 12 },
        { type: 'state', state: 'ok', message: expect.any(String) as string },
      ]),
    );
    expect(watch.notifications()).toEqual([]);
    expect(watch.stderr).toBe('');
    // What was seen is recorded on disk for the next run.
    expect((await readdir(stateDir)).some((name) => name.endsWith('.json'))).toBe(true);
  });

  it('a new notification: exactly one notification line with its fields, and one unread line', async () => {
    const [workPackageId] = workPackages();
    const change = sim.control.createNotification({
      workPackageId,
      reason: 'mentioned',
      actor: 'zoe',
    });
    expect(change.outcome).toBe('created');
    created = change.notification;
    await watch.waitFor('the notification line', (lines) => lastUnread(lines) === 13);
    await afterOnePoll(sim);
    expect(watch.notifications()).toEqual([
      {
        type: 'notification',
        id: created.id,
        workPackageId,
        reason: 'mentioned',
        createdAt: created.createdAt,
        updatedAt: created.updatedAt,
      },
    ]);
    expect(unreadLines(watch.lines)).toEqual([
      { type: 'unread', count: 12 },
      { type: 'unread', count: 13 },
    ]);
  });

  it('updated in place (same actor, same work package, within 5 min): one more line, same id, newer updatedAt', async () => {
    const change = sim.control.createNotification({
      workPackageId: created.workPackageId,
      reason: 'commented',
      actor: 'zoe',
    });
    expect(change.outcome).toBe('aggregated');
    expect(change.notification.id).toBe(created.id);
    await watch.waitFor('the second notification line', (lines) =>
      lines.filter((l) => l.type === 'notification').length >= 2 ? true : undefined,
    );
    await afterOnePoll(sim);
    const [first, second, ...more] = watch.notifications();
    expect(more).toEqual([]);
    expect(second).toMatchObject({ id: created.id, reason: 'commented' });
    expect(second?.updatedAt).toBe(change.notification.updatedAt);
    expect(Date.parse(second?.updatedAt ?? '')).toBeGreaterThan(Date.parse(first?.updatedAt ?? ''));
    // Still one unread notification more than at the start: the count did not change.
    expect(unreadLines(watch.lines)).toHaveLength(2);
  });

  it('marked read elsewhere: an unread line with the lower count, no notification line', async () => {
    sim.control.markRead(created.id);
    await watch.waitFor('the lower unread count', (lines) => lastUnread(lines) === 12);
    await afterOnePoll(sim);
    expect(watch.notifications()).toHaveLength(2);
  });

  it('a 503 from the server: a "server-error" state line, then "ok" again, nothing repeated', async () => {
    const before = watch.lines.length;
    sim.control.resetStats();
    const fault = sim.control.injectFault({ kind: 'status', status: 503 });
    const failed = await watch.waitFor('the server-error state', (lines) =>
      lines.slice(before).find((l) => l.type === 'state' && l.state === 'server-error'),
    );
    // Let a second poll fail too (as many 503s again as the first one took, with its retries).
    const answered503 = () => sim.control.stats().recent.filter((r) => r.status === 503).length;
    const firstPoll = answered503();
    await expect
      .poll(answered503, { timeout: 20_000, interval: 100 })
      .toBeGreaterThanOrEqual(2 * firstPoll);
    expect(failed).toMatchObject({ message: expect.stringContaining('503') as string });
    if (failed.type === 'state') {
      expect(failed.message).toContain('keeps trying by itself');
      expect(failed.message).not.toContain('Refresh now');
    }
    sim.control.clearFaults(fault);
    await watch.waitFor(
      'the state back to ok',
      (lines) => lines.slice(before).some((l) => l.type === 'state' && l.state === 'ok'),
      30_000,
    );
    await afterOnePoll(sim);
    const after = watch.lines.slice(before);
    // One line per change of state, not one per failed poll.
    expect(after.map((l) => (l.type === 'state' ? l.state : l.type))).toEqual([
      'server-error',
      'ok',
    ]);
    expect(watch.notifications()).toHaveLength(2);
  });

  it('SIGTERM: exits 0 within 3 s, having printed only JSON lines', async () => {
    const exit = await watch.stop('SIGTERM');
    expect(exit).toMatchObject({ code: 0, signal: null });
    expect(exit.ms).toBeLessThan(3_000);
    expect(watch.stderr).toBe('');
    expect(() => watch.lines).not.toThrow();
  });

  it('restarted with the same state folder: no notification printed again; SIGINT exits 0', async () => {
    watch = startWatch();
    await watch.waitFor('the first unread and state lines', (lines) =>
      unreadLines(lines).length > 0 && stateLines(lines).length > 0 ? true : undefined,
    );
    await afterOnePoll(sim);
    expect(watch.lines).toEqual(
      expect.arrayContaining([
        { type: 'unread', count: 12 },
        { type: 'state', state: 'ok', message: expect.any(String) as string },
      ]),
    );
    expect(watch.lines).toHaveLength(2);
    const exit = await watch.stop('SIGINT');
    expect(exit).toMatchObject({ code: 0, signal: null });
    expect(exit.ms).toBeLessThan(3_000);
  });

  it('what arrived while it was not running is printed once at the next start', async () => {
    const [, workPackageId] = workPackages();
    const change = sim.control.createNotification({
      workPackageId,
      reason: 'assigned',
      actor: 'zoe',
    });
    watch = startWatch();
    await watch.waitFor('the notification line', (lines) =>
      lines.some((l) => l.type === 'notification') ? true : undefined,
    );
    await afterOnePoll(sim);
    expect(watch.notifications()).toEqual([
      expect.objectContaining({ id: change.notification.id, workPackageId, reason: 'assigned' }),
    ]);
    expect(lastUnread(watch.lines)).toBe(13);
  });

  it('SIGTERM while OpenProject is slow to answer: leaves the poll behind, exits 0 within 3 s', async () => {
    const slow = sim.control.injectFault({ kind: 'latency', ms: 15_000 });
    try {
      // Polls come every second: after 1.5 s one is stuck in the slow request (the server only
      // counts a request once it has answered, so there is nothing to wait for but time).
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      sim.control.resetStats();
      const exit = await watch.stop('SIGTERM');
      expect(exit).toMatchObject({ code: 0, signal: null });
      expect(exit.ms).toBeLessThan(3_000);
      // A request was indeed in flight: the server saw its client hang up before the answer.
      await expect
        .poll(() => sim.control.stats().recent.some((r) => r.dropped), { timeout: 2_000 })
        .toBe(true);
    } finally {
      sim.control.clearFaults(slow);
    }
  });
});
