/**
 * What prism reports, as flat records. In proxy mode prism reports violations in three ways:
 * - the `sl-violations` response header (JSON array), for every forwarded exchange that broke
 *   the spec, request or response side, errors and warnings alike (a status code the operation
 *   does not list is a warning, so it passes through even with `--errors`);
 * - with `--errors`, a response that breaks the spec is replaced by a 500
 *   `application/problem+json` (type …#VIOLATIONS) whose `validation` repeats the list;
 * - a request it refuses to forward gets its own problem answer: 422 …#UNPROCESSABLE_ENTITY
 *   (with `validation`), 401 …#UNAUTHORIZED (security), 404 …#NO_PATH_MATCHED_ERROR,
 *   405 …#NO_METHOD_MATCHED_ERROR — no header then.
 */

export type Side = 'request' | 'response';

/** The scheme of the request's Authorization header. */
export type Credentials = 'Basic' | 'Bearer' | 'none' | 'other';

export function credentialsOf(authorization: string | undefined): Credentials {
  if (authorization === undefined || authorization.trim() === '') return 'none';
  const scheme = authorization.trim().split(/\s+/, 1)[0]?.toLowerCase();
  if (scheme === 'basic') return 'Basic';
  if (scheme === 'bearer') return 'Bearer';
  return 'other';
}

export interface Violation {
  /** The step of the test that made the request, e.g. `client.unreadCount`. */
  label: string;
  method: string;
  /** The request path without query, as sent to prism (`/api/v3/notifications/12`). */
  path: string;
  credentials: Credentials;
  /** What prism answered. */
  status: number;
  side: Side;
  severity: string;
  /** ajv keyword (`enum`, `required`, `type`…), a numeric code as text, or prism's problem type. */
  code: string;
  /** Dotted location with array indices as `*`: `response.body._embedded.elements.*.reason`. */
  location: string;
  /** Prism's message with array indices as `*`. */
  message: string;
}

export interface Exchange {
  label: string;
  method: string;
  path: string;
  query: string;
  credentials: Credentials;
  status: number;
}

interface PrismValidation {
  location?: unknown;
  severity?: unknown;
  code?: unknown;
  message?: unknown;
}

const PRISM_PROBLEM = 'https://stoplight.io/prism/errors#';

function normaliseIndices(text: string): string {
  return text.replace(/\.\d+(?=\.|\s|$|')/g, '.*');
}

function fromValidation(exchange: Exchange, item: PrismValidation): Violation {
  const location = Array.isArray(item.location)
    ? item.location.map((part) => (/^\d+$/.test(String(part)) ? '*' : String(part)))
    : [];
  const side: Side = location[0] === 'response' ? 'response' : 'request';
  return {
    label: exchange.label,
    method: exchange.method,
    path: exchange.path,
    credentials: exchange.credentials,
    status: exchange.status,
    side,
    severity: typeof item.severity === 'string' ? item.severity : 'Error',
    code:
      typeof item.code === 'string' || typeof item.code === 'number' ? String(item.code) : 'status',
    location: location.length > 0 ? location.join('.') : side,
    message: normaliseIndices(typeof item.message === 'string' ? item.message : ''),
  };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function asValidations(value: unknown): PrismValidation[] | undefined {
  return Array.isArray(value)
    ? value.filter((item): item is PrismValidation => typeof item === 'object' && item !== null)
    : undefined;
}

/**
 * The violations prism reported on one exchange, from its `sl-violations` header and, for
 * answers prism generated itself, its problem body.
 */
export function violationsOf(
  exchange: Exchange,
  header: string | undefined,
  contentType: string | undefined,
  body: string,
): Violation[] {
  const fromHeader = header === undefined ? undefined : asValidations(parseJson(header));
  if (fromHeader !== undefined && fromHeader.length > 0) {
    return fromHeader.map((item) => fromValidation(exchange, item));
  }
  if (!contentType?.startsWith('application/problem+json')) return [];
  const problem = parseJson(body);
  if (typeof problem !== 'object' || problem === null) return [];
  const { type, title, detail, validation } = problem as Record<string, unknown>;
  if (typeof type !== 'string' || !type.startsWith(PRISM_PROBLEM)) return [];
  const listed = asValidations(validation);
  if (listed !== undefined && listed.length > 0) {
    return listed.map((item) => fromValidation(exchange, item));
  }
  const code = type.slice(PRISM_PROBLEM.length);
  return [
    {
      label: exchange.label,
      method: exchange.method,
      path: exchange.path,
      credentials: exchange.credentials,
      status: exchange.status,
      // prism answers these without forwarding: the request did not fit the spec
      side: 'request',
      severity: 'Error',
      code,
      location: 'request',
      message: [title, detail].filter((part) => typeof part === 'string').join(': '),
    },
  ];
}

export function describeViolation(v: Violation): string {
  return `${v.method} ${v.path} (${v.credentials}) → ${v.status} [${v.label}] ${v.side} ${v.severity} ${v.code} at ${v.location}: ${v.message}`;
}
