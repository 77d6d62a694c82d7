import type { IpcMain, IpcMainEvent, IpcMainInvokeEvent, WebContents } from 'electron';
import { APP_ORIGIN } from './app-origin';

type SenderEvent = Pick<IpcMainInvokeEvent, 'senderFrame' | 'sender'>;

export interface TrustPolicy {
  /** Is this one of our windows' web contents? */
  owns(contents: WebContents): boolean;
  /** Origins our pages come from: app://bundle, plus the dev server in development. */
  origins?: readonly string[];
}

/** The origin of a page URL; custom schemes have no WHATWG origin, so app://bundle is built by hand. */
export function originOf(url: string): string | null {
  try {
    const parsed = new URL(url);
    if (parsed.protocol === 'app:') return `app://${parsed.host}`;
    return parsed.origin === 'null' ? null : parsed.origin;
  } catch {
    return null;
  }
}

/**
 * A message is trusted when it comes from the top frame of one of our windows, showing one of our
 * pages. Anything else (a destroyed frame, a sub-frame, a foreign page) is refused.
 */
export function isTrustedSender(event: SenderEvent, policy: TrustPolicy): boolean {
  const frame = event.senderFrame;
  if (!frame || frame.parent !== null) return false;
  const origin = originOf(frame.url);
  if (origin === null || !(policy.origins ?? [APP_ORIGIN]).includes(origin)) return false;
  return policy.owns(event.sender);
}

export class UntrustedSenderError extends Error {
  constructor(channel: string) {
    super(`Refused "${channel}" from a page that is not part of OpenProject Tray.`);
    this.name = 'UntrustedSenderError';
  }
}

/**
 * Registers IPC handlers that run only for trusted senders: `handle` for invoke/response, `on` for
 * one-way messages (dropped when untrusted). Refusals are reported through `onRefused`.
 */
export class IpcGuard {
  constructor(
    private readonly ipcMain: Pick<IpcMain, 'handle' | 'on' | 'removeHandler'>,
    private readonly policy: TrustPolicy,
    private readonly onRefused: (channel: string, url: string | undefined) => void = () => {},
  ) {}

  handle<Args extends unknown[], Result>(
    channel: string,
    handler: (event: IpcMainInvokeEvent, ...args: Args) => Result | Promise<Result>,
  ): void {
    this.ipcMain.handle(channel, (event, ...args) => {
      if (!isTrustedSender(event, this.policy)) {
        this.onRefused(channel, event.senderFrame?.url);
        throw new UntrustedSenderError(channel);
      }
      return handler(event, ...(args as Args));
    });
  }

  on<Args extends unknown[]>(
    channel: string,
    listener: (event: IpcMainEvent, ...args: Args) => void,
  ): void {
    this.ipcMain.on(channel, (event: IpcMainEvent, ...args: unknown[]) => {
      if (!isTrustedSender(event, this.policy)) {
        this.onRefused(channel, event.senderFrame?.url);
        return;
      }
      listener(event, ...(args as Args));
    });
  }
}
