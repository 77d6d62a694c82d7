/** The CLI's commands, in the order `help` lists them. */
import type { Command } from '../command';
import { helpCommand } from './help';
import { notificationsCommand } from './notifications';
import { probeCommand } from './probe';
import { readCommand } from './read';
import { searchCommand } from './search';
import { watchCommand } from './watch';
import { whoamiCommand } from './whoami';

export const COMMANDS: readonly Command[] = [
  probeCommand,
  whoamiCommand,
  notificationsCommand,
  searchCommand,
  readCommand,
  watchCommand,
  helpCommand,
];

export { unknownCommand } from './help';
