/**
 * What the quick search input means: nothing, one work package by number, or text.
 */

export type SearchInput =
  { kind: 'empty' } | { kind: 'id'; id: number } | { kind: 'text'; text: string };

/** `#123` or `123` (surrounding spaces ignored) is work package 123; anything else is text. */
export function parseSearchInput(input: string): SearchInput {
  const text = input.trim();
  if (text === '' || text === '#') return { kind: 'empty' };
  const match = /^#?(\d+)$/.exec(text);
  if (match?.[1]) {
    const id = Number(match[1]);
    if (Number.isSafeInteger(id) && id > 0) return { kind: 'id', id };
  }
  return { kind: 'text', text };
}
