/** Native notifications: the Notifier port, its node-notifier implementation, the toast rules. */
export type { Notifier, Toast } from './notifier';
export { createNodeNotifier, type NodeNotifierOptions } from './node-notifier';
export { composeToast } from './toast-composer';
export {
  DEFAULT_TOAST_OPTIONS,
  DEFAULT_MORNING_HOUR,
  decideToasts,
  isSnoozed,
  snoozeForAnHour,
  snoozeUntilTomorrow,
  type AccountToastOptions,
  type GlobalToastOptions,
  type ToastSuppression,
} from './toast-policy';
export { REASON_LABELS, reasonLabel } from './reason-labels';
