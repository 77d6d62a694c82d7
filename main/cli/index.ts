/**
 * The CLI's entry point: `npm run cli -- <command>`, or bin/openproject-tray.js.
 * Everything else lives in run.ts and commands/.
 */
import { EXIT } from './errors';
import { runCli } from './run';

const interrupt = new AbortController();
process.once('SIGINT', () => {
  interrupt.abort();
  // Give a long-running command a moment to stop cleanly, then leave; a second Ctrl-C exits at once.
  setTimeout(() => process.exit(EXIT.interrupted), 1_000).unref();
  process.once('SIGINT', () => process.exit(EXIT.interrupted));
});

// `openproject-tray notifications | head -1`: a closed pipe is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? EXIT.ok);
  throw error;
});

process.exitCode = await runCli(process.argv.slice(2), {
  env: process.env,
  stdout: process.stdout,
  stderr: process.stderr,
  signal: interrupt.signal,
});
