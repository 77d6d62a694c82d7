/** The help texts, generated from the command list so new commands document themselves. */
import { GLOBAL_OPTIONS, PROGRAM, type OptionSpec, type OptionSpecs } from './args';
import type { Command } from './command';
import { EXIT } from './errors';
import { table, type Cell } from './format';
import type { Styles } from './output';

function optionName(name: string, spec: OptionSpec): string {
  const long = spec.type === 'string' ? `--${name} <${spec.valueName ?? 'value'}>` : `--${name}`;
  return spec.short ? `-${spec.short}, ${long}` : `    ${long}`;
}

function optionRows(options: OptionSpecs): Cell[][] {
  return Object.entries(options).map(([name, spec]) => [
    { text: `  ${optionName(name, spec)}` },
    { text: spec.description },
  ]);
}

export function programHelp(
  commands: readonly Command[],
  version: string,
  style: Styles,
): string[] {
  const heading = (text: string) => style.bold(text);
  const commandRows: Cell[][] = commands.flatMap((command) =>
    command.usage.map((usage, i) => [
      { text: `  ${usage}` },
      { text: i === 0 ? command.summary : '' },
    ]),
  );
  const jsonRows: Cell[][] = commands
    .filter((command) => command.json)
    .flatMap((command) =>
      (command.json ?? []).map((line, i) => [
        { text: `  ${i === 0 ? command.name : ''}` },
        { text: line },
      ]),
    );
  return [
    `${style.bold(PROGRAM)} ${version}: your OpenProject notifications and work packages, from a terminal`,
    '',
    `${heading('Usage:')} ${PROGRAM} <command> [arguments] [options]`,
    '',
    heading('Commands:'),
    ...table(commandRows),
    '',
    heading('Options:'),
    ...table([
      ...optionRows(GLOBAL_OPTIONS),
      ...commands.flatMap((command) =>
        optionRows(command.options ?? {}).map(([name, description]) => [
          name ?? { text: '' },
          { text: `${description?.text ?? ''} (${command.name} only)` },
        ]),
      ),
    ]),
    '',
    heading('Environment:'),
    ...table([
      [{ text: '  OPENPROJECT_URL' }, { text: 'The OpenProject address (--url wins)' }],
      [
        { text: '  OPENPROJECT_API_KEY' },
        { text: 'Your API token from My account → Access tokens (--api-key wins)' },
      ],
      [
        { text: '  NO_COLOR' },
        { text: 'Set it to turn colours off (they are off anyway when not on a terminal)' },
      ],
    ]),
    '',
    heading('JSON output (--json):'),
    '  stdout carries exactly one JSON document, newline-terminated (watch: one JSON object per',
    '  line); errors and warnings go to stderr only.',
    '  Times are ISO 8601 (UTC), URLs absolute.',
    ...table(jsonRows),
    '',
    heading('Exit codes:'),
    ...table([
      [{ text: `  ${EXIT.ok}` }, { text: 'Success' }],
      [
        { text: `  ${EXIT.runtime}` },
        { text: 'The command failed: OpenProject unreachable, key refused, unexpected answer…' },
      ],
      [
        { text: `  ${EXIT.usage}` },
        { text: 'Usage error: unknown command or option, bad argument, no URL or API key' },
      ],
      [{ text: `  ${EXIT.interrupted}` }, { text: 'Interrupted (Ctrl-C); watch exits 0 instead' }],
      [{ text: `  ${EXIT.terminated}` }, { text: 'Stopped by SIGTERM; watch exits 0 instead' }],
    ]),
    '',
    `Run '${PROGRAM} help <command>' for more about a command.`,
  ];
}

export function commandHelp(command: Command, style: Styles): string[] {
  const lines = [
    `${style.bold('Usage:')} ${command.usage.map((u) => `${PROGRAM} ${u} [options]`).join('\n       ')}`,
    '',
    command.summary + '.',
  ];
  if (command.details) lines.push(...command.details);
  if (command.options) {
    lines.push('', style.bold('Options:'), ...table(optionRows(command.options)));
  }
  lines.push('', style.bold('Global options:'), ...table(optionRows(GLOBAL_OPTIONS)));
  if (command.json) {
    lines.push('', style.bold('JSON output (--json):'), ...command.json.map((l) => `  ${l}`));
  }
  if (command.examples) {
    lines.push('', style.bold('Examples:'), ...command.examples.map((e) => `  ${PROGRAM} ${e}`));
  }
  return lines;
}
