/**
 * A real desktop notification: under Xvfb and a private D-Bus session with dunst as the
 * notification daemon, the engine polls the simulator; a notification is created there and
 * dbus-monitor sees exactly one Notify call with the expected title and body.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, describe, expect, it } from 'vitest';
import { createClient } from '../../../main/core/api/client';
import { startSimulator, type Simulator } from '../../simulator/index';

const TOOLS = ['Xvfb', 'dbus-run-session', 'dunst', 'dbus-monitor', 'dbus-send', 'notify-send'];

function onPath(tool: string): boolean {
  return (process.env.PATH ?? '').split(delimiter).some((dir) => {
    try {
      accessSync(join(dir, tool), constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

const missing = process.platform === 'linux' ? TOOLS.filter((tool) => !onPath(tool)) : TOOLS;
if (missing.length > 0) {
  console.warn(
    `Skipping the desktop notification test: ${process.platform === 'linux' ? `not installed: ${missing.join(', ')}` : 'it needs Linux (D-Bus)'}.`,
  );
}

interface Line {
  event: string;
  pid?: number;
  message?: string;
  toasts?: { title: string; body: string }[];
  problems?: string[];
  pollsAfterToast?: number;
  notifyCalls?: { app: string; summary: string; body: string }[];
}

let session: ChildProcess | undefined;
let helperPid: number | undefined;
let sim: Simulator | undefined;

function alive(pid: number | undefined): pid is number {
  if (pid === undefined) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

afterAll(async () => {
  if (alive(helperPid)) process.kill(helperPid, 'SIGTERM'); // it stops Xvfb, dunst, dbus-monitor
  const child = session;
  if (child?.pid !== undefined && child.exitCode === null && child.signalCode === null) {
    const pid = child.pid;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    const timer = setTimeout(() => alive(pid) && process.kill(pid, 'SIGKILL'), 3_000);
    await exited;
    clearTimeout(timer);
  }
  await sim?.stop();
});

describe.skipIf(missing.length > 0)('a desktop notification over D-Bus', () => {
  it('one Notify call with the work package, project, reason and actor', async () => {
    sim = await startSimulator({ unread: 3 });
    const simulator = sim;
    session = spawn(
      'dbus-run-session',
      [
        '--',
        process.execPath,
        '--import',
        'tsx',
        join(import.meta.dirname, 'support/desktop-session.ts'),
      ],
      {
        cwd: join(import.meta.dirname, '../../..'),
        env: { ...process.env, OP_URL: simulator.url, OP_TOKEN: simulator.tokens.apiKey },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let stderr = '';
    session.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const lines = createInterface({ input: session.stdout! });

    let expected: { title: string; body: string } | undefined;
    let result: Line | undefined;
    for await (const text of lines) {
      if (!text.startsWith('{')) continue;
      const line = JSON.parse(text) as Line;
      if (line.event === 'error') throw new Error(`${line.message} ${stderr}`);
      if (line.event === 'ready') {
        helperPid = line.pid;
        const workPackage = simulator.control.workPackages().find((wp) => !wp.isClosed)!;
        const change = simulator.control.createNotification({
          workPackageId: workPackage.id,
          reason: 'mentioned',
        });
        const client = createClient({
          baseUrl: simulator.url,
          auth: { kind: 'apiKey', token: simulator.tokens.apiKey },
        });
        const item = await client.notification(change.notification.id);
        expected = {
          title: `#${workPackage.id} ${workPackage.subject}`,
          body: `${item.projectName} · mentioned by ${item.actor?.name}`,
        };
      }
      if (line.event === 'result') {
        result = line;
        break;
      }
    }

    expect(result?.problems).toEqual([]);
    expect(result?.pollsAfterToast).toBeGreaterThanOrEqual(2);
    expect(result?.toasts).toEqual([expect.objectContaining(expected)]);
    expect(result?.notifyCalls).toEqual([
      { app: 'OpenProject Tray', summary: expected?.title, body: expected?.body },
    ]);
  }, 60_000);
});
