/**
 * What `watch` prints for each event: one JSON object per line with --json, else one readable
 * line ("#123 Fix login — mentioned by Jane Doe", "Unread: 5", "Offline: … what to do").
 */
import type { NotificationItem } from '../../core/domain';
import { reasonPhrase } from '../../core/notify/reason-labels';
import { cleanText } from '../../core/notify/toast-composer';
import type { AccountState, AccountStateKind } from '../../core/sync';
import { PROGRAM } from '../args';
import type { Output } from '../output';

export interface NotificationLine {
  type: 'notification';
  id: number;
  workPackageId: number | null;
  reason: string;
  createdAt: string;
  updatedAt: string;
}
export interface UnreadLine {
  type: 'unread';
  count: number;
}
export interface StateLine {
  type: 'state';
  state: AccountStateKind;
  message: string;
}
/** Everything `watch --json` prints: exactly one of these per line. */
export type WatchLine = NotificationLine | UnreadLine | StateLine;

export function notificationLine(item: NotificationItem): NotificationLine {
  return {
    type: 'notification',
    id: item.id,
    workPackageId: item.workPackageId,
    reason: item.reason,
    createdAt: item.createdAt,
    updatedAt: item.updatedAt,
  };
}

/** Where to get a new API key, for the "needs sign-in" message. */
export interface StateContext {
  accessTokensUrl: string;
}

/**
 * The state's message in the CLI's words: the engine's messages speak of the app ("use Refresh
 * now"); `watch` has no button, and a refused key means setting a new one and starting again.
 */
export function stateMessage(state: AccountState, context: StateContext): string {
  if (state.kind === 'needs-sign-in') {
    return `OpenProject no longer accepts your API key. Create a new one at ${context.accessTokensUrl}, set OPENPROJECT_API_KEY (or pass --api-key) and start '${PROGRAM} watch' again.`;
  }
  return state.message
    .replace(/; use "Refresh now" to try at once\./g, '.')
    .replace(/\bThe app\b/g, `${PROGRAM} watch`)
    .replace(/\brestart the app\b/g, `restart '${PROGRAM} watch'`);
}

const STATE_TITLES: Readonly<Record<AccountStateKind, string>> = {
  checking: 'Checking',
  ok: 'Connected',
  offline: 'Offline',
  'server-error': 'Server problem',
  'rate-limited': 'Slowed down',
  'needs-sign-in': 'Key refused',
  paused: 'Paused',
};

/** "#123 Fix login — mentioned by Jane Doe", "#7 Release — date alert: finish date 2026-06-02". */
export function notificationText(item: NotificationItem): string {
  const subject = cleanText(item.workPackageSubject ?? '', 120);
  const what =
    item.workPackageId === null
      ? subject || `Notification ${item.id}`
      : `#${item.workPackageId}${subject ? ` ${subject}` : ''}`;
  const phrase = reasonPhrase(item.reason, item.details[0] ?? null);
  const by = item.actor ? ` by ${cleanText(item.actor.name, 80)}` : '';
  return `${what} — ${phrase}${by}`;
}

/** Prints the events, in JSON lines or as text lines with the local time in front. */
export interface WatchPrinter {
  notification(item: NotificationItem): void;
  unread(count: number): void;
  state(state: AccountStateKind, message: string): void;
}

export function jsonPrinter(out: Output): WatchPrinter {
  return {
    notification: (item) => out.jsonLine(notificationLine(item)),
    unread: (count) => out.jsonLine({ type: 'unread', count } satisfies UnreadLine),
    state: (state, message) => out.jsonLine({ type: 'state', state, message } satisfies StateLine),
  };
}

export function textPrinter(out: Output, now: () => Date): WatchPrinter {
  const { dim, cyan, green, red, yellow, bold } = out.style;
  const line = (text: string) => out.line(`${dim(clockTime(now()))}  ${text}`);
  return {
    notification(item) {
      const text = notificationText(item);
      const cut = text.indexOf(' — ');
      line(cut > 0 ? `${cyan(text.slice(0, cut))}${text.slice(cut)}` : text);
    },
    unread: (count) => line(bold(`Unread: ${count}`)),
    state(state, message) {
      const paint = state === 'ok' ? green : state === 'needs-sign-in' ? red : yellow;
      line(`${paint(`${STATE_TITLES[state]}:`)} ${message}`);
    },
  };
}

/** "14:03:07" in local time. */
export function clockTime(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`;
}
