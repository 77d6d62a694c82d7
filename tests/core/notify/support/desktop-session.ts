/**
 * Runs inside `dbus-run-session`: starts Xvfb (on a free display), dunst (the notification
 * daemon) and dbus-monitor (watching Notify calls), then the sync engine with the node-notifier
 * Notifier against the simulator at OP_URL, polling every second. Talks to the test in JSON
 * lines on stdout: {"event":"ready","pid":…} once the first sync is done, then {"event":"result",…}
 * once a toast went out and two more seconds of polls passed. Every process it starts is stopped
 * by its PID before it exits.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import type { Readable } from 'node:stream';
import { createClient } from '../../../../main/core/api/client';
import { createNodeNotifier } from '../../../../main/core/notify/node-notifier';
import type { Notifier, Toast } from '../../../../main/core/notify/notifier';
import { createMemorySeenStore } from '../../../../main/core/sync/seen-store';
import { createSyncEngine } from '../../../../main/core/sync/sync-engine';

const children: ChildProcess[] = [];

function say(message: Record<string, unknown>): void {
  process.stdout.write(`${JSON.stringify(message)}\n`);
}

function start(command: string, args: string[], env: NodeJS.ProcessEnv = process.env) {
  const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe', 'pipe'] });
  children.push(child);
  return child;
}

function collect(stream: Readable | null): () => string {
  let text = '';
  stream?.setEncoding('utf8');
  stream?.on('data', (chunk: string) => (text += chunk));
  return () => text;
}

async function waitFor(check: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function stopAll(): Promise<void> {
  for (const child of children.reverse()) {
    if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) continue;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    process.kill(child.pid, 'SIGTERM');
    const timer = setTimeout(() => child.pid && process.kill(child.pid, 'SIGKILL'), 2_000);
    await exited;
    clearTimeout(timer);
  }
}

/** The Notify calls in dbus-monitor's output: app name, summary and body. */
function notifyCalls(output: string): { app: string; summary: string; body: string }[] {
  return output
    .split(/\n(?=\S)/)
    .filter((block) => block.startsWith('method call') && block.includes('member=Notify'))
    .map((block) => {
      const strings = [...block.matchAll(/^\s+string "(.*)"$/gm)].map((m) => m[1] ?? '');
      return { app: strings[0] ?? '', summary: strings[2] ?? '', body: strings[3] ?? '' };
    });
}

async function main(): Promise<void> {
  const url = process.env.OP_URL;
  const token = process.env.OP_TOKEN;
  if (!url || !token) throw new Error('OP_URL and OP_TOKEN are required');

  const xvfb = start('Xvfb', ['-displayfd', '3', '-screen', '0', '640x480x24', '-nolisten', 'tcp']);
  const displayText = collect(xvfb.stdio[3] as Readable);
  await waitFor(() => /\d+\n/.test(displayText()), 'Xvfb to pick a display');
  const display = `:${displayText().trim()}`;

  const dunst = start('dunst', [], { ...process.env, DISPLAY: display });
  const dunstLog = collect(dunst.stderr);
  await waitFor(
    () =>
      spawnSync('dbus-send', [
        '--session',
        '--print-reply',
        '--dest=org.freedesktop.DBus',
        '/org/freedesktop/DBus',
        'org.freedesktop.DBus.NameHasOwner',
        'string:org.freedesktop.Notifications',
      ])
        .stdout.toString()
        .includes('boolean true'),
    `dunst to own org.freedesktop.Notifications (${dunstLog()})`,
  );

  const monitor = start('dbus-monitor', [
    '--session',
    "interface='org.freedesktop.Notifications',member='Notify'",
  ]);
  const monitorOutput = collect(monitor.stdout);
  await waitFor(() => monitorOutput().includes('NameAcquired'), 'dbus-monitor to listen');

  const real = createNodeNotifier({ openExternal: () => undefined, timeoutSeconds: 5 });
  const shown: Toast[] = [];
  const notifier: Notifier = {
    reportsClicks: real.reportsClicks,
    onClick: (listener) => real.onClick(listener),
    notify: async (toast) => {
      await real.notify(toast);
      shown.push(toast);
    },
  };
  const engine = createSyncEngine({
    seenStore: createMemorySeenStore(),
    notifier,
    limits: { minIntervalMs: 1_000, maxIntervalMs: 30 * 60_000 },
  });
  const problems: string[] = [];
  engine.on('problem', ({ message }) => problems.push(message));
  let polls = 0;
  engine.on('poll', () => (polls += 1));
  engine.addAccount({
    id: 'desktop',
    label: 'Simulator',
    source: createClient({ baseUrl: url, auth: { kind: 'apiKey', token } }),
    intervalMs: 1_000,
  });
  engine.start();
  await waitFor(() => polls > 0, 'the first sync');
  say({ event: 'ready', pid: process.pid, display });

  await waitFor(() => shown.length > 0 || problems.length > 0, 'a toast', 20_000);
  const pollsAtToast = polls;
  await sleep(2_500);
  await engine.stop();
  await sleep(300); // let dbus-monitor print what it saw
  say({
    event: 'result',
    toasts: shown,
    problems,
    pollsAfterToast: polls - pollsAtToast,
    notifyCalls: notifyCalls(monitorOutput()),
  });
}

process.on('SIGTERM', () => {
  void stopAll().finally(() => process.exit(143));
});

main()
  .catch((error: unknown) => {
    say({ event: 'error', message: error instanceof Error ? error.message : String(error) });
    process.exitCode = 1;
  })
  .finally(() => void stopAll());
