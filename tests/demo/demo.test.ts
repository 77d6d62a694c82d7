/**
 * `npm run demo` where the Electron binary is not installed: it says so in one sentence, serves the
 * app in the browser (the harness) signed in to the simulator's demo account, and stops cleanly on
 * Ctrl+C. The script runs through tsx as npm runs it, in a process group of its own, and gets
 * SIGINT the way a terminal sends Ctrl+C (to the whole group).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { COMMAND_CHANNELS, type Account, type Result } from '../../preload/contract';
import { CONTENT_SECURITY_POLICY } from '../../main/shell/security';

const ROOT = resolve(import.meta.dirname, '../..');
const noElectron = mkdtempSync(join(tmpdir(), 'demo-no-electron-'));
let child: ChildProcess | undefined;

afterAll(() => {
  if (child?.pid && child.exitCode === null && child.signalCode === null) {
    process.kill(-child.pid, 'SIGKILL');
  }
  rmSync(noElectron, { recursive: true, force: true });
});

function portOpen(port: number): Promise<boolean> {
  return new Promise((resolvePromise) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolvePromise(true);
    });
    socket.once('error', () => resolvePromise(false));
  });
}

describe('npm run demo without the Electron binary', () => {
  it('serves the app in the browser, signed in to the simulator, until Ctrl+C', async () => {
    // `--build if-missing`: use the build in out/ (the test does not rebuild a renderer being edited).
    child = spawn(
      join(ROOT, 'node_modules/.bin/tsx'),
      ['tests/demo/demo.ts', '--build', 'if-missing'],
      {
        cwd: ROOT,
        detached: true,
        stdio: ['ignore', 'pipe', 'pipe'],
        // Wherever Electron is installed, its binary is looked for in an empty folder.
        env: { ...process.env, ELECTRON_OVERRIDE_DIST_PATH: noElectron, NODE_ENV: 'development' },
      },
    );
    let stdout = '';
    let stderr = '';
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<number | null>((resolvePromise) =>
      child!.once('exit', (code) => resolvePromise(code)),
    );
    await new Promise<void>((resolvePromise, reject) => {
      child!.stdout!.on('data', (chunk: Buffer) => {
        stdout += chunk.toString();
        if (stdout.includes('Stop with Ctrl+C.')) resolvePromise();
      });
      void exited.then((code) => reject(new Error(`the demo exited (${code}):\n${stderr}`)));
    });

    const lines = stdout.trim().split('\n');
    expect(lines[0]).toBe(
      'The Electron binary is not installed (it is downloaded from the internet, which was not reachable), so the same app is served in your browser instead.',
    );
    const url = /^OpenProject Tray in the browser: (http:\/\/127\.0\.0\.1:\d+\/\?k=\S+)$/m.exec(
      stdout,
    )?.[1];
    const simulatorUrl =
      /^ {2}OpenProject: {2}(http:\/\/127\.0\.0\.1:\d+) \(simulator, signed in as Jane Doe\)$/m.exec(
        stdout,
      )?.[1];
    expect(url).toBeDefined();
    expect(simulatorUrl).toBeDefined();

    const page = await fetch(url!);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(await page.text()).toContain('<script src="/__bridge.js"></script>');

    const pageUrl = new URL(url!);
    const secret = pageUrl.searchParams.get('k')!;
    const answer = await fetch(`${pageUrl.origin}/__bridge/${COMMAND_CHANNELS.listAccounts}`, {
      method: 'POST',
      headers: { 'x-harness-key': secret },
    });
    const accounts = (await answer.json()) as Result<Account[]>;
    expect(accounts.ok).toBe(true);
    const [account] = accounts.ok ? accounts.value : [];
    expect(account).toMatchObject({
      baseUrl: simulatorUrl,
      user: { name: 'Jane Doe' },
      state: { kind: 'connected' },
    });

    process.kill(-child.pid!, 'SIGINT');
    expect(await exited).toBe(0);
    expect(await portOpen(Number(pageUrl.port))).toBe(false);
    expect(await portOpen(Number(new URL(simulatorUrl!).port))).toBe(false);
  }, 120_000);
});
