/**
 * The work package query's filters used by quick search (typeahead, subjectOrId, search, id,
 * status, project, assignee, …) and its sort keys. Without a `filters` parameter the default
 * "status is open" filter applies; `filters=[]` means no filter.
 */
import type { WorkPackage } from '../data/model';
import type { State } from '../data/state';
import { displayId } from '../representers/work-package';
import {
  allowedValues,
  compileFilters,
  parseFilters,
  parseSortBy,
  sortItems,
  type FilterClause,
  type FilterDef,
  type SortDirection,
} from './params';

export interface WorkPackageQueryOptions {
  state: State;
  viewerId: number;
  semanticIds: boolean;
}

const isInt = (v: string) => /^\d+$/.test(v);
const oneTerm = (values: readonly string[]) =>
  values.length === 1 && (values[0] ?? '').trim() !== '' ? undefined : 'filter has invalid values.';

function idList(get: (wp: WorkPackage) => number | null): FilterDef<WorkPackage>['matcher'] {
  return (operator, values) => {
    const set = new Set(values.map(Number));
    if (operator === '*') return (wp) => get(wp) !== null;
    if (operator === '!*') return (wp) => get(wp) === null;
    if (operator === '!') return (wp) => !set.has(get(wp) ?? -1);
    return (wp) => set.has(get(wp) ?? -1);
  };
}

export function workPackageFilterDefs(
  options: WorkPackageQueryOptions,
): Record<string, FilterDef<WorkPackage>> {
  const { state, viewerId, semanticIds } = options;
  const lower = (s: string | undefined) => (s ?? '').toLowerCase();
  const isClosed = (wp: WorkPackage) => state.statuses.get(wp.statusId)?.isClosed ?? false;
  const userValue = (v: string) => (v === 'me' ? String(viewerId) : v);
  const principal = (get: (wp: WorkPackage) => number | null): FilterDef<WorkPackage> => ({
    label: 'Assignee',
    operators: ['=', '!', '*', '!*'],
    valueless: ['*', '!*'],
    check: allowedValues((v) => state.users.has(Number(userValue(v)))),
    matcher: (operator, values) => idList(get)(operator, values.map(userValue)),
  });
  let notes: Map<number, string> | undefined;
  const notesOf = (wpId: number): string => {
    if (!notes) {
      notes = new Map();
      for (const j of state.journals.values()) {
        if (j.notes)
          notes.set(
            j.workPackageId,
            `${notes.get(j.workPackageId) ?? ''}\n${j.notes.toLowerCase()}`,
          );
      }
    }
    return notes.get(wpId) ?? '';
  };
  const typeaheadPart = (wp: WorkPackage, part: string): boolean => {
    if (lower(wp.subject).includes(part)) return true;
    if (lower(state.projects.get(wp.projectId)?.name).includes(part)) return true;
    if (lower(state.types.get(wp.typeId)?.name).includes(part)) return true;
    if (lower(state.statuses.get(wp.statusId)?.name).includes(part)) return true;
    if ((isClosed(wp) ? 'closed' : 'open').includes(part)) return true;
    if (/^#?\d+$/.test(part) && String(wp.id).includes(part.replace('#', ''))) return true;
    return semanticIds && lower(displayId(state, wp, true)).startsWith(part);
  };
  return {
    typeahead: {
      label: 'Typeahead',
      operators: ['**'],
      check: oneTerm,
      matcher: (_op, values) => {
        const parts = lower(values[0]).split(/\s+/).filter(Boolean);
        return (wp) => parts.every((part) => typeaheadPart(wp, part));
      },
    },
    subject_or_id: {
      label: 'Subject or ID',
      operators: ['**'],
      check: oneTerm,
      matcher: (_op, values) => {
        const term = lower(values[0]).trim();
        const id = /^#?\d+$/.test(term) ? Number(term.replace('#', '')) : NaN;
        return (wp) => wp.id === id || lower(wp.subject).includes(term);
      },
    },
    search: {
      label: 'Search',
      operators: ['**'],
      check: oneTerm,
      matcher: (_op, values) => {
        const term = lower(values[0]).trim();
        return (wp) =>
          lower(wp.subject).includes(term) ||
          lower(wp.description).includes(term) ||
          notesOf(wp.id).includes(term);
      },
    },
    subject: {
      label: 'Subject',
      operators: ['~', '!~'],
      check: oneTerm,
      matcher: (op, values) => {
        const term = lower(values[0]);
        return (wp) => lower(wp.subject).includes(term) === (op === '~');
      },
    },
    id: {
      label: 'ID',
      operators: ['=', '!'],
      check: allowedValues(isInt),
      matcher: idList((wp) => wp.id),
    },
    status: {
      label: 'Status',
      operators: ['o', 'c', '=', '!', '*'],
      valueless: ['o', 'c', '*'],
      check: allowedValues((v) => isInt(v) && state.statuses.has(Number(v))),
      matcher: (operator, values) => {
        if (operator === 'o') return (wp) => !isClosed(wp);
        if (operator === 'c') return (wp) => isClosed(wp);
        if (operator === '*') return () => true;
        return idList((wp) => wp.statusId)(operator, values);
      },
    },
    project: {
      label: 'Project',
      operators: ['=', '!'],
      check: allowedValues((v) => isInt(v) && state.projects.has(Number(v))),
      matcher: idList((wp) => wp.projectId),
    },
    type: {
      label: 'Type',
      operators: ['=', '!'],
      check: allowedValues((v) => isInt(v) && state.types.has(Number(v))),
      matcher: idList((wp) => wp.typeId),
    },
    priority: {
      label: 'Priority',
      operators: ['=', '!'],
      check: allowedValues((v) => isInt(v) && state.priorities.has(Number(v))),
      matcher: idList((wp) => wp.priorityId),
    },
    assignee: principal((wp) => wp.assigneeId),
    assigned_to: principal((wp) => wp.assigneeId),
    responsible: { ...principal((wp) => wp.responsibleId), label: 'Accountable' },
    author: { ...principal((wp) => wp.authorId), label: 'Author' },
  };
}

const DEFAULT_FILTER: FilterClause[] = [
  { name: 'status', key: 'status', operator: 'o', values: [] },
];

/** The effective clauses: the default open filter when `filters` is absent. */
export function workPackageClauses(raw: string | null): FilterClause[] {
  return parseFilters(raw) ?? DEFAULT_FILTER;
}

export function workPackagePredicate(
  clauses: FilterClause[],
  options: WorkPackageQueryOptions,
): (wp: WorkPackage) => boolean {
  return compileFilters(clauses, workPackageFilterDefs(options));
}

export const WORK_PACKAGE_SORT_KEYS = [
  'id',
  'subject',
  'updated_at',
  'created_at',
  'status',
  'type',
  'project',
  'priority',
  'assignee',
  'assigned_to',
  'start_date',
  'due_date',
];

export function sortWorkPackages(
  state: State,
  items: WorkPackage[],
  raw: string | null,
): WorkPackage[] {
  const parsed = parseSortBy(raw, WORK_PACKAGE_SORT_KEYS);
  const criteria: [string, SortDirection][] = parsed.length > 0 ? parsed : [['id', 'asc']];
  const name = (id: number | null) => (id === null ? '' : (state.users.get(id)?.lastName ?? ''));
  const text = (a: string, b: string) => a.localeCompare(b);
  const date = (a: string | null, b: string | null) => (a ?? '9999').localeCompare(b ?? '9999');
  const position =
    <T extends { position: number }>(map: Map<number, T>) =>
    (a: number, b: number) =>
      (map.get(a)?.position ?? 0) - (map.get(b)?.position ?? 0);
  return sortItems(items, criteria, {
    id: (a, b) => a.id - b.id,
    subject: (a, b) => text(a.subject, b.subject),
    updated_at: (a, b) => a.updatedAt - b.updatedAt,
    created_at: (a, b) => a.createdAt - b.createdAt,
    status: (a, b) => position(state.statuses)(a.statusId, b.statusId),
    type: (a, b) => position(state.types)(a.typeId, b.typeId),
    priority: (a, b) => position(state.priorities)(a.priorityId, b.priorityId),
    project: (a, b) =>
      text(
        state.projects.get(a.projectId)?.name ?? '',
        state.projects.get(b.projectId)?.name ?? '',
      ),
    assignee: (a, b) => text(name(a.assigneeId), name(b.assigneeId)),
    assigned_to: (a, b) => text(name(a.assigneeId), name(b.assigneeId)),
    start_date: (a, b) => date(a.startDate, b.startDate),
    due_date: (a, b) => date(a.dueDate, b.dueDate),
  });
}
