/**
 * OpenProject's own English words for notification reasons: the one table the CLI (`notifications`,
 * `watch`), the toasts and the per-account "which reasons raise a toast" option share.
 * A label stands alone ("Status changed"); a phrase sits inside a sentence ("status changed by …").
 */
import type { KnownReason, NotificationDetail, NotificationReason } from '../domain';

export const REASON_LABELS: Readonly<Record<KnownReason, string>> = {
  mentioned: 'Mentioned',
  assigned: 'Assigned',
  responsible: 'Accountable',
  watched: 'Watched',
  subscribed: 'Subscribed',
  commented: 'Commented',
  created: 'Created',
  processed: 'Status changed',
  prioritized: 'Priority changed',
  scheduled: 'Dates changed',
  dateAlert: 'Date alert',
  shared: 'Shared',
  reminder: 'Reminder',
};

/** "Mentioned", "Status changed"; a reason we do not know yet in words made from its name. */
export function reasonLabel(reason: NotificationReason): string {
  const known = (REASON_LABELS as Readonly<Record<string, string | undefined>>)[reason];
  if (known) return known;
  const words = reason
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_-]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
  return words === '' ? 'Other' : words.charAt(0).toUpperCase() + words.slice(1);
}

/** OpenProject's names of the dates a date alert is about. */
const DATE_PROPERTY_LABELS: Readonly<Record<string, string>> = {
  startDate: 'start date',
  dueDate: 'finish date',
  date: 'date',
};

/** "finish date 2026-06-02" for a date alert's detail, or null when there is nothing to say. */
export function dateAlertDetail(detail: NotificationDetail | null): string | null {
  if (!detail?.value) return null;
  const property = DATE_PROPERTY_LABELS[detail.property] ?? detail.property;
  return `${property} ${detail.value}`;
}

/** The label as it reads inside a sentence: "status changed", "date alert". */
function inSentence(label: string): string {
  return label.charAt(0).toLowerCase() + label.slice(1);
}

/** "date alert: finish date 2026-06-02", "reminder: Call the client", or just "mentioned". */
export function reasonPhrase(
  reason: NotificationReason,
  detail: NotificationDetail | null,
): string {
  const label = inSentence(reasonLabel(reason));
  if (!detail?.value) return label;
  if (reason === 'dateAlert') return `${label}: ${dateAlertDetail(detail) ?? detail.value}`;
  if (reason === 'reminder') return `${label}: ${detail.value}`;
  return label;
}
