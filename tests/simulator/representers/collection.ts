/**
 * OpenProject's offset-paginated collection envelope: `total`, `count`, `pageSize`, `offset`
 * (a page number), elements, and self/jumpTo/changeSize/previousByOffset/nextByOffset links
 * whose query strings are written like Rails' `to_query`.
 */
import { toQuery } from '../paths';
import type { Page } from '../query/params';
import type { Link } from './context';

export interface CollectionInput {
  /** e.g. `/openproject/api/v3/notifications` */
  selfPath: string;
  /** Query parameters the links carry besides offset/pageSize (filters, sortBy, groupBy, select). */
  carried: Readonly<Record<string, string>>;
  page: Page;
  total: number;
  elements: unknown[];
  embedded?: Record<string, unknown>;
  extra?: Record<string, unknown>;
}

export function pageLink(
  input: Pick<CollectionInput, 'selfPath' | 'carried'>,
  offset: number | string,
  pageSize: number | string,
): string {
  return `${input.selfPath}?${toQuery({ ...input.carried, offset, pageSize })}`;
}

export function collectionLinks(
  input: Pick<CollectionInput, 'selfPath' | 'carried' | 'page' | 'total'>,
): Record<string, Link> {
  const { offset, pageSize } = input.page;
  const links: Record<string, Link> = {
    self: { href: pageLink(input, offset, pageSize) },
    jumpTo: { href: pageLink(input, '{offset}', pageSize), templated: true },
    changeSize: { href: pageLink(input, offset, '{size}'), templated: true },
  };
  if (offset > 1) links.previousByOffset = { href: pageLink(input, offset - 1, pageSize) };
  if (offset * pageSize < input.total)
    links.nextByOffset = { href: pageLink(input, offset + 1, pageSize) };
  return links;
}

export function paginatedCollection(input: CollectionInput): Record<string, unknown> {
  return {
    _type: 'Collection',
    total: input.total,
    count: input.elements.length,
    pageSize: input.page.pageSize,
    offset: input.page.offset,
    ...input.extra,
    _embedded: { elements: input.elements, ...input.embedded },
    _links: collectionLinks(input),
  };
}
