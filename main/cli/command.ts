/**
 * What a CLI command is: its name, help and options, and a `run` that gets everything it needs
 * in a context. Adding a command (e.g. the sync engine's `watch`) means one file in commands/
 * and one line in commands/index.ts.
 */
import type { OpenProjectClient } from '../core/api/client';
import type { OptionSpecs, OptionValues } from './args';
import type { Connection } from './connection';
import type { Env, Output } from './output';

export interface CommandContext {
  /** Positional arguments after the command name. */
  operands: readonly string[];
  /** Values of the global and the command's options. */
  values: OptionValues;
  json: boolean;
  out: Output;
  /** The environment the CLI was started with. */
  env: Env;
  now: () => Date;
  /**
   * Aborted on Ctrl-C (reason 'SIGINT') or SIGTERM ('SIGTERM'). A command with `runsUntilStopped`
   * stops when it fires and returns; any other command is abandoned at once.
   */
  signal: AbortSignal;
  /** The URL and key to use; throws a UsageError when the URL is missing or not a web address. */
  connection: () => Connection;
  /** A client with the API key; throws a UsageError when the URL or the key is missing. */
  client: () => OpenProjectClient;
  /** A client that works without a key too (for `probe`). */
  clientWithOptionalAuth: () => OpenProjectClient;
  /** All commands, for `help`. */
  commands: readonly Command[];
}

export interface Command {
  name: string;
  /** One line for the command list. */
  summary: string;
  /** Synopsis lines after the program name, e.g. `read <workPackageId>`. */
  usage: readonly string[];
  /** Longer help: what it does and prints. */
  details?: readonly string[];
  /** The shape of its --json output, for help. */
  json?: readonly string[];
  /** The command's own options (global ones are always accepted). */
  options?: OptionSpecs;
  /**
   * Runs until a signal stops it (`watch`): the signal is its normal end, so it exits 0, and it is
   * given time to stop cleanly.
   */
  runsUntilStopped?: boolean;
  /** Examples shown in `help <command>`. */
  examples?: readonly string[];
  run(context: CommandContext): Promise<void>;
}
