/**
 * `openproject-tray watch` as a real child process (bin/openproject-tray.js, through tsx): its
 * stdout read line by line as it arrives, each line parsed as JSON, and a clean way to signal it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import type { Simulator } from '../simulator';
import { childEnv } from './support';

const ROOT = resolve(import.meta.dirname, '../..');
const BIN = join(ROOT, 'bin/openproject-tray.js');

export type Line =
  | {
      type: 'notification';
      id: number;
      workPackageId: number | null;
      reason: string;
      createdAt: string;
      updatedAt: string;
    }
  | { type: 'unread'; count: number }
  | { type: 'state'; state: string; message: string };

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
  /** Milliseconds from the signal to the exit. */
  ms: number;
}

export class WatchProcess {
  /** stdout, one entry per line, as written. */
  readonly raw: string[] = [];
  stderr = '';
  readonly #child: ChildProcess;
  readonly #exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  #waiters = new Set<() => void>();

  constructor(args: readonly string[], env: Record<string, string>) {
    this.#child = spawn(process.execPath, [BIN, 'watch', ...args], {
      cwd: ROOT,
      env: childEnv(env),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.#exit = new Promise((done) => {
      this.#child.once('exit', (code, signal) => done({ code, signal }));
    });
    createInterface({ input: this.#child.stdout! }).on('line', (line) => {
      this.raw.push(line);
      this.#wake();
    });
    this.#child.stderr!.setEncoding('utf8').on('data', (chunk: string) => {
      this.stderr += chunk;
    });
    void this.#exit.then(() => this.#wake());
  }

  /** Every line parsed; a line that is not one JSON object fails the test. */
  get lines(): Line[] {
    return this.raw.map((text) => {
      const value = JSON.parse(text) as unknown;
      if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        throw new Error(`Not a JSON object on stdout: ${text}`);
      }
      return value as Line;
    });
  }

  notifications(): Extract<Line, { type: 'notification' }>[] {
    return this.lines.filter((l) => l.type === 'notification');
  }

  /** Resolves once `done(lines)` holds; fails with what was printed after `timeoutMs`. */
  async waitFor<T>(
    what: string,
    done: (lines: Line[]) => T | undefined | false,
    timeoutMs = 20_000,
  ): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const result = done(this.lines);
      if (result !== undefined && result !== false) return result;
      if (this.#child.exitCode !== null) {
        throw new Error(`watch exited (${this.#child.exitCode}) before ${what}: ${this.report()}`);
      }
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`Timed out waiting for ${what}: ${this.report()}`);
      await new Promise<void>((wake) => {
        const timer = setTimeout(wake, Math.min(left, 250));
        this.#waiters.add(() => {
          clearTimeout(timer);
          wake();
        });
      });
    }
  }

  /** Sends the signal and waits for the exit (killing it if it takes longer than 10 s). */
  async stop(signal: 'SIGINT' | 'SIGTERM'): Promise<Exit> {
    const started = Date.now();
    this.#child.kill(signal);
    const timer = setTimeout(() => this.#child.kill('SIGKILL'), 10_000);
    const { code, signal: bySignal } = await this.#exit;
    clearTimeout(timer);
    return { code, signal: bySignal, ms: Date.now() - started };
  }

  /** Makes sure it is gone (after a failed test). */
  async kill(): Promise<void> {
    if (this.#child.exitCode === null && this.#child.signalCode === null) {
      this.#child.kill('SIGKILL');
      await this.#exit;
    }
  }

  report(): string {
    return `\nstdout:\n${this.raw.join('\n')}\nstderr:\n${this.stderr}`;
  }

  #wake(): void {
    const waiters = [...this.#waiters];
    this.#waiters.clear();
    for (const wake of waiters) wake();
  }
}

const SNAPSHOT = /[?&]pageSize=1(&|$)/;

/**
 * Resolves once watch has finished at least one whole poll that started after this call: polls
 * run one at a time and each starts with the small snapshot request, so when the second snapshot
 * after now arrives, the first poll after now is done and has printed all it had to.
 */
export async function afterOnePoll(sim: Simulator, timeoutMs = 20_000): Promise<void> {
  sim.control.resetStats();
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const snapshots = sim.control
      .stats()
      .recent.filter((r) => r.path === '/api/v3/notifications' && SNAPSHOT.test(r.query));
    if (snapshots.length >= 2) {
      // What that poll printed is in the pipe; give the reader a moment to take it in.
      await new Promise((resolve) => setTimeout(resolve, 200));
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('watch did not poll twice in time');
}
