import type { TFunction } from 'i18next';
import type { NotificationDetail } from '../../../preload/contract';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Made once per locale and variant: building an Intl.DateTimeFormat costs far more than using one. */
const dayFormats = new Map<string, Intl.DateTimeFormat>();

function dayFormat(locale: string, withYear: boolean, timeZone?: string): Intl.DateTimeFormat {
  const key = `${locale}|${withYear}|${timeZone ?? ''}`;
  let format = dayFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, {
      day: 'numeric',
      month: 'short',
      ...(withYear ? { year: 'numeric' } : {}),
      ...(timeZone ? { timeZone } : {}),
    });
    dayFormats.set(key, format);
  }
  return format;
}

/** "3 Dec" (or "Dec 3", as the locale has it), with the year when it is not the current one. */
export function formatDay(date: Date, locale: string, now: Date, timeZone?: string): string {
  const sameYear =
    timeZone === 'UTC'
      ? date.getUTCFullYear() === now.getFullYear()
      : date.getFullYear() === now.getFullYear();
  return dayFormat(locale, !sameYear, timeZone).format(date);
}

/** "just now", "5 min ago", "3 h ago", "yesterday", "4 days ago", then the date. */
export function relativeTime(t: TFunction, iso: string, now: Date, locale: string): string {
  const then = new Date(iso);
  const elapsed = now.getTime() - then.getTime();
  if (Number.isNaN(elapsed)) return '';
  if (elapsed < MINUTE) return t('time.justNow');
  if (elapsed < HOUR) return t('time.minutesAgo', { count: Math.floor(elapsed / MINUTE) });
  if (elapsed < DAY) return t('time.hoursAgo', { count: Math.floor(elapsed / HOUR) });
  const days = calendarDaysBetween(localDay(then), localDay(now));
  if (days === 1) return t('time.yesterday');
  if (days < 7) return t('time.daysAgo', { count: days });
  return formatDay(then, locale, now);
}

/** Midnight UTC of a date's local calendar day, so days can be counted without DST trouble. */
function localDay(date: Date): number {
  return Date.UTC(date.getFullYear(), date.getMonth(), date.getDate());
}

function calendarDaysBetween(fromDayUtc: number, toDayUtc: number): number {
  return Math.round((toDayUtc - fromDayUtc) / DAY);
}

function parseDateOnly(value: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  if (!match) return null;
  return Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
}

/**
 * What a date alert is about: "Due tomorrow", "Starts on 3 Dec", "Overdue since 1 Dec".
 * Null when the detail names no date the app understands.
 */
export function dateAlertText(
  t: TFunction,
  detail: NotificationDetail,
  now: Date,
  locale: string,
): string | null {
  if (detail.value === null) return null;
  const dayUtc = parseDateOnly(detail.value);
  if (dayUtc === null) return null;
  const days = calendarDaysBetween(localDay(now), dayUtc);
  const when = days < 0 ? 'past' : days === 0 ? 'today' : days === 1 ? 'tomorrow' : 'future';
  // "Due today/tomorrow" name no date (in every language: the translations keep English's
  // placeholders): formatting one anyway would build the first Intl.DateTimeFormat, ~15 ms at start.
  const date =
    when === 'past' || when === 'future' ? formatDay(new Date(dayUtc), locale, now, 'UTC') : '';
  switch (detail.property) {
    case 'dueDate':
      return t(`dateAlert.due.${when}`, { date });
    case 'startDate':
      return t(`dateAlert.start.${when}`, { date });
    case 'date':
      return t(`dateAlert.milestone.${when}`, { date });
    default:
      return null;
  }
}
