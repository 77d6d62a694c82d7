/**
 * One renderer end-to-end run: the browser harness (the real app service and core behind the
 * contract) against its own simulator with OAuth, on a fixed clock and seed, so that what the
 * views show — and so the screenshots — is the same from run to run.
 */
import { createServer } from 'node:net';
import { test, type Page } from '@playwright/test';
import { startHarness, type Harness, type HarnessOptions } from '../../../harness';
import type { SimulatorOptions } from '../../../simulator/types';
import { SimulatorHttp } from './simulator-http';

/** The simulator's "now" and the pages' clock: a Tuesday morning. */
export const FIXED_NOW = new Date('2026-03-10T09:30:00Z');

/** A fixed port keeps the instance URL in the screenshots stable; a free one when it is taken. */
const PREFERRED_SIMULATOR_PORT = 41_917;

export interface RendererRun {
  harness: Harness;
  /** The simulator's control interface over HTTP: the truth the specs compare with. */
  sim: SimulatorHttp;
  /** The simulator's base URL (what a user types in the wizard). */
  simulatorUrl: string;
  stop(): Promise<void>;
}

export interface RunOptions {
  /** Sign in at start with the demo user's API token (or this token). */
  demo?: boolean | { token: string };
  simulator?: Pick<SimulatorOptions, 'unread' | 'empty' | 'seed'>;
  harness?: Pick<HarnessOptions, 'hotkeyTaken' | 'startAtLoginSupported'>;
}

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
  });
}

/**
 * NODE_ENV as the worker started. The harness bundles its bridge script with vite's `build()` in
 * this process on the first page load, and vite sets NODE_ENV=production as it goes — after which
 * the harness refuses to start again. Restored before each start (reported to the harness's owner).
 */
const NODE_ENV_AT_START = process.env.NODE_ENV;

function restoreNodeEnv(): void {
  if (NODE_ENV_AT_START === undefined) delete process.env.NODE_ENV;
  else process.env.NODE_ENV = NODE_ENV_AT_START;
}

export async function startRun(options: RunOptions = {}): Promise<RendererRun> {
  restoreNodeEnv();
  const port = (await portIsFree(PREFERRED_SIMULATOR_PORT)) ? PREFERRED_SIMULATOR_PORT : 0;
  const harness = await startHarness({
    simulatorOptions: {
      port,
      basePath: '/openproject',
      clock: () => new Date(FIXED_NOW),
      ...options.simulator,
    },
    build: 'auto',
    ...(options.demo ? { demo: options.demo } : {}),
    ...options.harness,
  });
  const simulator = harness.simulator;
  if (!simulator) throw new Error('The harness started no simulator.');
  return {
    harness,
    sim: new SimulatorHttp(simulator.url, simulator.control.secret),
    simulatorUrl: simulator.url,
    stop: () => harness.stop(),
  };
}

/** English (UK dates), UTC, and the fixed clock: the same rendering on every machine. */
export const CONTEXT_OPTIONS = { locale: 'en-GB', timezoneId: 'UTC' } as const;

/**
 * Sizes the page like the window and stands its clock at FIXED_NOW (timers still run). Returns
 * the uncaught page errors so far, for a spec to assert there were none.
 */
export async function prepareView(
  page: Page,
  size: { width: number; height: number },
): Promise<() => string[]> {
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(error.message));
  await page.setViewportSize(size);
  await page.clock.setFixedTime(FIXED_NOW);
  return () => [...problems];
}

/** The widget's page, sized like its window, once its heading shows. Returns its page errors. */
export async function openWidget(
  page: Page,
  run: RendererRun,
  size: { width: number; height: number },
): Promise<() => string[]> {
  const errors = await prepareView(page, size);
  await page.goto(run.harness.pageUrl('widget'));
  await page.getByRole('heading', { name: 'Notifications', level: 1 }).waitFor();
  return errors;
}

/**
 * One run for the whole spec file (its tests in order): started before the first test, stopped
 * after the last. Returns the run of the moment.
 */
export function sharedRun(options: RunOptions = {}): () => RendererRun {
  let run: RendererRun | undefined;
  test.beforeAll(async () => {
    run = await startRun(options);
  });
  test.afterAll(async () => {
    await run?.stop();
  });
  return () => {
    if (!run) throw new Error('The run has not started: use it inside a test.');
    return run;
  };
}
