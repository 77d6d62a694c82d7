import { AsyncLocalStorage } from 'node:async_hooks';
import type { IpcMainInvokeEvent, WebContents } from 'electron';
import { COMMAND_CHANNELS, COMMAND_NAMES, type CommandHandlers } from '../../preload/contract';

/** The IPC guard's `handle` (main/shell/ipc-guard.ts): answers trusted senders only. */
export interface GuardedIpc {
  handle(
    channel: string,
    handler: (event: IpcMainInvokeEvent, request: unknown) => Promise<unknown>,
  ): void;
}

/**
 * Which page is calling, for the duration of one command: `windowAction` closes or hides the
 * caller's own window, and the service's port does not carry the sender.
 */
export class CallerScope {
  private readonly storage = new AsyncLocalStorage<WebContents>();

  run<T>(sender: WebContents, task: () => T): T {
    return this.storage.run(sender, task);
  }

  /** The web contents whose command is running now; undefined outside a command. */
  current(): WebContents | undefined {
    return this.storage.getStore();
  }
}

/**
 * Registers every command of the contract on its channel through the guard: a page that is not
 * ours gets no answer. The request is passed on as it came; the service validates it.
 */
export function registerCommands(
  ipc: GuardedIpc,
  handlers: CommandHandlers,
  callers: CallerScope,
): void {
  for (const name of COMMAND_NAMES) {
    const handler = handlers[name] as (request: unknown) => Promise<unknown>;
    ipc.handle(COMMAND_CHANNELS[name], (event, request) =>
      callers.run(event.sender, () => handler(request)),
    );
  }
}
