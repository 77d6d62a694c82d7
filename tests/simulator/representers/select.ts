/**
 * `select=` (signalling): a comma list such as `total,count,elements/id,elements/self`.
 * Collection-level properties and links are picked from the full collection; element
 * properties are rendered by the caller (only work packages support them).
 */

export interface Selection {
  /** Collection-level names (`total`, `count`, `self`, `nextByOffset`, `*`). */
  top: Set<string>;
  /** Element property names (`id`, `subject`, `self`, `*`). */
  elements: Set<string>;
}

export function parseSelect(raw: string | null): Selection | undefined {
  if (raw === null) return undefined;
  const top = new Set<string>();
  const elements = new Set<string>();
  for (const part of raw
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)) {
    if (part.startsWith('elements/')) elements.add(part.slice('elements/'.length));
    else top.add(part);
  }
  return { top, elements };
}

const TOP_PROPERTIES = ['_type', 'total', 'count', 'pageSize', 'offset'] as const;
const TOP_LINKS = ['self', 'jumpTo', 'changeSize', 'previousByOffset', 'nextByOffset'] as const;

/** The selected subset of a full collection; `elements` (already selected) when any were asked for. */
export function selectCollection(
  full: Record<string, unknown>,
  selection: Selection,
  elements?: unknown[],
): Record<string, unknown> {
  const all = selection.top.has('*');
  const out: Record<string, unknown> = {};
  for (const key of TOP_PROPERTIES)
    if ((all || selection.top.has(key)) && key in full) out[key] = full[key];
  const fullLinks = (full._links ?? {}) as Record<string, unknown>;
  const links: Record<string, unknown> = {};
  for (const key of TOP_LINKS)
    if ((all || selection.top.has(key)) && key in fullLinks) links[key] = fullLinks[key];
  if (elements && (selection.elements.size > 0 || selection.top.has('elements')))
    out._embedded = { elements };
  if (Object.keys(links).length > 0) out._links = links;
  return out;
}
