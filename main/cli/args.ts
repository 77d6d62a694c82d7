/**
 * Command-line parsing with node:util parseArgs: global options, then the command's own.
 * Every mistake becomes a UsageError that says what was wrong and what to type instead.
 */
import { parseArgs } from 'node:util';
import { UsageError } from './errors';

export const PROGRAM = 'openproject-tray';

export interface OptionSpec {
  type: 'string' | 'boolean';
  short?: string;
  /** Shown in help as `--name <valueName>`. */
  valueName?: string;
  description: string;
}

export type OptionSpecs = Readonly<Record<string, OptionSpec>>;

/** Options every command accepts. */
export const GLOBAL_OPTIONS = {
  url: {
    type: 'string',
    valueName: 'url',
    description: 'OpenProject address (default: $OPENPROJECT_URL)',
  },
  'api-key': {
    type: 'string',
    valueName: 'token',
    description: 'API token (default: $OPENPROJECT_API_KEY)',
  },
  json: {
    type: 'boolean',
    description: 'Print JSON on stdout, nothing else (watch: one object per line)',
  },
  help: { type: 'boolean', short: 'h', description: 'Show help (for a command: <command> --help)' },
  version: { type: 'boolean', short: 'v', description: 'Show the version' },
} as const satisfies OptionSpecs;

export type OptionValues = Readonly<Record<string, string | boolean | undefined>>;

export interface ParsedCommandLine {
  /** The first positional argument, if any. */
  command: string | undefined;
  /** Positional arguments after the command. */
  operands: string[];
  values: OptionValues;
  /** Long names of the options actually given, in order. */
  given: string[];
}

/**
 * Parses argv against the global options plus every command's options (so the command can
 * come anywhere); which options belong to which command is checked by `checkOptionsFor`.
 */
export function parseCommandLine(argv: readonly string[], extra: OptionSpecs): ParsedCommandLine {
  const specs: OptionSpecs = { ...GLOBAL_OPTIONS, ...extra };
  const options: Record<string, { type: 'string' | 'boolean'; short?: string }> = {};
  for (const [name, spec] of Object.entries(specs)) {
    options[name] = spec.short ? { type: spec.type, short: spec.short } : { type: spec.type };
  }
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      options,
      strict: true,
      allowPositionals: true,
      tokens: true,
    });
  } catch (error) {
    throw toUsageError(error, specs);
  }
  const [command, ...operands] = parsed.positionals;
  const given: string[] = [];
  for (const token of parsed.tokens) {
    if (token.kind === 'option' && !given.includes(token.name)) given.push(token.name);
  }
  return { command, operands, values: parsed.values, given };
}

/** Rejects options the chosen command does not take (e.g. `search --all`). */
export function checkOptionsFor(
  command: string,
  given: readonly string[],
  commandOptions: OptionSpecs,
): void {
  for (const name of given) {
    if (name in GLOBAL_OPTIONS || name in commandOptions) continue;
    throw new UsageError(
      `The option --${name} does not apply to '${command}': run '${PROGRAM} ${command} --help' to see its options.`,
    );
  }
}

function toUsageError(error: unknown, specs: OptionSpecs): UsageError {
  const code = (error as { code?: unknown } | null)?.code;
  const message = error instanceof Error ? error.message : String(error);
  const quoted = /'(-{1,2}[^'\s]*)/.exec(message)?.[1];
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && quoted) {
    const suggestion = closest(
      quoted.replace(/^-+/, ''),
      Object.keys(specs).filter((name) => name !== 'help' && name !== 'version'),
    );
    const hint = suggestion ? ` Did you mean --${suggestion}?` : '';
    return new UsageError(
      `Unknown option ${quoted}.${hint} Run '${PROGRAM} help' to see the options.`,
    );
  }
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && quoted) {
    const name = quoted.replace(/^-+/, '');
    const spec = specs[name] ?? Object.values(specs).find((s) => s.short === name);
    if (spec?.type === 'string') {
      const long = name in specs ? name : Object.keys(specs).find((k) => specs[k] === spec);
      return new UsageError(
        `The option --${long} needs a value, as in --${long} <${spec.valueName ?? 'value'}>.`,
      );
    }
    return new UsageError(`The option ${quoted} takes no value.`);
  }
  return new UsageError(`${message.replace(/\s+/g, ' ').trim()} Run '${PROGRAM} help' for usage.`);
}

/** The candidate closest to `input` by edit distance, if it is close enough to be a typo. */
export function closest(input: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const distance = editDistance(input.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  const tolerance = Math.max(1, Math.floor(input.length / 3));
  return bestDistance <= tolerance ? best : undefined;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution);
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}
