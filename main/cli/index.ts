/**
 * The CLI's entry point: `npm run cli -- <command>`, or bin/openproject-tray.js.
 * Everything else lives in run.ts and commands/.
 */
import { exitCodeForSignal } from './errors';
import { runCli } from './run';

/**
 * How long a command may take to stop after Ctrl-C or SIGTERM before the process leaves anyway.
 * `watch` gives a poll in flight 2 s; one-shot commands are abandoned at once.
 */
const STOP_GRACE_MS = 3_000;

const interrupt = new AbortController();

function onSignal(signal: 'SIGINT' | 'SIGTERM'): void {
  // A second Ctrl-C (or SIGTERM) leaves at once.
  if (interrupt.signal.aborted) process.exit(exitCodeForSignal(signal));
  interrupt.abort(signal);
  setTimeout(() => process.exit(exitCodeForSignal(signal)), STOP_GRACE_MS).unref();
}
process.on('SIGINT', () => onSignal('SIGINT'));
process.on('SIGTERM', () => onSignal('SIGTERM'));

// `openproject-tray notifications | head -1`: a closed pipe is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

const code = await runCli(process.argv.slice(2), {
  env: process.env,
  stdout: process.stdout,
  stderr: process.stderr,
  signal: interrupt.signal,
});
process.exitCode = code;
if (interrupt.signal.aborted) {
  // Stopped by a signal: a request still in flight must not hold the process. Leave once what
  // was written has reached stdout.
  process.stdout.write('', () => process.exit(code));
}
