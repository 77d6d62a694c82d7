/**
 * Turning the new notifications of one poll into one toast: for a single work package
 * "3 updates on #123 Fix login" / "Project · mentioned by Jane Doe"; for several, one summary
 * "5 work packages changed" / "#12 Fix login, #40 Ship v1 and 3 more", never a burst.
 */
import type { NotificationItem } from '../domain';
import type { Toast } from './notifier';
import { reasonPhrase } from './reason-labels';

export interface ToastLinks {
  workPackage(id: number): string;
  notificationCenter(): string;
}

export interface ComposeInput {
  accountId: string;
  /** The notifications to announce (already filtered by the toast policy). */
  items: readonly NotificationItem[];
  links: ToastLinks;
  /** Shown first in the body when the user has several accounts. */
  accountLabel?: string | null;
}

const TITLE_SUBJECT_MAX = 90;
const SUMMARY_SUBJECT_MAX = 40;
const BODY_MAX = 180;
const SUMMARY_NAMED = 2;

/** One line of plain text: no control characters or line breaks, bounded length. */
export function cleanText(text: string, max: number): string {
  // eslint-disable-next-line no-control-regex
  const flat = text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ');
  const single = flat.replace(/\s+/g, ' ').trim();
  return single.length <= max ? single : `${single.slice(0, max - 1).trimEnd()}…`;
}

interface Group {
  workPackageId: number | null;
  items: NotificationItem[]; // newest first
}

function time(item: NotificationItem): number {
  return Date.parse(item.updatedAt);
}

function groupByWorkPackage(items: readonly NotificationItem[]): Group[] {
  const sorted = [...items].sort((a, b) => time(b) - time(a) || b.id - a.id);
  const groups = new Map<string, Group>();
  for (const item of sorted) {
    const key = item.workPackageId === null ? `n${item.id}` : `w${item.workPackageId}`;
    let group = groups.get(key);
    if (!group) {
      group = { workPackageId: item.workPackageId, items: [] };
      groups.set(key, group);
    }
    group.items.push(item);
  }
  return [...groups.values()]; // in order of their newest item
}

function reference(group: Group, subjectMax: number): string {
  const first = group.items[0];
  const subject = cleanText(first?.workPackageSubject ?? '', subjectMax);
  if (group.workPackageId === null) return subject || 'OpenProject';
  return subject ? `#${group.workPackageId} ${subject}` : `#${group.workPackageId}`;
}

function distinct<T>(values: T[]): T[] {
  return [...new Set(values)];
}

function byActors(items: NotificationItem[]): string {
  const names = distinct(items.flatMap((item) => (item.actor ? [item.actor.name] : [])));
  const [first, second] = names;
  if (first === undefined) return '';
  if (second === undefined) return ` by ${first}`;
  if (names.length === 2) return ` by ${first} and ${second}`;
  return ` by ${first} and ${names.length - 1} others`;
}

function singleToast(input: ComposeInput, group: Group): Toast {
  const newest = group.items[0] as NotificationItem;
  const count = group.items.length;
  const ref = reference(group, TITLE_SUBJECT_MAX);
  const title = count === 1 ? ref : `${count} updates on ${ref}`;
  const phrases = distinct(
    group.items.map((item) => reasonPhrase(item.reason, item.details[0] ?? null)),
  );
  const what = `${phrases.join(', ')}${byActors(group.items)}`;
  const parts = [input.accountLabel, newest.projectName, what].filter(
    (part): part is string => typeof part === 'string' && part.trim() !== '',
  );
  return {
    id: `${input.accountId}:wp${group.workPackageId ?? 'none'}:${newest.id}@${newest.updatedAt}`,
    title: cleanText(title, TITLE_SUBJECT_MAX + 30),
    body: cleanText(parts.join(' · '), BODY_MAX),
    url:
      group.workPackageId === null
        ? input.links.notificationCenter()
        : input.links.workPackage(group.workPackageId),
  };
}

function summaryToast(input: ComposeInput, groups: Group[]): Toast {
  const newest = groups[0]?.items[0] as NotificationItem;
  const named = groups
    .slice(0, SUMMARY_NAMED)
    .map((group) => reference(group, SUMMARY_SUBJECT_MAX));
  const rest = groups.length - named.length;
  const list = rest > 0 ? `${named.join(', ')} and ${rest} more` : named.join(' and ');
  const body = input.accountLabel ? `${input.accountLabel} · ${list}` : list;
  return {
    id: `${input.accountId}:summary:${newest.id}@${newest.updatedAt}`,
    title: `${groups.length} work packages changed`,
    body: cleanText(body, BODY_MAX),
    url: input.links.notificationCenter(),
  };
}

/** The one toast for a poll's new notifications, or null if there are none. */
export function composeToast(input: ComposeInput): Toast | null {
  const groups = groupByWorkPackage(input.items);
  const [only] = groups;
  if (!only) return null;
  return groups.length === 1 ? singleToast(input, only) : summaryToast(input, groups);
}
