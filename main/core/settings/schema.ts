/**
 * The settings file, version 1: accounts (instances or users side by side) and global options.
 * Plain JSON, validated with zod on every load and before every write. Secrets (API tokens,
 * OAuth tokens, client secrets) never live here: they are in the SecretStore, keyed by account id.
 */
import { z } from 'zod';

/**
 * The default quick-search shortcut: Ctrl+Alt+O (Windows, Linux), Cmd+Option+O (macOS); "O" for
 * OpenProject. No system binding on Windows, GNOME, KDE, Xfce or macOS, and clear of the Space
 * combinations the systems keep for input sources, Spotlight and the Finder search window.
 */
export const DEFAULT_HOTKEY = 'CommandOrControl+Alt+O';

export const SETTINGS_SCHEMA_VERSION = 1;

/** OpenProject's redirect URI default: a fixed loopback port the admin registers. */
export const DEFAULT_OAUTH_PORT = 47651;
export const DEFAULT_CALLBACK_PATH = '/oauth-callback';

export const POLL_INTERVAL_LIMITS = { minSeconds: 15, maxSeconds: 30 * 60, defaultSeconds: 60 };

/** Reasons that raise a desktop notification unless the user changes them. */
export const DEFAULT_TOAST_REASONS = [
  'mentioned',
  'assigned',
  'responsible',
  'commented',
  'dateAlert',
  'reminder',
  'shared',
];

export const PROVIDER_TYPES = [
  'openproject',
  'keycloak',
  'entra',
  'google',
  'generic-oidc',
] as const;
export type ProviderType = (typeof PROVIDER_TYPES)[number];

export const AUTH_METHODS = ['apiToken', 'oauth'] as const;

/**
 * The user's answer when the secret store protects only weakly (Electron's `basic_text` on Linux
 * without a keyring): not asked yet, store sign-ins anyway, or not (set up a keyring first).
 */
export const WEAK_SECRET_STORAGE_DECISIONS = ['undecided', 'accepted', 'declined'] as const;
export type WeakSecretStorageDecision = (typeof WEAK_SECRET_STORAGE_DECISIONS)[number];
export const ACCOUNT_STATES = ['ok', 'needs-sign-in', 'signed-out'] as const;
export type AccountState = (typeof ACCOUNT_STATES)[number];

const httpUrl = z.url({ protocol: /^https?$/ });

export const RedirectSchema = z.discriminatedUnion('mode', [
  z.object({
    mode: z.literal('loopback'),
    /** 0 = an ephemeral port, only for identity providers that honour RFC 8252. */
    port: z.number().int().min(0).max(65535).default(DEFAULT_OAUTH_PORT),
    path: z
      .string()
      .regex(/^\/[A-Za-z0-9._~\-/]*$/)
      .default(DEFAULT_CALLBACK_PATH),
  }),
  /** The user copies the code from the server's page (urn:ietf:wg:oauth:2.0:oob). */
  z.object({ mode: z.literal('oob') }),
]);
export type RedirectSettings = z.infer<typeof RedirectSchema>;

export const OAuthConnectionSchema = z
  .object({
    /** What the user calls this connection, e.g. "Company Keycloak". */
    name: z.string().trim().min(1).max(100),
    provider: z.enum(PROVIDER_TYPES),
    clientId: z.string().trim().min(1).max(500),
    /** A confidential client: its secret is in the SecretStore, never here. */
    confidential: z.boolean().default(false),
    /** Keycloak realm URL or a generic OIDC issuer. */
    issuer: httpUrl.optional(),
    /** Entra ID tenant (id or domain, or `organizations`). */
    tenant: z
      .string()
      .regex(/^[A-Za-z0-9.-]{1,100}$/)
      .optional(),
    /** Overrides the provider's default scope (e.g. `api://<app>/api_v3 offline_access` on Entra). */
    scope: z.string().trim().min(1).max(500).optional(),
    redirect: RedirectSchema.default({
      mode: 'loopback',
      port: DEFAULT_OAUTH_PORT,
      path: DEFAULT_CALLBACK_PATH,
    }),
  })
  .superRefine((connection, ctx) => {
    const needsIssuer =
      connection.provider === 'keycloak' || connection.provider === 'generic-oidc';
    if (needsIssuer && !connection.issuer) {
      ctx.addIssue({
        code: 'custom',
        path: ['issuer'],
        message: 'Enter the issuer URL of the identity provider (for Keycloak: the realm URL).',
      });
    }
    if (connection.provider === 'entra' && !connection.tenant) {
      ctx.addIssue({
        code: 'custom',
        path: ['tenant'],
        message: 'Enter the Entra ID tenant (its id or domain).',
      });
    }
    const redirect = connection.redirect;
    if (
      connection.provider === 'openproject' &&
      redirect.mode === 'loopback' &&
      redirect.port === 0
    ) {
      ctx.addIssue({
        code: 'custom',
        path: ['redirect', 'port'],
        message:
          'OpenProject needs a fixed port registered in its redirect URI: choose a port such as 47651.',
      });
    }
  });
export type OAuthConnection = z.infer<typeof OAuthConnectionSchema>;

export const AccountAuthSchema = z.discriminatedUnion('method', [
  z.object({ method: z.literal('apiToken') }),
  z.object({ method: z.literal('oauth'), connection: OAuthConnectionSchema }),
]);
export type AccountAuth = z.infer<typeof AccountAuthSchema>;

/** Seconds between polls, within the limits; one definition for the accounts' and the global options. */
const PollIntervalSchema = z
  .number()
  .int()
  .min(POLL_INTERVAL_LIMITS.minSeconds)
  .max(POLL_INTERVAL_LIMITS.maxSeconds)
  .default(POLL_INTERVAL_LIMITS.defaultSeconds);

/** Notification reasons that raise a desktop notification (toast). */
const ToastReasonsSchema = z
  .array(z.string().min(1).max(50))
  .max(50)
  .default(DEFAULT_TOAST_REASONS);

export const AccountOptionsSchema = z.object({
  pollIntervalSeconds: PollIntervalSchema,
  toastReasons: ToastReasonsSchema,
  /** Counted and listed, but never a toast. */
  muted: z.boolean().default(false),
});
export type AccountOptions = z.infer<typeof AccountOptionsSchema>;

export const AccountSchema = z.object({
  id: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/),
  name: z.string().trim().min(1).max(100),
  baseUrl: httpUrl,
  auth: AccountAuthSchema,
  state: z.enum(ACCOUNT_STATES).default('ok'),
  options: AccountOptionsSchema.default(() => AccountOptionsSchema.parse({})),
});
export type Account = z.infer<typeof AccountSchema>;

export const GlobalOptionsSchema = z.object({
  /** No toasts until then (ISO 8601); null = not snoozed. */
  snoozeUntil: z.iso.datetime({ offset: true }).nullable().default(null),
  /** Polling paused by the user. */
  paused: z.boolean().default(false),
  /** Electron accelerator of the quick-search hotkey; null = none. */
  hotkey: z.string().min(1).max(100).nullable().default(DEFAULT_HOTKEY),
  startAtLogin: z.boolean().default(false),
  /**
   * Whether new sign-ins may be stored with weak protection (no keyring). Added within version 1:
   * a file without it reads as `undecided`, so no migration step is needed.
   */
  weakSecretStorage: z.enum(WEAK_SECRET_STORAGE_DECISIONS).default('undecided'),
  /**
   * The poll interval and toast reasons the user chose for all accounts (each account's options
   * carry a copy, which the sync engine reads); new accounts start with them. Added within
   * version 1 with defaults, so no migration step is needed.
   */
  pollIntervalSeconds: PollIntervalSchema,
  toastReasons: ToastReasonsSchema,
});
export type GlobalOptions = z.infer<typeof GlobalOptionsSchema>;

export const SettingsSchema = z
  .object({
    schemaVersion: z.literal(SETTINGS_SCHEMA_VERSION),
    accounts: z.array(AccountSchema).default([]),
    global: GlobalOptionsSchema.default(() => GlobalOptionsSchema.parse({})),
  })
  .superRefine((settings, ctx) => {
    const seen = new Set<string>();
    settings.accounts.forEach((account, index) => {
      if (seen.has(account.id)) {
        ctx.addIssue({ code: 'custom', path: ['accounts', index, 'id'], message: 'Duplicate id.' });
      }
      seen.add(account.id);
    });
  });
export type Settings = z.infer<typeof SettingsSchema>;

export function defaultSettings(): Settings {
  return SettingsSchema.parse({ schemaVersion: SETTINGS_SCHEMA_VERSION });
}
