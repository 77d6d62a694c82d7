/** A Notifier that remembers what it was asked to show (the real one is tested over D-Bus). */
import type { Notifier, Toast } from '../../../../main/core/notify/notifier';

export interface RecordingNotifier extends Notifier {
  readonly toasts: Toast[];
  /** Makes the next notify() calls fail with this error (null: succeed again). */
  failWith: Error | null;
}

export function createRecordingNotifier(): RecordingNotifier {
  const toasts: Toast[] = [];
  const notifier: RecordingNotifier = {
    toasts,
    failWith: null,
    reportsClicks: false,
    onClick: () => () => undefined,
    notify(toast) {
      if (notifier.failWith) return Promise.reject(notifier.failWith);
      toasts.push(toast);
      return Promise.resolve();
    },
  };
  return notifier;
}
