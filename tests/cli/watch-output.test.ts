/**
 * `watch` in-process (runCli with collecting streams and an AbortSignal) against the simulator:
 * its human lines, a refused key, usage mistakes, the state folder and the help text.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../main/cli/run';
import { defaultStateDir } from '../../main/cli/watch/state-dir';
import { startSimulator, type Simulator } from '../simulator';
import { ANSI, cli, collector, type Collector } from './support';

let sim: Simulator;
let temp: string;

beforeAll(async () => {
  sim = await startSimulator({ port: 0, unread: 3 });
  temp = await mkdtemp(join(tmpdir(), 'openproject-tray-watch-out-'));
});

afterAll(async () => {
  await sim.stop();
  await rm(temp, { recursive: true, force: true });
});

interface Running {
  stdout: Collector;
  stderr: Collector;
  stop(): Promise<number>;
  done: Promise<number>;
}

function watchInProcess(args: string[], apiKey = sim.tokens.apiKey): Running {
  const stdout = collector();
  const stderr = collector();
  const interrupt = new AbortController();
  const done = runCli(['watch', '--interval', '1', ...args], {
    env: { OPENPROJECT_URL: sim.url, OPENPROJECT_API_KEY: apiKey },
    stdout,
    stderr,
    signal: interrupt.signal,
    now: () => new Date(2026, 4, 20, 14, 3, 7),
  });
  return {
    stdout,
    stderr,
    done,
    stop() {
      interrupt.abort('SIGINT');
      return done;
    },
  };
}

async function until(what: string, check: () => boolean, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('watch, human output', () => {
  it('one readable line per event: "Unread: 3", the state, "#id subject — status changed by …"', async () => {
    const run = watchInProcess(['--state-dir', join(temp, 'human')]);
    try {
      await until('the first lines', () => run.stdout.text.includes('Connected'));
      expect(run.stdout.text).toContain('14:03:07  Unread: 3\n');
      expect(run.stdout.text).toContain('14:03:07  Connected: Up to date.\n');
      const wp = sim.control.workPackages().find((w) => !w.isClosed)!;
      sim.control.createNotification({ workPackageId: wp.id, reason: 'processed', actor: 'zoe' });
      await until('the notification line', () => run.stdout.text.includes(' — '));
      await until('the new count', () => run.stdout.text.includes('Unread: 4'));
      expect(run.stdout.text).toContain(
        `14:03:07  #${wp.id} ${wp.subject} — status changed by Zoë Müller\n`,
      );
    } finally {
      expect(await run.stop()).toBe(0);
    }
    expect(run.stdout.text).not.toMatch(ANSI);
    expect(run.stdout.text.split('\n').filter((l) => l.includes(' — '))).toHaveLength(1);
    expect(run.stderr.text).toBe('');
  });

  it('a key OpenProject stops accepting: says what to do, on stdout and stderr, and exits 1', async () => {
    const token = sim.control.createToken();
    const run = watchInProcess(['--json', '--state-dir', join(temp, 'refused')], token);
    await until('the first state', () => run.stdout.text.includes('"state"'));
    sim.control.revokeToken(token);
    expect(await run.done).toBe(1);
    const lines = run.stdout.text
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { type: string; state?: string; message?: string });
    const last = lines.at(-1);
    expect(last).toMatchObject({ type: 'state', state: 'needs-sign-in' });
    expect(last?.message).toContain('/my/access_tokens');
    expect(last?.message).toContain('OPENPROJECT_API_KEY');
    expect(run.stderr.text).toBe(`Error: ${last?.message}\n`);
    expect(run.stderr.text).not.toContain(token);
  });
});

describe('watch, usage', () => {
  const env = () => ({ OPENPROJECT_URL: sim.url, OPENPROJECT_API_KEY: sim.tokens.apiKey });

  it('a wrong --interval, an argument or a missing key: exit 2 with what to type', async () => {
    const bad = await cli(['watch', '--interval', 'soon'], { env: env() });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("'soon' is not a number of seconds");
    const operand = await cli(['watch', 'now'], { env: env() });
    expect(operand.code).toBe(2);
    expect(operand.stderr).toContain("'watch' takes no arguments");
    const noKey = await cli(['watch'], { env: { OPENPROJECT_URL: sim.url } });
    expect(noKey.code).toBe(2);
    expect(noKey.stderr).toContain('No API key');
  });

  it('a state folder that cannot be created: exit 2, naming the folder and --state-dir', async () => {
    const file = join(temp, 'a-file');
    await writeFile(file, 'not a folder');
    const result = await cli(['watch', '--state-dir', join(file, 'sub')], { env: env() });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(join(file, 'sub'));
    expect(result.stderr).toContain('--state-dir');
    expect(result.stdout).toBe('');
  });

  it('an interval below 1 s is raised to 1 s, with a warning on stderr only', async () => {
    const run = watchInProcess(['--json', '--interval', '0.2', '--state-dir', join(temp, 'fast')]);
    try {
      await until('the first state', () => run.stdout.text.includes('"state"'));
    } finally {
      expect(await run.stop()).toBe(0);
    }
    expect(run.stderr.text).toBe(
      'Warning: --interval 0.2 is outside 1 to 1800 seconds; checking every 1 s instead.\n',
    );
    for (const line of run.stdout.text.trim().split('\n'))
      expect(() => JSON.parse(line) as unknown).not.toThrow();
  });

  it('the state folder follows XDG_STATE_HOME, else the platform’s per-user folder', () => {
    expect(defaultStateDir({ XDG_STATE_HOME: '/x/state', HOME: '/home/u' }, 'linux')).toBe(
      '/x/state/openproject-tray/cli',
    );
    expect(defaultStateDir({ XDG_STATE_HOME: 'relative', HOME: '/home/u' }, 'linux')).toBe(
      '/home/u/.local/state/openproject-tray/cli',
    );
    expect(defaultStateDir({ HOME: '/Users/u' }, 'darwin')).toBe(
      '/Users/u/Library/Application Support/openproject-tray/cli',
    );
  });

  it('help explains the lines, the state folder, the first run and the signals', async () => {
    const help = await cli(['watch', '--help']);
    expect(help.code).toBe(0);
    for (const text of [
      '--interval <seconds>',
      '--state-dir <dir>',
      '$XDG_STATE_HOME/openproject-tray/cli',
      'The first run prints the unread count and the state',
      '{ "type": "notification", "id", "workPackageId", "reason", "createdAt", "updatedAt" }',
      '{ "type": "unread", "count" }',
      '{ "type": "state", "state", "message" }',
      'SIGTERM',
    ]) {
      expect(help.stdout).toContain(text);
    }
    const all = await cli(['help']);
    expect(all.stdout).toMatch(/^ {2}watch +Keep checking for notifications/m);
  });
});
