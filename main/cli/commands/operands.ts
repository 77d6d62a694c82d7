/** Checks on a command's positional arguments, shared by the commands. */
import { PROGRAM } from '../args';
import { UsageError } from '../errors';

export function expectNoOperands(command: string, operands: readonly string[]): void {
  if (operands.length > 0) {
    throw new UsageError(
      `'${command}' takes no arguments, but got '${operands.join(' ')}': run '${PROGRAM} ${command} --help' for usage.`,
    );
  }
}

/** A work package id as typed by a person: `42` or `#42`. */
export function parseWorkPackageId(command: string, text: string): number {
  const match = /^#?(\d{1,15})$/.exec(text.trim());
  const id = match?.[1] ? Number(match[1]) : NaN;
  if (!Number.isSafeInteger(id) || id <= 0) {
    throw new UsageError(
      `'${text}' is not a work package id: give a number such as 42 or #42, as in '${PROGRAM} ${command} 42'.`,
    );
  }
  return id;
}
