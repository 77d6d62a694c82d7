/**
 * The simulator's entities: the rows OpenProject keeps in its database, reduced to what the
 * API v3 endpoints we simulate need. Times are epoch milliseconds; representers format them.
 */

/** Notification reasons as the API emits them (both internal date-alert reasons become `dateAlert`). */
export const API_REASONS = [
  'mentioned',
  'assigned',
  'watched',
  'subscribed',
  'commented',
  'created',
  'processed',
  'prioritized',
  'scheduled',
  'responsible',
  'dateAlert',
  'shared',
  'reminder',
] as const;
export type ApiReason = (typeof API_REASONS)[number];

/** The model enum order (`Notification::REASONS`); the API sorts `reason` by it. */
export const REASON_ORDER: Readonly<Record<ApiReason, number>> = {
  mentioned: 0,
  assigned: 1,
  watched: 2,
  subscribed: 3,
  commented: 4,
  created: 5,
  processed: 6,
  prioritized: 7,
  scheduled: 8,
  responsible: 9,
  dateAlert: 10,
  shared: 12,
  reminder: 13,
};

export type DetailProperty = 'startDate' | 'dueDate' | 'date' | 'note';

export interface User {
  id: number;
  login: string;
  firstName: string;
  lastName: string;
  email: string;
  admin: boolean;
  status: 'active' | 'locked';
  language: string;
  createdAt: number;
  updatedAt: number;
}

export interface Project {
  id: number;
  identifier: string;
  name: string;
  description: string;
  /** Prefix of semantic work package ids (e.g. `WEB` for `WEB-12`). */
  idPrefix: string;
  createdAt: number;
  updatedAt: number;
}

export interface Status {
  id: number;
  name: string;
  isClosed: boolean;
  isDefault: boolean;
  color: string;
  position: number;
  defaultDoneRatio: number;
}

export interface WpType {
  id: number;
  name: string;
  color: string;
  position: number;
  isDefault: boolean;
  isMilestone: boolean;
  createdAt: number;
  updatedAt: number;
}

export interface Priority {
  id: number;
  name: string;
  color: string;
  position: number;
  isDefault: boolean;
}

export interface WorkPackage {
  id: number;
  /** Sequence number inside the project, for semantic ids. */
  projectSeq: number;
  subject: string;
  description: string;
  projectId: number;
  typeId: number;
  statusId: number;
  priorityId: number;
  authorId: number;
  assigneeId: number | null;
  responsibleId: number | null;
  /** YYYY-MM-DD; milestones use startDate as their `date`. */
  startDate: string | null;
  dueDate: string | null;
  percentageDone: number;
  lockVersion: number;
  createdAt: number;
  updatedAt: number;
}

/** A journal entry: what the API calls an activity. */
export interface Journal {
  id: number;
  workPackageId: number;
  userId: number;
  version: number;
  notes: string;
  /** Human-readable change lines ("Status changed from New to In progress"). */
  changes: string[];
  createdAt: number;
  updatedAt: number;
}

export interface NotificationDetail {
  property: DetailProperty;
  value: string | null;
}

export interface Notification {
  id: number;
  recipientId: number;
  reason: ApiReason;
  readIAN: boolean;
  /** The work package (OpenProject's `resource`; always a WorkPackage today). */
  resourceId: number;
  projectId: number;
  actorId: number | null;
  journalId: number | null;
  details: NotificationDetail[];
  createdAt: number;
  updatedAt: number;
}

export interface ApiToken {
  value: string;
  userId: number;
  /** `legacy`: 40 hex chars, Basic only. `opapi`: `opapi-` + 64 hex, Basic or Bearer. */
  kind: 'legacy' | 'opapi';
  /** Areas this token is refused on with 403 MissingPermission (e.g. `notifications`). */
  deny: readonly Area[];
}

/** Parts of the API a token can be refused on. */
export type Area = 'notifications' | 'workPackages';
