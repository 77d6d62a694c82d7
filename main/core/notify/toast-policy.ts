/**
 * Which new notifications raise a toast: per account, the reasons chosen and mute; globally,
 * pause (no polling at all) and snooze (for an hour, or until tomorrow morning).
 *
 * Snooze and mute only silence toasts: counts and the widget's list keep updating, and what
 * arrives meanwhile is recorded as seen. When a snooze ends nothing is toasted retroactively: a
 * toast says "this just happened"; a burst of stale ones when a meeting ends would be noise, and
 * everything that arrived is in the count and the list already.
 */
import type { NotificationItem, NotificationReason } from '../domain';

export interface AccountToastOptions {
  /** No toasts at all for this account. */
  muted: boolean;
  /** Per reason, whether it raises a toast; a reason not listed (or unknown) does. */
  reasons: Partial<Record<NotificationReason, boolean>>;
}

export const DEFAULT_TOAST_OPTIONS: AccountToastOptions = { muted: false, reasons: {} };

export interface GlobalToastOptions {
  /** No polling at all (the engine stops its schedulers). */
  paused: boolean;
  /** No toasts until this time (ms since the epoch); null: not snoozed. */
  snoozedUntil: number | null;
}

export type ToastSuppression = 'baseline' | 'paused' | 'snoozed' | 'muted' | 'reasons';

export const SNOOZE_HOUR_MS = 60 * 60_000;
export const DEFAULT_MORNING_HOUR = 8;

export function isSnoozed(options: GlobalToastOptions, now: number): boolean {
  return options.snoozedUntil !== null && now < options.snoozedUntil;
}

export function raisesToast(reason: NotificationReason, options: AccountToastOptions): boolean {
  return options.reasons[reason] !== false;
}

export interface ToastDecision {
  /** The items to toast (may be empty). */
  items: NotificationItem[];
  /** Why nothing (or not everything) is toasted; null when every item toasts. */
  suppressedBy: ToastSuppression | null;
}

export function decideToasts(
  items: readonly NotificationItem[],
  account: AccountToastOptions,
  global: GlobalToastOptions,
  now: number,
): ToastDecision {
  if (global.paused) return { items: [], suppressedBy: 'paused' };
  if (isSnoozed(global, now)) return { items: [], suppressedBy: 'snoozed' };
  if (account.muted) return { items: [], suppressedBy: 'muted' };
  const chosen = items.filter((item) => raisesToast(item.reason, account));
  return { items: chosen, suppressedBy: chosen.length === items.length ? null : 'reasons' };
}

/** Snooze for an hour from now. */
export function snoozeForAnHour(now: number): number {
  return now + SNOOZE_HOUR_MS;
}

/**
 * Snooze "until tomorrow": the next local morning at `hour` (08:00). Before that hour (say at
 * 02:00) that is this morning, which is what someone going to bed means.
 */
export function snoozeUntilTomorrow(now: number, hour = DEFAULT_MORNING_HOUR): number {
  const morning = new Date(now);
  morning.setHours(hour, 0, 0, 0);
  if (morning.getTime() <= now) {
    morning.setDate(morning.getDate() + 1);
    morning.setHours(hour, 0, 0, 0);
  }
  return morning.getTime();
}
