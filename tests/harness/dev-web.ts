/**
 * `npm run dev:web [-- --demo] [--port N] [--hotkey-taken ACCELERATOR] [--no-desktop-notifications] [--no-keyring]`
 *
 * Serves the renderer in the browser against the real application service and, unless
 * OPENPROJECT_URL is given, an in-process simulator with demo data and OAuth. `--demo` signs in
 * with the demo API token (or OPENPROJECT_API_KEY) so the widget shows data at once.
 * OPENPROJECT_TRAY_HOME keeps settings and secrets in that folder (default: a temp folder per run).
 * `--no-keyring` simulates Linux without a keyring (safeStorage's `basic_text`): the wizard and the
 * settings ask before a sign-in is stored with weak protection (so it does not go with `--demo`).
 */
import { TRAY_CLIENT_ID } from '../simulator/oauth/index';
import { startHarness, type HarnessOptions } from './harness';

function parse(argv: readonly string[]) {
  const options = {
    demo: false,
    port: 0,
    hotkeyTaken: [] as string[],
    desktop: true,
    noKeyring: false,
  };
  for (let index = 0; index < argv.length; index += 1) {
    const arg = argv[index];
    const value = () => {
      const next = argv[index + 1];
      if (next === undefined) throw new Error(`${arg} needs a value.`);
      index += 1;
      return next;
    };
    if (arg === '--demo') options.demo = true;
    else if (arg === '--port') options.port = Number(value());
    else if (arg === '--hotkey-taken') options.hotkeyTaken.push(value());
    else if (arg === '--no-desktop-notifications') options.desktop = false;
    else if (arg === '--no-keyring') options.noKeyring = true;
    else throw new Error(`Unknown option ${arg}. See the top of tests/harness/dev-web.ts.`);
  }
  if (!Number.isInteger(options.port) || options.port < 0 || options.port > 65535) {
    throw new Error('--port needs a port number.');
  }
  return options;
}

async function main(): Promise<void> {
  const args = parse(process.argv.slice(2));
  const env = process.env;
  const log = (line: string) => console.error(line);
  const options: HarnessOptions = {
    demo: args.demo && env.OPENPROJECT_URL ? { token: env.OPENPROJECT_API_KEY ?? '' } : args.demo,
    hotkeyTaken: args.hotkeyTaken,
    desktopNotifications: args.desktop,
    log,
    ...(args.noKeyring ? { secretBackend: 'basic_text' as const } : {}),
    ...(args.port ? { port: args.port } : {}),
    ...(env.OPENPROJECT_TRAY_HOME ? { home: env.OPENPROJECT_TRAY_HOME } : {}),
    ...(env.OPENPROJECT_URL ? { openProjectUrl: env.OPENPROJECT_URL } : {}),
  };
  const harness = await startHarness(options);
  const lines = [
    `OpenProject Tray in the browser: ${harness.url}`,
    `  views:        ${harness.pageUrl('widget')} (also #/settings, #/search, #/wizard)`,
    `  home:         ${harness.home}${env.OPENPROJECT_TRAY_HOME ? '' : ' (removed when stopped)'}`,
    `  OpenProject:  ${harness.openProjectUrl}${harness.simulator ? ' (simulator)' : ''}`,
  ];
  if (harness.simulator) {
    lines.push(
      `  API token:    ${harness.simulator.tokens.apiKey} (demo user)`,
      `  OAuth:        client id ${TRAY_CLIENT_ID}`,
    );
  }
  if (harness.demoAccountId) lines.push(`  signed in:    account ${harness.demoAccountId}`);
  lines.push('Stop with Ctrl+C.');
  console.log(lines.join('\n'));

  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    void harness.stop().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
