/**
 * The CLI as a function: `runCli(argv, io)` resolves to the exit code. index.ts calls it with the
 * real process; tests call it in-process with collecting streams.
 */
import type { OpenProjectClient } from '../core/api/client';
import { checkOptionsFor, parseCommandLine, PROGRAM, type OptionSpecs } from './args';
import type { Command, CommandContext } from './command';
import { COMMANDS, unknownCommand } from './commands';
import { authenticatedClient, optionalAuthClient, resolveConnection } from './connection';
import { EXIT, exitCodeForSignal, presentError, UsageError } from './errors';
import { commandHelp, programHelp } from './help';
import { Output, type Env, type TextSink } from './output';
import { APP_VERSION } from '../core/version';

export interface CliIO {
  env?: Env;
  stdout: TextSink;
  stderr: TextSink;
  /** The clock for relative times ("5 min ago"). */
  now?: () => Date;
  /** Aborted on Ctrl-C or SIGTERM, with the signal's name as the reason. */
  signal?: AbortSignal;
  /** The command set; defaults to all commands. */
  commands?: readonly Command[];
}

export async function runCli(argv: readonly string[], io: CliIO): Promise<number> {
  const env = io.env ?? {};
  const out = new Output(io.stdout, io.stderr, env);
  const commands = io.commands ?? COMMANDS;
  const secrets = secretsIn(argv, env);
  const signal = io.signal ?? new AbortController().signal;
  try {
    const parsed = parseCommandLine(argv, allCommandOptions(commands));
    const json = parsed.values.json === true;
    if (parsed.values.version === true) {
      if (json) out.json({ name: PROGRAM, version: APP_VERSION });
      else out.line(`${PROGRAM} ${APP_VERSION}`);
      return EXIT.ok;
    }
    if (parsed.command === undefined) {
      if (parsed.values.help === true) {
        out.lines(programHelp(commands, APP_VERSION, out.style));
        return EXIT.ok;
      }
      throw new UsageError(
        `No command given: try '${PROGRAM} notifications', or run '${PROGRAM} help' to see all commands.`,
      );
    }
    const command = commands.find((c) => c.name === parsed.command);
    if (!command) throw unknownCommand(parsed.command, commands);
    if (parsed.values.help === true) {
      out.lines(commandHelp(command, out.style));
      return EXIT.ok;
    }
    checkOptionsFor(command.name, parsed.given, command.options ?? {});

    const connection = () => resolveConnection(parsed.values, env);
    const context: CommandContext = {
      operands: parsed.operands,
      values: parsed.values,
      json,
      out,
      env,
      now: io.now ?? (() => new Date()),
      signal,
      connection,
      client: (): OpenProjectClient => authenticatedClient(connection()),
      clientWithOptionalAuth: (): OpenProjectClient => optionalAuthClient(connection()),
      commands,
    };
    if (command.runsUntilStopped) {
      await command.run(context);
      return EXIT.ok;
    }
    const finished = await untilDoneOrAborted(command.run(context), signal);
    return finished ? EXIT.ok : exitCodeForSignal(signal.reason);
  } catch (error) {
    if (signal.aborted) return exitCodeForSignal(signal.reason);
    const presented = presentError(error, secrets);
    out.error(presented.message);
    return presented.exitCode;
  }
}

/** true when the command finished, false when the signal fired first (the command is abandoned). */
async function untilDoneOrAborted(run: Promise<void>, signal: AbortSignal): Promise<boolean> {
  run.catch(() => undefined); // once abandoned, its late failure is of no interest
  let onAbort: () => void = () => undefined;
  const aborted = new Promise<false>((resolve) => {
    onAbort = () => resolve(false);
    if (signal.aborted) resolve(false);
    else signal.addEventListener('abort', onAbort, { once: true });
  });
  try {
    return await Promise.race([run.then(() => true as const), aborted]);
  } finally {
    signal.removeEventListener('abort', onAbort);
  }
}

function allCommandOptions(commands: readonly Command[]): OptionSpecs {
  return Object.assign({}, ...commands.map((c) => c.options ?? {})) as OptionSpecs;
}

/** Anything that might be the API key, so that no message ever shows it. */
function secretsIn(argv: readonly string[], env: Env): string[] {
  const secrets: string[] = [];
  if (env.OPENPROJECT_API_KEY) secrets.push(env.OPENPROJECT_API_KEY.trim());
  argv.forEach((arg, i) => {
    if (arg === '--api-key' && argv[i + 1] !== undefined) secrets.push(argv[i + 1] ?? '');
    if (arg.startsWith('--api-key=')) secrets.push(arg.slice('--api-key='.length));
  });
  return secrets.filter((s) => s.trim() !== '');
}
