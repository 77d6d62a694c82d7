/**
 * The simulator's whole mutable state: what OpenProject's database would hold.
 */
import type {
  ApiToken,
  Journal,
  Notification,
  Priority,
  Project,
  Status,
  User,
  WorkPackage,
  WpType,
} from './model';

export interface State {
  users: Map<number, User>;
  projects: Map<number, Project>;
  statuses: Map<number, Status>;
  types: Map<number, WpType>;
  priorities: Map<number, Priority>;
  workPackages: Map<number, WorkPackage>;
  journals: Map<number, Journal>;
  notifications: Map<number, Notification>;
  /** By token value. */
  tokens: Map<string, ApiToken>;
  nextNotificationId: number;
  nextJournalId: number;
  demoUserId: number;
  otherUserId: number;
  adminUserId: number;
}

/** The id OpenProject's anonymous user has in a fresh installation (never a real account here). */
export const ANONYMOUS_USER_ID = 2;

/** The tokens every seed hands out, so a run's tokens are the same for the same seed. */
export interface SeededTokens {
  /** The demo user's legacy 40-hex API key (Basic `apikey:`). */
  apiKey: string;
  /** The demo user's `opapi-` token (Bearer or Basic). */
  bearer: string;
  /** Another user's (Zoë Müller's) legacy key. */
  other: string;
  /** The admin's key: root shows `coreVersion` to it. */
  admin: string;
  /** The demo user's token that may read `/users/me` but is refused on notifications (403). */
  limited: string;
  /** A locked user's key: 401 "The user account is locked". */
  locked: string;
}
