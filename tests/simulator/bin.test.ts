/**
 * `npm run simulator` (tests/simulator/bin.ts) as a real process: prints the URL, tokens, the
 * control secret and a CLI example; serves; stops cleanly on SIGTERM and SIGINT.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const tsxCli = createRequire(import.meta.url).resolve('tsx/cli');
let child: ChildProcess | undefined;

afterEach(() => {
  if (child?.pid !== undefined && child.exitCode === null) process.kill(child.pid, 'SIGKILL');
  child = undefined;
});

function launch(args: string[]): Promise<{ output: string; exited: Promise<number | null> }> {
  const proc = spawn(process.execPath, [tsxCli, 'tests/simulator/bin.ts', ...args], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child = proc;
  const exited = new Promise<number | null>((resolve) => proc.on('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`no banner within 15 s:\n${output}`)), 15_000);
    proc.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    proc.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Ctrl+C stops it.')) {
        clearTimeout(timer);
        resolve({ output, exited });
      }
    });
    proc.on('exit', () => reject(new Error(`exited early:\n${output}`)));
  });
}

describe('npm run simulator', () => {
  it.each(['SIGTERM', 'SIGINT'] as const)(
    'prints how to use it, serves, and stops on %s',
    async (signal) => {
      const { output, exited } = await launch([
        '--port',
        '0',
        '--base-path',
        '/openproject',
        '--unread',
        '3',
        '--secret',
        'test-secret',
      ]);
      const url = /listening at (http:\/\/127\.0\.0\.1:\d+\/openproject)/.exec(output)?.[1];
      const apiKey = /API key\s+([0-9a-f]{40})/.exec(output)?.[1];
      expect(url).toBeDefined();
      expect(apiKey).toBeDefined();
      expect(output).toMatch(/Bearer token\s+opapi-[0-9a-f]{64}/);
      expect(output).toContain('x-simulator-secret: test-secret');
      expect(output).toContain(
        `OPENPROJECT_URL=${url} OPENPROJECT_API_KEY=${apiKey} npm run cli -- notifications`,
      );
      const response = await fetch(
        `${url}/api/v3/notifications?pageSize=0&filters=${encodeURIComponent('[{"readIAN":{"operator":"=","values":["f"]}}]')}`,
        {
          headers: { authorization: `Basic ${Buffer.from(`apikey:${apiKey}`).toString('base64')}` },
        },
      );
      expect(((await response.json()) as { total: number }).total).toBe(3);
      child?.kill(signal);
      expect(await exited).toBe(0);
    },
  );

  it('explains a bad flag value', async () => {
    const proc = spawn(process.execPath, [tsxCli, 'tests/simulator/bin.ts', '--unread', 'many'], {
      cwd: root,
    });
    child = proc;
    let stderr = '';
    proc.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => proc.on('exit', resolve));
    expect(code).toBe(1);
    expect(stderr).toContain('--unread needs a whole number');
  });
});
