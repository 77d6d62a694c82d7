/**
 * What every representer needs: the state, hrefs with the sub-path, the viewer, and the
 * instance settings that change shapes.
 */
import type { User } from '../data/model';
import type { State } from '../data/state';
import type { Paths } from '../paths';

export interface RepresenterContext {
  state: State;
  paths: Paths;
  /** http://127.0.0.1:PORT, for the few absolute URLs (avatars). */
  origin: string;
  /** null = anonymous. */
  viewer: User | null;
  /** How a link to "nothing" (date alert actor, activity) is written: left out (the server) or `{href: null}`. */
  absentLinks: 'omit' | 'null';
  /** Semantic work package ids (`WEB-12`, 17.x dev). */
  semanticIds: boolean;
}

export interface Link {
  href: string | null;
  title?: string;
  method?: string;
  templated?: boolean;
  type?: string;
}

export function iso(epochMs: number): string {
  return new Date(epochMs).toISOString();
}

export function link(href: string | null, title?: string): Link {
  return title === undefined ? { href } : { href, title };
}

/** A formattable text (`{format, raw, html}`), rendered the simple way markdown paragraphs are. */
export function formattable(raw: string): { format: 'markdown'; raw: string; html: string } {
  const escaped = raw.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
  const html = escaped
    .split(/\n{2,}/)
    .filter((p) => p.trim() !== '')
    .map((p) => `<p class="op-uc-p">${p.replace(/\n/g, '<br>')}</p>`)
    .join('');
  return { format: 'markdown', raw, html };
}
