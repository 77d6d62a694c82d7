/**
 * Holds prism's violations against the listed spec exceptions: every violation must be
 * explained by an exception, and every exception must still occur on each endpoint it names,
 * with each message fragment it names (a stale exception fails too, so the list stays honest).
 */
import { describeViolation, type Credentials, type Side, type Violation } from './violations';

export interface SpecException {
  /** A short stable name, used in reports. */
  id: string;
  /** `METHOD /path/{param}` as in the spec; each must show the violation at least once. */
  endpoints: readonly string[];
  side: Side;
  /** Prism's code: ajv keyword (`enum`, `required`…), `status`, or a problem type (`UNAUTHORIZED`). */
  code: string;
  /** Dotted location with `*` for array indices, matched exactly. */
  location: string;
  /** Fragments of prism's message, one of which must be in it; each must occur on each endpoint. */
  messageIncludes?: readonly string[];
  /** Only when prism answered with this status (e.g. the simulator's 400). */
  status?: number;
  /** Only for requests with this Authorization scheme. */
  credentials?: Credentials;
  /** Why the spec, not the server (nor our simulator or client), is wrong. */
  reason: string;
  /** Where that is shown: a section of openproject-server.md, SOURCE.txt, the spec's own text. */
  source: string;
}

export interface AuditResult {
  unexplained: Violation[];
  /** Exceptions (endpoint, fragment) that no violation of this run matched. */
  stale: { id: string; endpoint: string; fragment?: string }[];
  /** How many violations each exception explained, by id. */
  explainedBy: Record<string, number>;
}

/** `GET /api/v3/notifications/{id}` → a test on method and concrete path. */
export function endpointMatcher(
  endpoint: string,
): (r: { method: string; path: string }) => boolean {
  const [method = '', template = ''] = endpoint.split(' ', 2);
  const pattern = template
    .split(/(\{[^}]+\})/)
    .map((part) => (part.startsWith('{') ? '[^/]+' : part.replace(/[.*+?^$()|[\]\\]/g, '\\$&')))
    .join('');
  const path = new RegExp(`^${pattern}$`);
  return (r) => r.method === method.toUpperCase() && path.test(r.path);
}

/** The fragment the violation matched ('' when the exception names none), or undefined. */
function matchedFragment(exception: SpecException, v: Violation): string | undefined {
  const fits =
    exception.side === v.side &&
    exception.code === v.code &&
    exception.location === v.location &&
    (exception.status === undefined || exception.status === v.status) &&
    (exception.credentials === undefined || exception.credentials === v.credentials);
  if (!fits) return undefined;
  if (exception.messageIncludes === undefined) return '';
  return exception.messageIncludes.find((fragment) => v.message.includes(fragment));
}

export function audit(
  violations: readonly Violation[],
  exceptions: readonly SpecException[],
): AuditResult {
  const matchers = exceptions.map((exception) => ({
    exception,
    endpoints: exception.endpoints.map((endpoint) => ({
      endpoint,
      matches: endpointMatcher(endpoint),
    })),
  }));
  const unexplained: Violation[] = [];
  const explainedBy: Record<string, number> = Object.fromEntries(exceptions.map((e) => [e.id, 0]));
  const seen = new Set<string>();
  for (const v of violations) {
    let explained = false;
    for (const { exception, endpoints } of matchers) {
      const fragment = matchedFragment(exception, v);
      if (fragment === undefined) continue;
      const endpoint = endpoints.find((candidate) => candidate.matches(v));
      if (endpoint === undefined) continue;
      explained = true;
      explainedBy[exception.id] = (explainedBy[exception.id] ?? 0) + 1;
      seen.add(`${exception.id}\n${endpoint.endpoint}\n${fragment}`);
    }
    if (!explained) unexplained.push(v);
  }
  const stale = matchers.flatMap(({ exception, endpoints }) =>
    endpoints.flatMap(({ endpoint }) =>
      (exception.messageIncludes ?? [''])
        .filter((fragment) => !seen.has(`${exception.id}\n${endpoint}\n${fragment}`))
        .map((fragment) => ({
          id: exception.id,
          endpoint,
          ...(fragment === '' ? {} : { fragment }),
        })),
    ),
  );
  return { unexplained, stale, explainedBy };
}

/** Distinct lines for an assertion message: identical violations from repeated requests once. */
export function distinctDescriptions(violations: readonly Violation[]): string[] {
  return [...new Set(violations.map(describeViolation))].sort();
}
