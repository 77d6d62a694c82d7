import type { SearchPage } from '../../core/domain';
import { PROGRAM } from '../args';
import type { Command } from '../command';
import { UsageError } from '../errors';
import { plural, table, type Cell } from '../format';

/** `search --json` prints exactly this. */
export interface SearchJson {
  results: {
    id: number;
    subject: string;
    type: string | null;
    status: string | null;
    project: string | null;
    assignee: string | null;
    url: string;
  }[];
}

export function searchJson(page: SearchPage): SearchJson {
  return {
    results: page.results.map((wp) => ({
      id: wp.id,
      subject: wp.subject,
      type: wp.type,
      status: wp.status,
      project: wp.project,
      assignee: wp.assignee,
      url: wp.url,
    })),
  };
}

export const searchCommand: Command = {
  name: 'search',
  summary: 'Find work packages by text, or by id with #42',
  usage: ['search <text>', 'search #<workPackageId>'],
  details: [
    'Searches subjects and ids like the quick search in OpenProject; "#42" or "42" finds',
    'work package 42. Words after "search" form one search text.',
  ],
  json: [
    '{ "results": [ { "id", "subject", "type", "status", "project", "assignee",',
    '                 "url" } ] }  (type, status, project, assignee: names or null)',
  ],
  examples: ['search login page', "search '#42'"],
  async run({ operands, json, out, client }) {
    const text = operands.join(' ').trim();
    if (text === '') {
      throw new UsageError(
        `Give something to search for, as in '${PROGRAM} search login' or '${PROGRAM} search #42'.`,
      );
    }
    const page = await client().search(text);
    if (json) {
      out.json(searchJson(page));
      return;
    }
    const quoted = `“${text}”`;
    if (page.results.length === 0) {
      out.line(`No work packages match ${quoted}.`);
      return;
    }
    const count =
      page.total > page.results.length
        ? `${page.results.length} of ${plural(page.total, 'work package')} match ${quoted}`
        : `${plural(page.results.length, 'work package')} ${page.results.length === 1 ? 'matches' : 'match'} ${quoted}`;
    out.line(out.style.bold(count));
    out.line();
    const { dim, cyan, yellow } = out.style;
    const header: Cell[] = ['ID', 'SUBJECT', 'TYPE', 'STATUS', 'PROJECT', 'ASSIGNEE'].map(
      (heading) => ({ text: heading, paint: dim }),
    );
    const rows = page.results.map((wp): Cell[] => [
      { text: displayId(wp.displayId, wp.id), paint: cyan },
      { text: wp.subject },
      { text: wp.type ?? '—' },
      { text: wp.status ?? '—', paint: yellow },
      { text: wp.project ?? '—', paint: dim },
      { text: wp.assignee ?? '—' },
    ]);
    out.lines(
      table([header, ...rows], {
        width: out.width,
        shrink: [
          { column: 1, min: 24 }, // subject
          { column: 4, min: 12 }, // project
          { column: 3, min: 10 }, // status
          { column: 1, min: 12 },
        ],
      }),
    );
  },
};

/** "#42" for numeric ids; project-based ids such as "PROJ-42" as they are. */
function displayId(display: string, id: number): string {
  const text = display.trim() || String(id);
  return /^\d+$/.test(text) ? `#${text}` : text;
}
