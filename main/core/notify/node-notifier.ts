/**
 * The Notifier over node-notifier: notify-send (libnotify, D-Bus) on Linux, terminal-notifier on
 * macOS, SnoreToast on Windows. Clicks are reported on macOS and Windows only (node-notifier's
 * notify-send backend has no actions); a click opens the toast's URL in the browser.
 */
import notifier from 'node-notifier';
import type { Notifier, Toast } from './notifier';

type Callback = (
  error: Error | null,
  response?: string,
  metadata?: { activationType?: string },
) => void;

/** The part of node-notifier we use (its default export for this OS satisfies it). */
export interface NotifierBackend {
  notify(options: Record<string, unknown>, callback: Callback): unknown;
}

export interface NodeNotifierOptions {
  /** Opens a URL in the user's browser (Electron's shell.openExternal, or the CLI's opener). */
  openExternal(url: string): Promise<void> | void;
  appName?: string;
  /** Absolute path of the icon. */
  icon?: string;
  /** Seconds a toast stays (Linux); default 10. */
  timeoutSeconds?: number;
  platform?: NodeJS.Platform;
  backend?: NotifierBackend;
  /** Errors that happen after notify() resolved (clicks, late failures). */
  onError?: (error: unknown) => void;
}

const CLICKS = new Set<NodeJS.Platform>(['darwin', 'win32']);

/** Desktop Notifications servers may read the body as markup: send text as text. */
export function escapeMarkup(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** notify-send would read a leading "-" as an option: a word joiner keeps it text. */
function notOption(text: string): string {
  return text.startsWith('-') ? `\u2060${text}` : text;
}

function isClick(response?: string, metadata?: { activationType?: string }): boolean {
  return response === 'activate' || metadata?.activationType === 'contentsClicked';
}

function asError(error: unknown): Error {
  const detail = error instanceof Error ? error.message : String(error);
  return new Error(
    `The desktop notification could not be shown (${detail}). Check that notifications are allowed for OpenProject Tray.`,
  );
}

export function createNodeNotifier(options: NodeNotifierOptions): Notifier {
  const platform = options.platform ?? process.platform;
  const backend = options.backend ?? notifier;
  const appName = options.appName ?? 'OpenProject Tray';
  const reportsClicks = CLICKS.has(platform);
  const listeners = new Set<(toast: Toast) => void>();
  const onError = options.onError ?? (() => undefined);

  function clicked(toast: Toast): void {
    for (const listener of [...listeners]) {
      try {
        listener(toast);
      } catch (error) {
        onError(error);
      }
    }
    if (toast.url) {
      Promise.resolve(options.openExternal(toast.url)).catch(onError);
    }
  }

  function linuxOptions(toast: Toast): Record<string, unknown> {
    return {
      title: notOption(toast.title),
      message: notOption(escapeMarkup(toast.body)),
      'app-name': appName,
      timeout: options.timeoutSeconds ?? 10,
      ...(options.icon ? { icon: options.icon } : {}),
    };
  }

  function clickableOptions(toast: Toast): Record<string, unknown> {
    return {
      title: toast.title,
      message: toast.body,
      wait: true,
      sound: false,
      ...(platform === 'win32' ? { appID: appName } : {}),
      ...(options.icon ? { icon: options.icon } : {}),
    };
  }

  return {
    reportsClicks,
    onClick(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    notify(toast) {
      if (!reportsClicks) {
        return new Promise<void>((resolve, reject) => {
          try {
            // notify-send's backend passes its stderr (a string) when the command succeeded.
            backend.notify(linuxOptions(toast), (error) => {
              if (error instanceof Error) reject(asError(error));
              else resolve();
            });
          } catch (error) {
            reject(asError(error));
          }
        });
      }
      // With `wait`, the callback only comes when the user acts or the toast times out.
      try {
        backend.notify(clickableOptions(toast), (error, response, metadata) => {
          if (error instanceof Error) onError(asError(error));
          else if (isClick(response, metadata)) clicked(toast);
        });
        return Promise.resolve();
      } catch (error) {
        return Promise.reject(asError(error));
      }
    },
  };
}
