/**
 * What a CLI command is: its name, help and options, and a `run` that gets everything it needs
 * in a context. Adding a command (e.g. the sync engine's `watch`) means one file in commands/
 * and one line in commands/index.ts.
 */
import type { OpenProjectClient } from '../core/api/client';
import type { OptionSpecs, OptionValues } from './args';
import type { Output } from './output';

export interface CommandContext {
  /** Positional arguments after the command name. */
  operands: readonly string[];
  /** Values of the global and the command's options. */
  values: OptionValues;
  json: boolean;
  out: Output;
  now: () => Date;
  /** Aborted on Ctrl-C; long-running commands (watch) stop when it fires. */
  signal: AbortSignal;
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
  /** Examples shown in `help <command>`. */
  examples?: readonly string[];
  run(context: CommandContext): Promise<void>;
}
