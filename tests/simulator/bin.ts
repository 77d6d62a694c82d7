/**
 * `npm run simulator [-- --port 48080 --base-path /openproject --unread 500 --seed 7 --empty]`:
 * starts the OpenProject simulator on 127.0.0.1 and prints its URL, the demo user's tokens, the
 * control secret and how to point the CLI at it. Stops cleanly on SIGINT/SIGTERM.
 */
import { parseArgs } from 'node:util';
import { startSimulator } from './index';
import { createSimulatedOAuth, DEFAULT_PASSWORD, TRAY_CLIENT_ID } from './oauth';

export const DEFAULT_PORT = 48080;

const USAGE = `Usage: npm run simulator -- [options]
  --port N             port on 127.0.0.1 (default ${DEFAULT_PORT}; 0 = any free port)
  --base-path PATH     serve under a sub-path, e.g. /openproject
  --unread N           seed exactly N unread notifications for the demo user
  --empty              seed no notifications at all
  --seed N             seed of the deterministic data set
  --login-required     anonymous API calls get 401 (OpenProject's login_required)
  --semantic-ids       semantic work package ids (WEB-12)
  --secret S           the control secret (default: random)
  --help`;

function integer(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value)) throw new Error(`--${name} needs a whole number, got "${value}".`);
  return Number(value);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string' },
      'base-path': { type: 'string' },
      unread: { type: 'string' },
      empty: { type: 'boolean' },
      seed: { type: 'string' },
      'login-required': { type: 'boolean' },
      'semantic-ids': { type: 'boolean' },
      secret: { type: 'string' },
      help: { type: 'boolean' },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const unread = integer('unread', values.unread);
  const seed = integer('seed', values.seed);
  const sim = await startSimulator({
    port: integer('port', values.port) ?? DEFAULT_PORT,
    ...(values['base-path'] ? { basePath: values['base-path'] } : {}),
    ...(unread === undefined ? {} : { unread }),
    ...(seed === undefined ? {} : { seed }),
    ...(values.secret ? { controlSecret: values.secret } : {}),
    empty: values.empty ?? false,
    loginRequired: values['login-required'] ?? false,
    semanticIds: values['semantic-ids'] ?? false,
    extensions: [createSimulatedOAuth().extension],
  });
  const { tokens, control } = sim;
  console.log(`OpenProject simulator listening at ${sim.url}
  demo user      Jane Doe (login jane), ${control.unreadCount()} unread notifications
  API key        ${tokens.apiKey}   (Basic apikey:<key>)
  Bearer token   ${tokens.bearer}
  OAuth          client id ${TRAY_CLIENT_ID} (public), redirect http://127.0.0.1:47651/oauth-callback,
                 browser login jane / ${DEFAULT_PASSWORD}
  other user     ${tokens.other}   (Zoë Müller)
  admin          ${tokens.admin}
  control        ${sim.url}/__control/state   header x-simulator-secret: ${control.secret}

Try:
  OPENPROJECT_URL=${sim.url} OPENPROJECT_API_KEY=${tokens.apiKey} npm run cli -- notifications

Ctrl+C stops it.`);
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping the simulator.`);
    sim.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  const hint = /EADDRINUSE/.test(message)
    ? ' The port is taken: pass --port with another number (or 0).'
    : '';
  console.error(`Could not start the simulator: ${message}${hint}`);
  process.exit(1);
});
