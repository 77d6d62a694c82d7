import { closest, PROGRAM } from '../args';
import type { Command } from '../command';
import { UsageError } from '../errors';
import { commandHelp, programHelp } from '../help';
import { APP_VERSION } from '../../core/version';

export const helpCommand: Command = {
  name: 'help',
  summary: 'Show this help, or the help of one command',
  usage: ['help [command]'],
  examples: ['help notifications'],
  run({ operands, out, commands }) {
    const [name, ...rest] = operands;
    if (rest.length > 0) {
      throw new UsageError(
        `'help' takes at most one command name, as in '${PROGRAM} help search'.`,
      );
    }
    if (name === undefined) {
      out.lines(programHelp(commands, APP_VERSION, out.style));
      return Promise.resolve();
    }
    const command = commands.find((c) => c.name === name);
    if (!command) throw unknownCommand(name, commands);
    out.lines(commandHelp(command, out.style));
    return Promise.resolve();
  },
};

export function unknownCommand(name: string, commands: readonly Command[]): UsageError {
  const suggestion = closest(
    name,
    commands.map((c) => c.name),
  );
  const hint = suggestion ? ` Did you mean '${suggestion}'?` : '';
  return new UsageError(
    `Unknown command '${name}'.${hint} Run '${PROGRAM} help' to see the commands.`,
  );
}
