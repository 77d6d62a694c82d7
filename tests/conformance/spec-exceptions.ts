/**
 * Where the official spec (OpenProject 17.6.0-dev, docs/api/apiv3) is provably wrong about the
 * server, so that prism reports a violation on a faithful answer or a request the server takes.
 * Each entry says why, citing /work/shared/reference/openproject-server.md (§) or the "Known
 * spec-vs-server differences" of /work/shared/openproject-api/SOURCE.txt, or the spec's own text.
 *
 * A violation that is the simulator's or the client's fault is never listed here: fix it there.
 * An entry that no longer occurs fails the conformance test, so this list stays honest.
 */
import type { SpecException } from './audit';

const NOTIFICATION_LINKS =
  'The server leaves out `actor` and `activity` when there is none (skip_render when null): a date ' +
  'alert has no actor and no journal, `shared` and `reminder` notifications have no journal. The ' +
  'spec marks both links required although its own descriptions say they "might be null".';

const REASON_ENUM =
  'The server emits 13 reasons; the spec enum lacks `shared` (a work package shared with you) and ' +
  '`reminder` (a user-set reminder, 15.2+), both real values of Notification::REASONS.';

export const SPEC_EXCEPTIONS: readonly SpecException[] = [
  {
    id: 'bearer-auth',
    endpoints: ['GET /api/v3/users/me'],
    side: 'request',
    credentials: 'Bearer',
    code: 'UNAUTHORIZED',
    location: 'request',
    reason:
      'The spec declares BasicAuth as the only security scheme, yet its own introduction documents ' +
      '"API token as bearer token" and OAuth 2.0 bearer tokens; the server takes `Bearer opapi-…` ' +
      'API tokens since 17.2 and OAuth/JWT access tokens as Bearer. Prism refuses such a request.',
    source:
      'SOURCE.txt (global security is BasicAuth only; the server also accepts Bearer); ' +
      'openproject-server.md §4.1, §4.2, §4.3; openapi-spec.yml info.description "Authentication"',
  },
  {
    id: 'anonymous-root',
    endpoints: ['GET /api/v3'],
    side: 'request',
    credentials: 'none',
    code: 'UNAUTHORIZED',
    location: 'request',
    reason:
      'The server answers the API root without credentials (the "is this OpenProject?" probe made ' +
      'before sign-in); the spec requires BasicAuth on every operation, so prism refuses it.',
    source:
      'SOURCE.txt (answers GET /api/v3 (root) without credentials); openproject-server.md §3.2; ' +
      'openapi-spec.yml info.description ("many resources can be accessed without being authenticated")',
  },
  {
    id: 'unauthenticated-401',
    endpoints: ['GET /api/v3/users/me', 'GET /api/v3/notifications'],
    side: 'response',
    status: 401,
    code: 'status',
    location: 'response',
    messageIncludes: ['Unable to match the returned status code'],
    reason:
      'Wrong or missing credentials get 401 Unauthenticated on every endpoint; the spec says so in ' +
      'its introduction ("the client will receive an HTTP 401") but no operation lists 401.',
    source: 'openproject-server.md §1 (errors table), §4.4; openapi-spec.yml info.description',
  },
  {
    id: 'invalid-query-400',
    endpoints: ['GET /api/v3/notifications'],
    side: 'response',
    status: 400,
    code: 'status',
    location: 'response',
    messageIncludes: ['Unable to match the returned status code'],
    reason:
      'An invalid filter on the notification list answers 400 InvalidQuery for a single error ' +
      '(422 MultipleErrors only for several); the spec lists only 422.',
    source: 'SOURCE.txt (400 InvalidQuery vs 422); openproject-server.md §1, §2.9 item 2',
  },
  {
    id: 'reason-enum',
    endpoints: ['GET /api/v3/notifications'],
    side: 'response',
    code: 'enum',
    location: 'response.body._embedded.elements.*.reason',
    reason: REASON_ENUM,
    source:
      'SOURCE.txt (reason enum lacks "shared" and "reminder"); openproject-server.md §2.4, §2.9 item 1',
  },
  {
    id: 'reason-enum-single',
    endpoints: ['GET /api/v3/notifications/{id}'],
    side: 'response',
    code: 'enum',
    location: 'response.body.reason',
    reason: REASON_ENUM,
    source:
      'SOURCE.txt (reason enum lacks "shared" and "reminder"); openproject-server.md §2.4, §2.9 item 1',
  },
  {
    id: 'details-schemas-only-with-details',
    endpoints: ['GET /api/v3/notifications'],
    side: 'response',
    code: 'required',
    location: 'response.body._embedded',
    messageIncludes: ["'detailsSchemas'"],
    reason:
      'The collection embeds `detailsSchemas` only when some element on the page has details ' +
      '(notification_collection_representer.rb); a page without date alerts or reminders, and the ' +
      'count-only `pageSize=0` poll of the web bell, has none. The spec makes it required.',
    source: 'openproject-server.md §2.3 (last bullets), §2.7 (bell request)',
  },
  {
    id: 'collection-elements-not-embedded',
    endpoints: ['GET /api/v3/notifications'],
    side: 'response',
    code: 'required',
    location: 'response.body._embedded.elements.*._embedded',
    messageIncludes: ["'project'", "'resource'"],
    reason:
      'Collection elements are rendered with embed_links: false: they carry `_embedded.details` ' +
      'only, never the embedded project and resource the spec requires (only the single GET embeds).',
    source: 'openproject-server.md §2.3 ("Collection elements are NOT embedded"), §2.9 item 3',
  },
  {
    id: 'notification-links-optional',
    endpoints: ['GET /api/v3/notifications'],
    side: 'response',
    code: 'required',
    location: 'response.body._embedded.elements.*._links',
    messageIncludes: ["'actor'", "'activity'"],
    reason: NOTIFICATION_LINKS,
    source:
      'openproject-server.md §2.3, §2.5 (date alerts have no actor and no activity), §2.9 item 4',
  },
  {
    id: 'notification-links-optional-single',
    endpoints: ['GET /api/v3/notifications/{id}'],
    side: 'response',
    code: 'required',
    location: 'response.body._links',
    messageIncludes: ["'actor'", "'activity'"],
    reason: NOTIFICATION_LINKS,
    source:
      'openproject-server.md §2.3, §2.5 (date alerts have no actor and no activity), §2.9 item 4',
  },
  {
    id: 'activity-type',
    endpoints: ['GET /api/v3/notifications/{id}'],
    side: 'response',
    code: 'enum',
    location: 'response.body._embedded.activity._type',
    reason:
      'A journal without a comment (a status change) is rendered as `_type: "Activity"`, one with ' +
      'a comment as "Activity::Comment" (ActivityRepresenter#_type); the spec enum has only the ' +
      "latter, while the spec's own activity examples (work_package_activities) use `Activity`.",
    source:
      'opf/openproject lib/api/v3/activities/activity_representer.rb (#_type); spec ' +
      'components/schemas/work_package_activities_model.yml and paths/work_package_activities.yml examples',
  },
  {
    id: 'select-signaling',
    endpoints: ['GET /api/v3/work_packages'],
    side: 'response',
    code: 'required',
    location: 'response.body',
    messageIncludes: ["'_type'", "'_links'"],
    reason:
      'With `select=` (documented on this very operation) the server returns only the selected ' +
      'properties, e.g. `{"total":…,"count":…,"_embedded":{"elements":[…]}}`; the 200 schema still ' +
      'requires the full collection.',
    source:
      'spec tags/signaling.yml (select returns the subset) and paths/work_packages.yml `select`; ' +
      'openproject-server.md §1 (select), §3.1 (work_package_sql_representer)',
  },
  {
    id: 'select-signaling-elements',
    endpoints: ['GET /api/v3/work_packages'],
    side: 'response',
    code: 'required',
    location: 'response.body._embedded.elements.*._links',
    messageIncludes: ["'schema'", "'ancestors'", "'author'", "'priority'"],
    reason:
      'With `select=` each element carries only the selected links (self, project, status, type, ' +
      'assignee for the quick search); the spec requires the full WorkPackage links on every element.',
    source:
      'spec tags/signaling.yml ("Link properties are considered to be a single value"); ' +
      'openproject-server.md §3.1 (selectable properties)',
  },
  {
    id: 'semantic-work-package-id',
    endpoints: ['GET /api/v3/work_packages/{id}'],
    side: 'request',
    code: 'type',
    location: 'path.id',
    reason:
      'In 17.x the route param is declared `type: String` and accepts a semantic identifier such as ' +
      '`PROJ-42` (displayId) as well as the numeric id; the spec still says integer.',
    source: 'openproject-server.md §3.1 ("displayId / semantic ids")',
  },
];
