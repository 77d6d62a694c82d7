/**
 * Runs `prism proxy --errors` (package @stoplight/prism-cli) as its own process in front of an
 * upstream server: started by its own binary on 127.0.0.1 and a free port, ready when it logs
 * "Prism is listening on …", stopped by its PID.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { REPO_ROOT } from './spec-location';

export const PRISM_BIN = path.join(REPO_ROOT, 'node_modules', '.bin', 'prism');

export interface PrismProxy {
  /** http://127.0.0.1:PORT — prism mirrors the spec's paths (`/api/v3/…`) at its root. */
  readonly url: string;
  readonly pid: number;
  /** Milliseconds from spawn to "listening". */
  readonly startupMs: number;
  /** Everything prism printed so far (ANSI colours removed). */
  log(): string;
  stop(): Promise<void>;
}

export interface PrismOptions {
  spec: string;
  /** The server prism forwards to; its path (e.g. `/openproject`) is kept as a prefix. */
  upstream: string;
  readyTimeoutMs?: number;
}

const READY = /Prism is listening on (http:\/\/\S+)/;
const ANSI = new RegExp(String.fromCharCode(27) + String.raw`\[[0-9;]*m`, 'g');

export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no TCP port was assigned');
  return address.port;
}

export async function startPrism(options: PrismOptions): Promise<PrismProxy> {
  if (!existsSync(PRISM_BIN)) {
    throw new Error(
      `${PRISM_BIN} is missing: the dev dependency @stoplight/prism-cli is not installed.`,
    );
  }
  const port = await freePort();
  const args = ['proxy', '--errors', '--host', '127.0.0.1', '--port', String(port)];
  const started = Date.now();
  const child = spawn(PRISM_BIN, [...args, options.spec, options.upstream], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1' },
  });
  if (child.pid === undefined) throw new Error(`${PRISM_BIN} could not be started.`);
  const pid = child.pid;
  let output = '';
  const collect = (chunk: Buffer): void => {
    output += chunk.toString('utf8').replace(ANSI, '');
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);

  const url = await waitUntilListening(child, () => output, options.readyTimeoutMs ?? 30_000).catch(
    async (error: unknown) => {
      await stopChild(child);
      throw error;
    },
  );
  const startupMs = Date.now() - started;
  // Should the test process end without stop(), take this prism down with it.
  const onExit = (): void => {
    child.kill('SIGKILL');
  };
  process.once('exit', onExit);
  const stop = async (): Promise<void> => {
    process.off('exit', onExit);
    await stopChild(child);
  };
  return { url, pid, startupMs, log: () => output, stop };
}

function tail(text: string, lines = 15): string {
  return text.trimEnd().split('\n').slice(-lines).join('\n');
}

function waitUntilListening(
  child: ChildProcess,
  output: () => string,
  timeoutMs: number,
): Promise<string> {
  return new Promise((resolve, reject) => {
    const check = (): void => {
      const match = READY.exec(output());
      if (match?.[1]) done(() => resolve(match[1] ?? ''));
    };
    const onExit = (code: number | null, signal: NodeJS.Signals | null): void =>
      done(() =>
        reject(
          new Error(
            `prism exited (${signal ?? `code ${String(code)}`}) before listening:\n${tail(output())}`,
          ),
        ),
      );
    const timer = setTimeout(
      () =>
        done(() =>
          reject(new Error(`prism was not listening after ${timeoutMs} ms:\n${tail(output())}`)),
        ),
      timeoutMs,
    );
    function done(settle: () => void): void {
      clearTimeout(timer);
      child.stdout?.off('data', check);
      child.off('exit', onExit);
      settle();
    }
    child.stdout?.on('data', check);
    child.once('exit', onExit);
    check();
  });
}

/** SIGTERM to that PID, SIGKILL if it has not exited after 3 s. */
function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const kill = setTimeout(() => child.kill('SIGKILL'), 3_000);
    child.once('exit', () => {
      clearTimeout(kill);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
