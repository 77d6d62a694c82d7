import { PROGRAM } from '../args';
import type { Command } from '../command';
import { UsageError } from '../errors';
import { parseWorkPackageId } from './operands';

/** `read --json` prints exactly this. */
export type ReadJson = { marked: 'workPackage'; workPackageId: number } | { marked: 'all' };

export const readCommand: Command = {
  name: 'read',
  summary: "Mark a work package's notifications as read, or all of them with --all",
  usage: ['read <workPackageId>', 'read --all'],
  options: {
    all: { type: 'boolean', description: 'Mark all your unread notifications as read' },
  },
  json: ['{ "marked": "workPackage", "workPackageId": <id> } or { "marked": "all" }'],
  examples: ['read 42', 'read --all'],
  async run({ operands, values, json, out, client }) {
    const all = values.all === true;
    if (all && operands.length > 0) {
      throw new UsageError(
        `Give either a work package id or --all, not both: '${PROGRAM} read 42' or '${PROGRAM} read --all'.`,
      );
    }
    if (!all && operands.length !== 1) {
      throw new UsageError(
        operands.length === 0
          ? `Say what to mark as read: '${PROGRAM} read <workPackageId>' or '${PROGRAM} read --all'.`
          : `Give one work package id at a time, as in '${PROGRAM} read 42'.`,
      );
    }
    const id = all ? undefined : parseWorkPackageId('read', operands[0] ?? '');
    const api = client();
    let result: ReadJson;
    if (id === undefined) {
      await api.markAllRead();
      result = { marked: 'all' };
    } else {
      await api.markWorkPackageRead(id);
      result = { marked: 'workPackage', workPackageId: id };
    }
    if (json) {
      out.json(result);
      return;
    }
    out.line(
      result.marked === 'all'
        ? 'Marked all notifications as read.'
        : `Marked the notifications of work package #${result.workPackageId} as read.`,
    );
  },
};
