/**
 * The notification query of `app/models/queries/notifications.rb`: filters readIAN, id, reason,
 * resourceId, resourceType and project with their operators and allowed values; sort keys; groupBy.
 */
import { API_REASONS, REASON_ORDER, type Notification } from '../data/model';
import type { State } from '../data/state';
import { invalidQuery } from '../problems';
import {
  allowedValues,
  compileFilters,
  parseFilters,
  parseSortBy,
  sortItems,
  underscore,
  type FilterDef,
} from './params';

export interface NotificationQueryOptions {
  state: State;
  /** The recipient: only their notifications are visible and allowed as `id` values. */
  userId: number;
  /** The Enterprise feature that makes `dateAlert` an allowed `reason` value. */
  dateAlertsFeature: boolean;
}

function listMatcher<T>(get: (n: Notification) => T, parse: (v: string) => T) {
  return (operator: string, values: readonly string[]) => {
    const set = new Set(values.map(parse));
    return operator === '!'
      ? (n: Notification) => !set.has(get(n))
      : (n: Notification) => set.has(get(n));
  };
}

export function notificationFilterDefs(
  options: NotificationQueryOptions,
): Record<string, FilterDef<Notification>> {
  const { state, userId } = options;
  const own = (v: string) =>
    /^\d+$/.test(v) && state.notifications.get(Number(v))?.recipientId === userId;
  const reasons = API_REASONS.filter(
    (r) => r !== 'dateAlert' || options.dateAlertsFeature,
  ) as string[];
  return {
    read_ian: {
      label: 'Read',
      operators: ['=', '!'],
      check: (values) =>
        values.length === 1 && (values[0] === 't' || values[0] === 'f')
          ? undefined
          : 'filter has invalid values.',
      matcher: (operator, values) => {
        const wanted = values[0] === 't';
        return (n) => (operator === '=' ? n.readIAN === wanted : n.readIAN !== wanted);
      },
    },
    id: {
      label: 'ID',
      operators: ['=', '!'],
      check: allowedValues(own),
      matcher: listMatcher((n) => n.id, Number),
    },
    reason: {
      label: 'Reason',
      operators: ['=', '!'],
      check: allowedValues((v) => reasons.includes(v)),
      matcher: listMatcher((n) => n.reason as string, String),
    },
    resource_id: {
      label: 'Resource',
      operators: ['=', '!'],
      check: allowedValues((v) => /^\d+$/.test(v) && state.workPackages.has(Number(v))),
      matcher: listMatcher((n) => n.resourceId, Number),
    },
    resource_type: {
      label: 'Resource type',
      operators: ['=', '!'],
      check: allowedValues((v) => v === 'WorkPackage'),
      // Every notification's resource is a WorkPackage.
      matcher: (operator) => () => operator === '=',
    },
    project: {
      label: 'Project',
      operators: ['=', '!', '*', '!*'],
      valueless: ['*', '!*'],
      check: allowedValues((v) => /^\d+$/.test(v) && state.projects.has(Number(v))),
      matcher: (operator, values) => {
        if (operator === '*') return () => true;
        if (operator === '!*') return () => false;
        return listMatcher((n) => n.projectId, Number)(operator, values);
      },
    },
  };
}

/** Parses and validates `filters`; returns the predicate (no filters = everything). */
export function notificationPredicate(
  raw: string | null,
  options: NotificationQueryOptions,
  bulk = false,
): (n: Notification) => boolean {
  const clauses = parseFilters(raw) ?? [];
  // The bulk read/unread routes report every message in one InvalidQuery (400).
  return compileFilters(clauses, notificationFilterDefs(options), bulk);
}

export const NOTIFICATION_SORT_KEYS = [
  'id',
  'created_at',
  'updated_at',
  'reason',
  'project',
  'read_ian',
];

export function sortNotifications(
  state: State,
  items: Notification[],
  raw: string | null,
): Notification[] {
  const criteria = parseSortBy(raw, NOTIFICATION_SORT_KEYS);
  const projectName = (n: Notification) => state.projects.get(n.projectId)?.name ?? '';
  return sortItems(items, criteria, {
    id: (a, b) => a.id - b.id,
    created_at: (a, b) => a.createdAt - b.createdAt,
    updated_at: (a, b) => a.updatedAt - b.updatedAt,
    reason: (a, b) => REASON_ORDER[a.reason] - REASON_ORDER[b.reason],
    project: (a, b) => projectName(a).localeCompare(projectName(b)),
    read_ian: (a, b) => Number(a.readIAN) - Number(b.readIAN),
  });
}

export interface Group {
  value: string;
  count: number;
  _links: { valueLink: { href: string }[] };
}

/** `groupBy=reason|project`: counts over every matching notification. */
export function groupNotifications(
  state: State,
  items: readonly Notification[],
  raw: string | null,
  projectHref: (id: number) => string,
): Group[] | undefined {
  if (raw === null || raw === '') return undefined;
  const key = underscore(raw);
  if (key !== 'reason' && key !== 'project')
    throw invalidQuery([`Group by ${raw} is not a valid group criterion.`]);
  const counts = new Map<string, { count: number; href?: string; order: number | string }>();
  for (const n of items) {
    const value = key === 'reason' ? n.reason : (state.projects.get(n.projectId)?.name ?? '');
    const entry = counts.get(value) ?? {
      count: 0,
      order: key === 'reason' ? REASON_ORDER[n.reason] : value,
      ...(key === 'project' ? { href: projectHref(n.projectId) } : {}),
    };
    entry.count += 1;
    counts.set(value, entry);
  }
  return [...counts.entries()]
    .sort(([, a], [, b]) =>
      typeof a.order === 'number' && typeof b.order === 'number'
        ? a.order - b.order
        : String(a.order).localeCompare(String(b.order)),
    )
    .map(([value, entry]) => ({
      value,
      count: entry.count,
      _links: { valueLink: entry.href ? [{ href: entry.href }] : [] },
    }));
}
