import type { KnownReason, NotificationReason } from '../../../preload/contract';

/** OpenProject's reasons, in the order its notification settings list them. */
export const REASONS = [
  'mentioned',
  'assigned',
  'responsible',
  'watched',
  'commented',
  'created',
  'processed',
  'prioritized',
  'scheduled',
  'dateAlert',
  'shared',
  'reminder',
  'subscribed',
] as const satisfies readonly KnownReason[];

/** Compile-time proof that the list above names every reason the core knows. */
type Missing = Exclude<KnownReason, (typeof REASONS)[number]>;
export const EVERY_REASON_LISTED: [Missing] extends [never] ? true : Missing = true;

export function isKnownReason(reason: NotificationReason): reason is KnownReason {
  return (REASONS as readonly string[]).includes(reason);
}
