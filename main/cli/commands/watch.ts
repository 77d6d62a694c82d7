import { mkdir } from 'node:fs/promises';
import { DEFAULT_INTERVAL_MS } from '../../core/sync';
import { PROGRAM } from '../args';
import type { Command } from '../command';
import { UsageError } from '../errors';
import type { Output } from '../output';
import { jsonPrinter, textPrinter } from '../watch/lines';
import { runWatchSession, WATCH_LIMITS } from '../watch/session';
import { STATE_DIR_HELP, stateDir } from '../watch/state-dir';
import { expectNoOperands } from './operands';

const MIN_SECONDS = WATCH_LIMITS.minIntervalMs / 1000;
const MAX_SECONDS = WATCH_LIMITS.maxIntervalMs / 1000;

/** `--interval <seconds>` in ms: a number of seconds, brought into 1 s … 30 min. */
export function parseInterval(value: string | boolean | undefined, out: Output): number {
  if (typeof value !== 'string') return DEFAULT_INTERVAL_MS;
  const text = value.trim();
  const seconds = text === '' ? NaN : Number(text);
  if (!Number.isFinite(seconds) || seconds < 0) {
    throw new UsageError(
      `'${value}' is not a number of seconds: give one such as --interval 30 (at least ${MIN_SECONDS}).`,
    );
  }
  const clamped = Math.min(MAX_SECONDS, Math.max(MIN_SECONDS, seconds));
  if (clamped !== seconds) {
    out.warn(
      `--interval ${text} is outside ${MIN_SECONDS} to ${MAX_SECONDS} seconds; checking every ${clamped} s instead.`,
    );
  }
  return Math.round(clamped * 1000);
}

export const watchCommand: Command = {
  name: 'watch',
  summary: 'Keep checking for notifications and print each change as it happens',
  usage: ['watch'],
  runsUntilStopped: true,
  options: {
    interval: {
      type: 'string',
      valueName: 'seconds',
      description: `Seconds between checks (default ${DEFAULT_INTERVAL_MS / 1000}, at least ${MIN_SECONDS})`,
    },
    'state-dir': {
      type: 'string',
      valueName: 'dir',
      description:
        'Where watch records what it printed (default: $XDG_STATE_HOME/…, see watch --help)',
    },
  },
  details: [
    'Runs the tray app’s sync engine for the account in OPENPROJECT_URL/OPENPROJECT_API_KEY',
    '(or --url/--api-key) and prints one line per event:',
    '  a new notification, or one updated in place: "#123 Fix login — mentioned by Jane Doe"',
    '  the unread count when it changes: "Unread: 5"',
    '  the connection state when it changes: "Offline: … (what to do)"',
    'The first run prints the unread count and the state, not the notifications already there.',
    'What was printed is recorded in the state folder, so restarting watch never prints it again;',
    'what arrived while watch was not running is printed once at the next start.',
    'State folder: --state-dir, else',
    ...STATE_DIR_HELP.map((line) => `  ${line}`),
    'Errors and warnings go to stderr. When OpenProject refuses the API key, watch says so and',
    `exits 1. Ctrl-C or SIGTERM stops it (within 2 s) with exit code 0.`,
  ],
  json: [
    'one JSON object per line, flushed as it happens:',
    '{ "type": "notification", "id", "workPackageId", "reason", "createdAt", "updatedAt" }',
    '  (new, or updated in place: same id, newer updatedAt; printed exactly once each)',
    '{ "type": "unread", "count" }            (when the unread count changes)',
    '{ "type": "state", "state", "message" }  (when it changes; state: "ok", "offline",',
    '  "server-error", "rate-limited" or "needs-sign-in"; message: what to do)',
  ],
  examples: [
    'watch',
    'watch --json --interval 30',
    `watch --json | jq -r 'select(.type == "unread") | .count'`,
  ],
  async run({ operands, values, json, out, env, now, signal, connection, client }) {
    expectNoOperands('watch', operands);
    const intervalMs = parseInterval(values.interval, out);
    const folder = stateDir(
      typeof values['state-dir'] === 'string' ? values['state-dir'] : undefined,
      env,
    );
    const { apiKey } = connection();
    const api = client();
    try {
      await mkdir(folder, { recursive: true, mode: 0o700 });
    } catch (error) {
      const detail = (error as NodeJS.ErrnoException | null)?.code ?? String(error);
      throw new UsageError(
        `The state folder ${folder} cannot be created (${detail}): pass --state-dir with a folder you can write to, as in '${PROGRAM} watch --state-dir ~/.cache/op-watch'.`,
      );
    }
    await runWatchSession({
      client: api,
      apiKey: apiKey ?? '',
      stateDir: folder,
      intervalMs,
      signal,
      printer: json ? jsonPrinter(out) : textPrinter(out, now),
      warn: (message) => out.warn(message),
    });
  },
};
