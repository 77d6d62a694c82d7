/**
 * `npm run demo [-- --browser] [--build auto|if-missing|never]`
 *
 * The built-in OpenProject simulator with demo data, and OpenProject Tray signed in to it as the
 * demo user. Where the Electron binary is installed, the real app starts (the unpackaged build in
 * out/, built when missing or older than its sources) with a settings folder of its own; where it is
 * not (it is downloaded from the internet on `npm install`), the same renderer and application
 * service are served in the browser by the harness (tests/harness), and the URL is printed.
 * `--browser` serves the browser version even where Electron is installed. Ctrl+C stops everything.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startHarness, type BuildPolicy, type Harness } from '../harness/index';
import { newestMtime } from '../harness/renderer-build';
import { startOAuthSimulator } from '../simulator/oauth/index';
import type { Simulator, SimulatorOptions } from '../simulator/types';
import { electronBinary, electronSandboxArgs } from '../support/electron-binary';

const ROOT = resolve(import.meta.dirname, '../..');
const PREFERRED_PORT = 48080;
const BUILD_POLICIES: readonly BuildPolicy[] = ['auto', 'if-missing', 'never'];

function parse(argv: readonly string[]): { browser: boolean; build: BuildPolicy } {
  const options = { browser: false, build: 'auto' as BuildPolicy };
  for (let index = 0; index < argv.length; index += 1) {
    const arg = argv[index];
    if (arg === '--browser') options.browser = true;
    else if (arg === '--build') {
      const value = argv[(index += 1)] as BuildPolicy;
      if (!BUILD_POLICIES.includes(value))
        throw new Error(`--build takes auto, if-missing or never.`);
      options.build = value;
    } else throw new Error(`Unknown option ${arg}. See the top of tests/demo/demo.ts.`);
  }
  return options;
}

const log = (line: string) => console.error(line);

/** Tries the preferred port first, so the simulator's address is the same from run to run. */
async function onPreferredPort<T>(start: (options: SimulatorOptions) => Promise<T>): Promise<T> {
  try {
    return await start({ port: PREFERRED_PORT });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
    return await start({ port: 0 });
  }
}

/** Builds out/ (main, preload, renderer) when it is missing or (policy `auto`) older than its sources. */
async function ensureAppBuild(policy: BuildPolicy): Promise<void> {
  const outputs = ['out/main/index.js', 'out/preload/index.cjs', 'out/renderer/index.html'];
  const missing = outputs.some((file) => !existsSync(join(ROOT, file)));
  const built = Math.min(...outputs.map((file) => newestMtime(join(ROOT, file))));
  const sources = ['main', 'preload', 'renderer', 'electron.vite.config.ts'];
  const stale = Math.max(...sources.map((source) => newestMtime(join(ROOT, source)))) > built;
  if (!missing && (policy !== 'auto' || !stale)) return;
  if (policy === 'never') throw new Error('out/ is missing: run npm run build first.');
  log('Building the app (npm run build)…');
  await new Promise<void>((resolvePromise, reject) => {
    const child = spawn('npx', ['electron-vite', 'build'], { cwd: ROOT, stdio: 'inherit' });
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolvePromise() : reject(new Error(`The build failed (exit ${code}).`)),
    );
  });
}

/** Waits for the process to end; after `ms` it is killed. */
function ended(child: ChildProcess, ms: number): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolvePromise) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), ms);
    child.once('exit', () => {
      clearTimeout(timer);
      resolvePromise();
    });
  });
}

/** The real app in Electron, with its own settings folder, signed in to the simulator. */
async function runElectron(path: string, build: BuildPolicy): Promise<() => Promise<void>> {
  await ensureAppBuild(build);
  const { sim } = await onPreferredPort((options) => startOAuthSimulator(options));
  const home = mkdtempSync(join(tmpdir(), 'openproject-tray-demo-'));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    OPENPROJECT_TRAY_HOME: home,
    OPENPROJECT_URL: sim.url,
    OPENPROJECT_API_KEY: sim.tokens.apiKey,
  };
  delete env.ELECTRON_RUN_AS_NODE;
  const app = spawn(path, ['.', ...electronSandboxArgs()], { cwd: ROOT, env, stdio: 'inherit' });
  console.log(
    [
      `OpenProject Tray is starting in Electron, signed in to the simulator at ${sim.url}.`,
      '  Look for its icon in the system tray; quit it from the tray menu, or press Ctrl+C here.',
      `  API token:    ${sim.tokens.apiKey} (demo user)`,
      `  settings:     ${home} (removed when stopped)`,
    ].join('\n'),
  );
  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      if (app.exitCode === null && app.signalCode === null) app.kill('SIGTERM');
      await ended(app, 10_000);
      await sim.stop();
      rmSync(home, { recursive: true, force: true });
    })());
  // Quit from the tray menu: the demo ends with the app.
  app.once('exit', () => void stop().then(() => process.exit(0)));
  return stop;
}

/** The same app in the browser: the harness over the real service, signed in to the simulator. */
async function runInBrowser(build: BuildPolicy): Promise<() => Promise<void>> {
  const harness: Harness = await onPreferredPort((simulatorOptions) =>
    startHarness({ demo: true, build, simulatorOptions, desktopNotifications: true, log }),
  );
  const sim = harness.simulator as Simulator;
  const accounts = await harness.service.handlers.listAccounts();
  const user = accounts.ok ? accounts.value[0]?.user?.name : undefined;
  console.log(
    [
      `OpenProject Tray in the browser: ${harness.url}`,
      `  views:        ${harness.pageUrl('widget')} (also #/settings, #/search, #/wizard)`,
      `  OpenProject:  ${sim.url} (simulator${user ? `, signed in as ${user}` : ''})`,
      `  API token:    ${sim.tokens.apiKey} (demo user)`,
      'Stop with Ctrl+C.',
    ].join('\n'),
  );
  return () => harness.stop();
}

async function main(): Promise<void> {
  const args = parse(process.argv.slice(2));
  // Ctrl+C may come while starting: everything started so far is stopped once the start is done.
  let started: Promise<() => Promise<void>> | undefined;
  let stopping = false;
  const onSignal = () => {
    if (stopping) return;
    stopping = true;
    (started ?? Promise.resolve(async () => {}))
      .catch(() => async () => {})
      .then((stop) => stop())
      .then(
        () => process.exit(0),
        (error: unknown) => {
          console.error(`The demo did not stop cleanly: ${String(error)}`);
          process.exit(1);
        },
      );
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);

  const binary = args.browser ? null : electronBinary();
  if (binary && 'path' in binary) {
    started = runElectron(binary.path, args.build);
  } else {
    console.log(
      args.browser
        ? 'Serving OpenProject Tray in your browser (--browser).'
        : 'The Electron binary is not installed (it is downloaded from the internet, which was not reachable), so the same app is served in your browser instead.',
    );
    started = runInBrowser(args.build);
  }
  await started;
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
