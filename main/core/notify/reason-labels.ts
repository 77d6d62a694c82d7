/**
 * OpenProject's own words for notification reasons (its notification center's English labels),
 * for toasts and the per-account "which reasons raise a toast" option.
 */
import type { KnownReason, NotificationDetail, NotificationReason } from '../domain';

export const REASON_LABELS: Record<KnownReason, string> = {
  mentioned: 'mentioned',
  assigned: 'assignee',
  responsible: 'accountable',
  watched: 'watcher',
  subscribed: 'subscribed',
  commented: 'commented',
  created: 'created',
  processed: 'processed',
  prioritized: 'prioritized',
  scheduled: 'scheduled',
  dateAlert: 'date alert',
  shared: 'shared',
  reminder: 'reminder',
};

export function reasonLabel(reason: NotificationReason): string {
  return (REASON_LABELS as Record<string, string | undefined>)[reason] ?? reason;
}

const DATE_PROPERTY_LABELS: Record<string, string> = {
  startDate: 'start date',
  dueDate: 'finish date',
  date: 'date',
};

/** "date alert: finish date 2026-06-02", "reminder: Call the client", or just the label. */
export function reasonPhrase(
  reason: NotificationReason,
  detail: NotificationDetail | null,
): string {
  const label = reasonLabel(reason);
  if (!detail?.value) return label;
  if (reason === 'dateAlert') {
    const property = DATE_PROPERTY_LABELS[detail.property] ?? detail.property;
    return `${label}: ${property} ${detail.value}`;
  }
  if (reason === 'reminder') return `${label}: ${detail.value}`;
  return label;
}
