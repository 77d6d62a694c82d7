/**
 * The CLI as a user runs it: a real child process through bin/openproject-tray.js and through
 * `npx tsx main/cli/index.ts`, configured by environment variables, with no build step.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../simulator';
import { ANSI, childEnv, closedPort, onlyJson, unreadOnServer } from './support';

const ROOT = resolve(import.meta.dirname, '../..');
const BIN = join(ROOT, 'bin/openproject-tray.js');

let sim: Simulator;
let elsewhere: string;

beforeAll(async () => {
  sim = await startSimulator({ port: 0 });
  elsewhere = await mkdtemp(join(tmpdir(), 'openproject-tray-cli-'));
});

afterAll(async () => {
  await sim.stop();
  await rm(elsewhere, { recursive: true, force: true });
});

interface ProcessResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

function run(
  file: string,
  args: string[],
  env: Record<string, string>,
  cwd = ROOT,
): Promise<ProcessResult> {
  return new Promise((done) => {
    execFile(file, args, { cwd, env: childEnv(env), timeout: 60_000 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : null) : 0;
      // npm/npx may warn about the machine's npm configuration; that is not the CLI speaking
      done({ code, stdout, stderr: stderr.replace(/^npm warn .*\n/gim, '') });
    });
  });
}

describe('bin/openproject-tray.js', () => {
  it('notifications --json: the simulator’s unread count, from another working directory', async () => {
    const server = await unreadOnServer(sim.url, sim.tokens.apiKey);
    const result = await run(
      process.execPath,
      [BIN, 'notifications', '--json'],
      { OPENPROJECT_URL: sim.url, OPENPROJECT_API_KEY: sim.tokens.apiKey },
      elsewhere,
    );
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const json = onlyJson(result.stdout) as { unread: number; workPackages: { id: number }[] };
    expect(json.unread).toBe(server.total);
    expect(json.workPackages.length).toBeGreaterThan(0);
  });

  it('is executable by its shebang, and a wrong token exits 1 with one sentence', async () => {
    const token = 'e'.repeat(40);
    const result = await run(BIN, ['whoami'], {
      OPENPROJECT_URL: sim.url,
      OPENPROJECT_API_KEY: token,
    });
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^Error: [^\n]+\n$/);
    expect(result.stderr).not.toContain(token);
    expect(result.stderr).not.toMatch(ANSI);
  });

  it('an unreachable server exits 1; a usage error exits 2', async () => {
    const port = await closedPort();
    const unreachable = await run(process.execPath, [BIN, 'notifications'], {
      OPENPROJECT_URL: `http://127.0.0.1:${port}`,
      OPENPROJECT_API_KEY: sim.tokens.apiKey,
    });
    expect(unreachable.code).toBe(1);
    expect(unreachable.stderr).toContain(`127.0.0.1:${port}`);

    const usage = await run(process.execPath, [BIN, 'notifcations'], {});
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain("Did you mean 'notifications'?");
  });
});

describe('npx tsx main/cli/index.ts', () => {
  it('whoami and search print human output', async () => {
    const env = { OPENPROJECT_URL: sim.url, OPENPROJECT_API_KEY: sim.tokens.apiKey };
    const whoami = await run('npx', ['--no-install', 'tsx', 'main/cli/index.ts', 'whoami'], env);
    expect(whoami.stderr).toBe('');
    expect(whoami.code).toBe(0);
    expect(whoami.stdout).toMatch(/^Name\s+\S/);
    expect(whoami.stdout).not.toMatch(ANSI);

    const missing = await run(
      'npx',
      ['--no-install', 'tsx', 'main/cli/index.ts', 'notifications'],
      {
        OPENPROJECT_API_KEY: sim.tokens.apiKey,
      },
    );
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe('Error: No OpenProject URL: set OPENPROJECT_URL or pass --url.\n');
  });

  it('npm run cli -- read --all --json', async () => {
    const own = await startSimulator({ port: 0 });
    try {
      expect((await unreadOnServer(own.url, own.tokens.apiKey)).total).toBeGreaterThan(0);
      const result = await run('npm', ['run', '--silent', 'cli', '--', 'read', '--all', '--json'], {
        OPENPROJECT_URL: own.url,
        OPENPROJECT_API_KEY: own.tokens.apiKey,
      });
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      expect(onlyJson(result.stdout)).toEqual({ marked: 'all' });
      expect((await unreadOnServer(own.url, own.tokens.apiKey)).total).toBe(0);
    } finally {
      await own.stop();
    }
  });
});
