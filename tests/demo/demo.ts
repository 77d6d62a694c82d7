/**
 * `npm run demo`: the built-in OpenProject simulator with demo data, and OpenProject Tray's core
 * signed in to it. Until the desktop shell and the browser harness are wired, the CLI is what runs:
 * it shows the unread work, then the simulator stays up for you to try the other commands.
 */
import { startSimulator } from '../simulator';
import { runCli } from '../../main/cli/run';

const PREFERRED_PORT = 48080;

async function start() {
  try {
    return await startSimulator({ port: PREFERRED_PORT });
  } catch {
    return await startSimulator({ port: 0 });
  }
}

const sim = await start();
const env = { ...process.env, OPENPROJECT_URL: sim.url, OPENPROJECT_API_KEY: sim.tokens.apiKey };
console.log(`OpenProject Tray demo — simulator at ${sim.url} (signed in as Jane Doe)\n`);
await runCli(['notifications'], { env, stdout: process.stdout, stderr: process.stderr });
console.log(`
The simulator keeps running. In another terminal:
  export OPENPROJECT_URL=${sim.url} OPENPROJECT_API_KEY=${sim.tokens.apiKey}
  npm run cli -- search "login"      npm run cli -- read --all      npm run cli -- help
Ctrl+C stops the demo.`);

const stop = () => void sim.stop().then(() => process.exit(0));
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
