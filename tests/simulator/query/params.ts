/**
 * Query parameters shared by the collections: `offset` (a page number), `pageSize`, `filters`
 * (JSON, validated against filter definitions; any problem is a 400 InvalidQuery), `sortBy`.
 */
import { invalidQuery } from '../problems';

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 1000;

export interface Page {
  /** 1-based page number. */
  offset: number;
  /** 0 = count only. */
  pageSize: number;
}

function integer(raw: string | null): number | undefined {
  if (raw === null || !/^\s*-?\d+\s*$/.test(raw)) return undefined;
  return Number(raw);
}

/** `pageSize`: default 20, `-1` = the maximum, above the maximum clamped, `0` = count only. */
export function parsePage(query: URLSearchParams): Page {
  const size = integer(query.get('pageSize'));
  let pageSize = DEFAULT_PAGE_SIZE;
  if (size === -1) pageSize = MAX_PAGE_SIZE;
  else if (size !== undefined && size >= 0) pageSize = Math.min(size, MAX_PAGE_SIZE);
  const offset = Math.max(1, integer(query.get('offset')) ?? 1);
  return { offset, pageSize };
}

export function pageOf<T>(items: readonly T[], page: Page): T[] {
  if (page.pageSize === 0) return [];
  const start = (page.offset - 1) * page.pageSize;
  return items.slice(start, start + page.pageSize);
}

/** Rails' `String#underscore`: `readIAN` → `read_ian`, `resourceId` → `resource_id`. */
export function underscore(name: string): string {
  return name
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1_$2')
    .replace(/([a-z\d])([A-Z])/g, '$1_$2')
    .toLowerCase();
}

export interface FilterClause {
  /** The name as sent. */
  name: string;
  /** Normalised (snake_case) name. */
  key: string;
  operator: string;
  values: string[];
}

/** Parses `filters`; `null` when the parameter is absent. Malformed JSON is an InvalidQuery. */
export function parseFilters(raw: string | null): FilterClause[] | null {
  if (raw === null) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw invalidQuery(['Filters could not be parsed: the value is not valid JSON.']);
  }
  if (!Array.isArray(parsed))
    throw invalidQuery(['Filters must be a JSON array of filter objects.']);
  const clauses: FilterClause[] = [];
  for (const entry of parsed) {
    if (entry === null || typeof entry !== 'object' || Array.isArray(entry)) {
      throw invalidQuery(['Filters must be a JSON array of filter objects.']);
    }
    for (const [name, spec] of Object.entries(entry as Record<string, unknown>)) {
      const { operator, values } = (spec ?? {}) as { operator?: unknown; values?: unknown };
      const list = Array.isArray(values)
        ? values
        : values === undefined || values === null
          ? []
          : [values];
      clauses.push({
        name,
        key: underscore(name),
        operator: typeof operator === 'string' ? operator : '',
        values: list.map((v) => (typeof v === 'string' ? v : JSON.stringify(v))),
      });
    }
  }
  return clauses;
}

export interface FilterDef<T> {
  label: string;
  operators: readonly string[];
  /** Operators that take no values (`*`, `!*`, `o`, `c`). */
  valueless?: readonly string[];
  /** An error message when the values are not allowed. */
  check?(values: readonly string[], operator: string): string | undefined;
  matcher(operator: string, values: readonly string[]): (item: T) => boolean;
}

/** Validates every clause (collecting all errors) and returns one predicate for the whole filter set. */
export function compileFilters<T>(
  clauses: readonly FilterClause[],
  defs: Readonly<Record<string, FilterDef<T>>>,
  /** Report several errors as one 400 InvalidQuery instead of a 422 MultipleErrors. */
  single = false,
): (item: T) => boolean {
  const errors: string[] = [];
  const matchers: ((item: T) => boolean)[] = [];
  for (const clause of clauses) {
    const def = Object.hasOwn(defs, clause.key) ? defs[clause.key] : undefined;
    if (!def) {
      errors.push(`Filters ${humanise(clause.name)} filter does not exist.`);
      continue;
    }
    if (!def.operators.includes(clause.operator)) {
      errors.push(`Filters ${def.label} Operator is not set to one of the allowed values.`);
      continue;
    }
    const valueless = def.valueless?.includes(clause.operator) ?? false;
    if (!valueless && clause.values.length === 0) {
      errors.push(`Filters ${def.label} Values can't be blank.`);
      continue;
    }
    const problem = valueless ? undefined : def.check?.(clause.values, clause.operator);
    if (problem) {
      errors.push(`Filters ${def.label} ${problem}`);
      continue;
    }
    matchers.push(def.matcher(clause.operator, clause.values));
  }
  if (errors.length > 0) throw invalidQuery(errors, single);
  return (item) => matchers.every((m) => m(item));
}

function humanise(name: string): string {
  const words = underscore(name).replace(/_/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** A list filter check: every value must be in `allowed`. */
export function allowedValues(
  allowed: (value: string) => boolean,
): (values: readonly string[]) => string | undefined {
  return (values) => (values.every(allowed) ? undefined : 'filter has invalid values.');
}

export type SortDirection = 'asc' | 'desc';

/** Parses `sortBy` (`[["updatedAt","desc"]]`) against the allowed keys (API or snake_case names). */
export function parseSortBy(
  raw: string | null,
  allowed: readonly string[],
): [string, SortDirection][] {
  if (raw === null || raw.trim() === '') return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw invalidQuery(['Sort by could not be parsed: the value is not valid JSON.']);
  }
  if (!Array.isArray(parsed))
    throw invalidQuery(['Sort by must be a JSON array of [attribute, direction] pairs.']);
  const errors: string[] = [];
  const out: [string, SortDirection][] = [];
  for (const pair of parsed) {
    const [attribute, direction] = Array.isArray(pair) ? (pair as unknown[]) : [];
    const key = typeof attribute === 'string' ? underscore(attribute) : '';
    if (!allowed.includes(key)) {
      errors.push(`Sort by ${String(attribute)} is not a valid sort criterion.`);
    } else if (direction !== 'asc' && direction !== 'desc') {
      errors.push(`Sort by direction ${String(direction)} is not valid (use asc or desc).`);
    } else {
      out.push([key, direction]);
    }
  }
  if (errors.length > 0) throw invalidQuery(errors);
  return out;
}

export type Comparator<T> = (a: T, b: T) => number;

/** Sorts by the given criteria with a final `id DESC` tiebreak unless id is among them. */
export function sortItems<T extends { id: number }>(
  items: T[],
  criteria: readonly [string, SortDirection][],
  comparators: Readonly<Record<string, Comparator<T>>>,
): T[] {
  const list = [...criteria];
  if (!list.some(([key]) => key === 'id')) list.push(['id', 'desc']);
  return items.sort((a, b) => {
    for (const [key, direction] of list) {
      const compare = comparators[key] ?? ((x: T, y: T) => x.id - y.id);
      const result = compare(a, b);
      if (result !== 0) return direction === 'asc' ? result : -result;
    }
    return 0;
  });
}
