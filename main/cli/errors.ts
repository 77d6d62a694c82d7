import { ApiError } from '../core/api/errors';

/** Exit codes of the CLI, documented in `openproject-tray help`. */
export const EXIT = {
  ok: 0,
  /** The command ran but failed: server unreachable, token refused, unexpected answer… */
  runtime: 1,
  /** The command line or the configuration is wrong: unknown command/option, missing URL or key. */
  usage: 2,
  /** Interrupted by Ctrl-C (128 + SIGINT); `watch` ends with 0 instead, as that is how it stops. */
  interrupted: 130,
  /** Stopped by SIGTERM (128 + SIGTERM); `watch` ends with 0 instead. */
  terminated: 143,
} as const;

/** The exit code for a command cut short by a signal (the AbortSignal's reason). */
export function exitCodeForSignal(reason: unknown): number {
  return reason === 'SIGTERM' ? EXIT.terminated : EXIT.interrupted;
}

/** The way the CLI was called (or configured) is wrong; the message says how to fix it. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** The command ran and failed; the message already says what happened and what to do. */
export class CommandFailure extends Error {
  override readonly name = 'CommandFailure';
}

export interface PresentedError {
  message: string;
  exitCode: number;
}

/**
 * Turns anything a command threw into one sentence for stderr and an exit code.
 * Secrets (the API key) are masked wherever they might appear.
 */
export function presentError(error: unknown, secrets: readonly string[] = []): PresentedError {
  if (error instanceof UsageError) {
    return { message: redact(error.message, secrets), exitCode: EXIT.usage };
  }
  if (error instanceof ApiError || error instanceof CommandFailure) {
    return { message: redact(error.message, secrets), exitCode: EXIT.runtime };
  }
  const detail = error instanceof Error ? error.message : String(error);
  return {
    message: redact(`Unexpected error: ${detail}`, secrets),
    exitCode: EXIT.runtime,
  };
}

function redact(message: string, secrets: readonly string[]): string {
  let result = message.replace(/\s+/g, ' ').trim();
  for (const secret of secrets) {
    if (secret.length >= 4) result = result.split(secret).join('***');
  }
  return result;
}
