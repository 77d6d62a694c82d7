/**
 * One `watch` run: the app's sync engine with one account (the environment's), no toasts and no
 * power signals, its events handed to a printer, until the signal fires. What was printed is
 * recorded in the state folder first, so a restart never prints it again; the first run ever
 * records the backlog without printing it (the engine's baseline sync).
 */
import { createHash } from 'node:crypto';
import type { OpenProjectClient } from '../../core/api/client';
import {
  createFileSeenStore,
  createSyncEngine,
  DEFAULT_LIMITS,
  noPowerEvents,
  type AccountStateKind,
  type IntervalLimits,
} from '../../core/sync';
import { CommandFailure } from '../errors';
import { stateMessage, type WatchPrinter } from './lines';

/** The CLI polls as often as once a second (for testing and status bars); the app's floor is 15 s. */
export const WATCH_LIMITS: IntervalLimits = {
  minIntervalMs: 1_000,
  maxIntervalMs: DEFAULT_LIMITS.maxIntervalMs,
};

/** How long a stop waits for a poll in flight before leaving it behind. */
export const STOP_BUDGET_MS = 2_000;

export interface WatchSessionOptions {
  client: OpenProjectClient;
  /** The API key: only a hash of it names the record, so two users of one server keep two. */
  apiKey: string;
  stateDir: string;
  intervalMs: number;
  signal: AbortSignal;
  printer: WatchPrinter;
  /** Trouble that does not stop watching (the record could not be saved…). */
  warn(message: string): void;
}

/** The record's name: the server and (a hash of) the key, never the key itself. */
export function watchAccountId(baseUrl: string, apiKey: string): string {
  const key = createHash('sha256').update(apiKey).digest('hex').slice(0, 16);
  return `cli ${baseUrl} key-${key}`;
}

/**
 * Resolves when the signal has stopped watching; rejects with a CommandFailure when OpenProject
 * refuses the key (the engine then stops polling, so watching on would show nothing).
 */
export async function runWatchSession(options: WatchSessionOptions): Promise<void> {
  const { client, printer, signal } = options;
  const engine = createSyncEngine({
    seenStore: createFileSeenStore(options.stateDir),
    notifier: null,
    power: noPowerEvents,
    limits: WATCH_LIMITS,
  });
  let shown: { state: AccountStateKind; message: string } | null = null;
  const outcome: { refused: string | null } = { refused: null };
  let finish: () => void = () => undefined;
  const finished = new Promise<void>((resolve) => (finish = resolve));

  const unsubscribe = [
    engine.on('new-notifications', ({ items }) => {
      // Oldest first: a log reads in the order things happened.
      for (const item of [...items].reverse()) printer.notification(item);
    }),
    engine.on('unread', ({ count }) => printer.unread(count)),
    engine.on('state', ({ state }) => {
      const message = stateMessage(state, { accessTokensUrl: client.links.accessTokens() });
      // The engine also reports each further failure and its next retry: print changes only.
      if (shown?.state !== state.kind || shown.message !== message) {
        shown = { state: state.kind, message };
        printer.state(state.kind, message);
      }
      if (state.kind === 'needs-sign-in') {
        outcome.refused = message;
        finish();
      }
    }),
    engine.on('problem', ({ message }) => options.warn(message)),
  ];

  // The engine's timers never keep a process alive on their own; watching does, until stopped.
  const keepAlive = setInterval(() => undefined, 1 << 30);
  const onAbort = () => finish();
  signal.addEventListener('abort', onAbort, { once: true });
  try {
    engine.addAccount({
      id: watchAccountId(client.baseUrl, options.apiKey),
      label: client.baseUrl,
      source: client,
      intervalMs: options.intervalMs,
    });
    if (!signal.aborted) {
      engine.start();
      await finished;
    }
  } finally {
    signal.removeEventListener('abort', onAbort);
    await stopWithin(engine.stop(), STOP_BUDGET_MS);
    for (const off of unsubscribe) off();
    clearInterval(keepAlive);
  }
  if (outcome.refused !== null) throw new CommandFailure(outcome.refused);
}

/** Waits for `stopping`, but no longer than `ms` (a slow request must not delay the exit). */
async function stopWithin(stopping: Promise<void>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, ms);
  });
  try {
    await Promise.race([stopping.catch(() => undefined), late]);
  } finally {
    clearTimeout(timer);
  }
}
