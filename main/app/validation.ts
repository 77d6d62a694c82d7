/**
 * The renderer is untrusted: every request is checked with zod before a handler sees it. A request
 * that does not match is answered `invalid-input` naming the field, never a throw.
 */
import { z } from 'zod';
import {
  POLL_INTERVAL_LIMITS,
  type CommandName,
  type CommandRequest,
  type Result,
} from '../../preload/contract';
import { fail, ok } from '../../preload/contract';

const noRequest = z
  .null()
  .optional()
  .transform((): void => undefined);

const accountId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'is not an account id');
const url = z.string().trim().min(1, 'is empty').max(2048, 'is too long');
/** PEM text of one or more CA certificates. */
const ca = z
  .string()
  .max(512 * 1024, 'is too large for a CA file')
  .refine((text) => text.includes('-----BEGIN CERTIFICATE-----'), 'is not a PEM certificate');
const positiveId = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);
const opaqueId = z.string().min(1).max(200);

const pause = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('active') }),
  z.strictObject({ kind: z.literal('snoozed'), until: z.iso.datetime({ offset: true }) }),
  z.strictObject({ kind: z.literal('paused') }),
]);

export const requestSchemas = {
  appInfo: noRequest,
  probe: z.strictObject({ url, ca: ca.optional() }),
  connectWithToken: z.strictObject({
    url,
    token: z.string().max(1000, 'is too long for an API token'),
    ca: ca.optional(),
    accountId: accountId.optional(),
  }),
  startOAuth: z.strictObject({
    url,
    clientId: z.string().trim().min(1, 'is empty').max(500),
    clientSecret: z.string().max(1000).optional(),
    mode: z.enum(['loopback', 'out-of-band']),
    ca: ca.optional(),
    accountId: accountId.optional(),
  }),
  cancelOAuth: z.strictObject({ flowId: opaqueId }),
  submitOAuthCode: z.strictObject({
    flowId: opaqueId,
    code: z.string().trim().min(1, 'is empty').max(4096),
  }),
  listAccounts: noRequest,
  updateAccount: z.strictObject({
    accountId,
    options: z.strictObject({
      label: z.string().max(100, 'is longer than 100 characters').nullable().optional(),
      notify: z.boolean().optional(),
    }),
  }),
  reconnect: z.strictObject({ accountId }),
  disconnect: z.strictObject({ accountId }),
  removeAccount: z.strictObject({ accountId }),
  resetEverything: noRequest,
  getNotifications: noRequest,
  markRead: z.discriminatedUnion('kind', [
    z.strictObject({
      kind: z.literal('notifications'),
      accountId,
      notificationIds: z.array(positiveId).min(1, 'is empty').max(10_000),
    }),
    z.strictObject({ kind: z.literal('workPackage'), accountId, workPackageId: positiveId }),
    z.strictObject({ kind: z.literal('all'), accountId }),
  ]),
  refreshNow: z.strictObject({ accountId: accountId.optional() }),
  search: z.strictObject({ requestId: opaqueId, text: z.string().max(500, 'is too long') }),
  cancelSearch: z.strictObject({ requestId: opaqueId }),
  recentWorkPackages: noRequest,
  openInBrowser: z.discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('workPackage'), accountId, workPackageId: positiveId }),
    z.strictObject({ kind: z.literal('notificationCenter'), accountId }),
    z.strictObject({ kind: z.literal('accessTokens'), baseUrl: url }),
    z.strictObject({ kind: z.literal('oauthApplications'), baseUrl: url }),
  ]),
  getSettings: noRequest,
  updateSettings: z.strictObject({
    pollIntervalSeconds: z
      .number()
      .int('must be a whole number of seconds')
      .min(POLL_INTERVAL_LIMITS.minSeconds, `must be at least ${POLL_INTERVAL_LIMITS.minSeconds} s`)
      .max(POLL_INTERVAL_LIMITS.maxSeconds, `must be at most ${POLL_INTERVAL_LIMITS.maxSeconds} s`)
      .optional(),
    notifyReasons: z.array(z.string().min(1).max(50)).max(50).optional(),
    hotkey: z.string().trim().min(1).max(100).nullable().optional(),
    startAtLogin: z.boolean().optional(),
    pause: pause.optional(),
  }),
  openView: z.strictObject({
    view: z.enum(['widget', 'settings', 'search', 'wizard']),
    accountId: accountId.optional(),
  }),
  windowAction: z.strictObject({ action: z.enum(['close', 'hide']) }),
  getSecretStorage: noRequest,
  decideWeakSecretStorage: z.strictObject({ decision: z.enum(['accepted', 'declined']) }),
} satisfies { [K in CommandName]: z.ZodType<CommandRequest<K>, unknown> };

function describe(issue: z.core.$ZodIssue): string {
  const field = issue.path.map(String).join('.');
  return field ? `${field}: ${issue.message}` : issue.message;
}

/** The parsed request, or `invalid-input` naming what is wrong with it. */
export function parseRequest<K extends CommandName>(
  name: K,
  request: unknown,
): Result<CommandRequest<K>> {
  const schema = requestSchemas[name] as z.ZodType<CommandRequest<K>, unknown>;
  const parsed = schema.safeParse(request);
  if (parsed.success) return ok(parsed.data);
  const first = parsed.error.issues[0];
  const what = first ? describe(first) : 'is malformed';
  return fail('invalid-input', `The request to ${name} was not accepted: ${what}.`);
}
