import type {
  Notification as ElectronNotification,
  NotificationConstructorOptions,
} from 'electron';
import type { Notifier, Toast } from '../../core/notify/notifier';

export interface NotificationClass {
  new (options: NotificationConstructorOptions): ElectronNotification;
  isSupported(): boolean;
}

export interface ElectronNotifierOptions {
  Notification: NotificationClass;
  /** Opens the toast's URL (the allow-listed opener). */
  openExternal(url: string): Promise<unknown>;
  icon?: string;
  onError?: (error: unknown) => void;
}

/**
 * The Notifier over Electron's Notification (raised from main). Each notification is kept referenced
 * until it closes, or the garbage collector may drop it and its click.
 */
export function createElectronNotifier(options: ElectronNotifierOptions): Notifier {
  const listeners = new Set<(toast: Toast) => void>();
  const alive = new Set<ElectronNotification>();
  const onError = options.onError ?? (() => undefined);
  return {
    reportsClicks: true,
    onClick(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    notify(toast) {
      if (!options.Notification.isSupported()) {
        return Promise.reject(
          new Error('This desktop does not show notifications. Check your notification settings.'),
        );
      }
      const notification = new options.Notification({
        title: toast.title,
        body: toast.body,
        silent: false,
        ...(options.icon ? { icon: options.icon } : {}),
      });
      alive.add(notification);
      notification.on('click', () => {
        for (const listener of [...listeners]) listener(toast);
        if (toast.url) options.openExternal(toast.url).catch(onError);
      });
      notification.on('close', () => alive.delete(notification));
      notification.on('failed', (_event, error) => {
        alive.delete(notification);
        onError(
          new Error(
            `The desktop notification could not be shown (${error}). Check that notifications are allowed for OpenProject Tray.`,
          ),
        );
      });
      notification.show();
      return Promise.resolve();
    },
  };
}
