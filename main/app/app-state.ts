/**
 * What the app remembers beyond the core's settings file, in `app-state.json` next to it: each
 * account's instance name, label, signed-in user and extra CA; the recently opened work packages.
 * No secrets. (The poll interval and notification reasons live in the settings file.) Validated with zod on load; a damaged file is kept aside and replaced.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { z } from 'zod';
import { writeFileAtomicSync } from '../core/settings/atomic-file';
import { fileTimestamp } from '../core/settings/settings-file';

export const APP_STATE_FILE = 'app-state.json';
export const MAX_RECENT = 20;

const PersonSchema = z.object({ id: z.number().int(), name: z.string() });

const AccountMetaSchema = z.object({
  instanceName: z.string().min(1).max(200),
  label: z.string().min(1).max(100).nullable().default(null),
  user: PersonSchema.nullable().default(null),
  ca: z.string().nullable().default(null),
});
export type AccountMeta = z.infer<typeof AccountMetaSchema>;

const WorkPackageSummarySchema = z.object({
  id: z.number().int().positive(),
  displayId: z.string(),
  subject: z.string(),
  type: z.string().nullable(),
  status: z.string().nullable(),
  project: z.string().nullable(),
  assignee: z.string().nullable(),
  updatedAt: z.string().nullable(),
  url: z.string(),
});

const RecentSchema = z.object({
  accountId: z.string(),
  workPackage: WorkPackageSummarySchema,
  openedAt: z.string(),
});
export type RecentEntry = z.infer<typeof RecentSchema>;

const AppStateSchema = z.object({
  version: z.literal(1),
  /** Kept here by earlier builds; moved into the settings file once, at start (`AppContext`). */
  pollIntervalSeconds: z.number().int().optional(),
  notifyReasons: z.array(z.string()).optional(),
  accounts: z.record(z.string(), AccountMetaSchema).default({}),
  recent: z.array(RecentSchema).max(MAX_RECENT).default([]),
});
export type AppState = z.infer<typeof AppStateSchema>;

export function defaultAppState(): AppState {
  return AppStateSchema.parse({ version: 1 });
}

export class AppStateFile {
  readonly file: string;
  #state: AppState;

  constructor(folder: string, now: () => Date = () => new Date()) {
    this.file = path.join(folder, APP_STATE_FILE);
    this.#state = load(this.file, now);
  }

  get(): AppState {
    return structuredClone(this.#state);
  }

  update(change: (state: AppState) => AppState): AppState {
    const next = AppStateSchema.parse(change(structuredClone(this.#state)));
    writeFileAtomicSync(this.file, `${JSON.stringify(next, null, 2)}\n`, { mode: 0o600 });
    this.#state = next;
    return structuredClone(next);
  }

  meta(accountId: string): AccountMeta | null {
    const meta = this.#state.accounts[accountId];
    return meta ? structuredClone(meta) : null;
  }

  setMeta(accountId: string, meta: AccountMeta): void {
    this.update((state) => ({ ...state, accounts: { ...state.accounts, [accountId]: meta } }));
  }

  forgetAccount(accountId: string): void {
    this.update((state) => {
      const accounts = { ...state.accounts };
      delete accounts[accountId];
      return {
        ...state,
        accounts,
        recent: state.recent.filter((entry) => entry.accountId !== accountId),
      };
    });
  }

  /** Back to the first run: the file is deleted. */
  reset(): void {
    fs.rmSync(this.file, { force: true });
    this.#state = defaultAppState();
  }
}

function load(file: string, now: () => Date): AppState {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return defaultAppState();
    throw error;
  }
  try {
    return AppStateSchema.parse(JSON.parse(text));
  } catch {
    // Damaged: keep it for inspection, start afresh (labels and recents only; nothing secret).
    fs.renameSync(file, `${file}.corrupt-${fileTimestamp(now())}`);
    return defaultAppState();
  }
}
