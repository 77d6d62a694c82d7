/**
 * What a change to a work package looks like in its journal (activity), per notification reason,
 * and what a notification's details are. Shared by the seed and the live lifecycle.
 */
import type { ApiReason, DetailProperty, NotificationDetail, User, WorkPackage } from './model';
import type { State } from './state';
import { COMMENTS, displayName, REMINDER_NOTES } from './vocabulary';

export interface JournalContent {
  notes: string;
  changes: string[];
}

/** Reasons that are not caused by a journal (no activity link). */
export const REASONS_WITHOUT_JOURNAL: ReadonlySet<ApiReason> = new Set([
  'dateAlert',
  'reminder',
  'shared',
]);

export function userName(user: Pick<User, 'firstName' | 'lastName'> | undefined): string {
  return user ? displayName(user) : 'Deleted user';
}

export function journalContent(
  state: State,
  wp: WorkPackage,
  reason: ApiReason,
  recipientId: number,
  comment?: string,
): JournalContent {
  const k = (wp.id * 7 + wp.lockVersion) % COMMENTS.length;
  const text = comment ?? COMMENTS[k] ?? '';
  const recipient = userName(state.users.get(recipientId));
  const status = state.statuses.get(wp.statusId)?.name ?? 'New';
  const priority = state.priorities.get(wp.priorityId)?.name ?? 'Normal';
  switch (reason) {
    case 'mentioned':
      return { notes: `@${recipient} ${text}`, changes: [] };
    case 'commented':
      return { notes: text, changes: [] };
    case 'assigned':
      return { notes: comment ?? '', changes: [`Assignee set to ${recipient}`] };
    case 'responsible':
      return { notes: comment ?? '', changes: [`Accountable set to ${recipient}`] };
    case 'processed':
      return { notes: comment ?? '', changes: [`Status changed from New to ${status}`] };
    case 'prioritized':
      return { notes: comment ?? '', changes: [`Priority changed from Normal to ${priority}`] };
    case 'scheduled':
      return {
        notes: comment ?? '',
        changes: [`Finish date set to ${wp.dueDate ?? wp.startDate ?? 'a new date'}`],
      };
    case 'created':
      return { notes: comment ?? '', changes: ['Work package created'] };
    default:
      return k % 2 === 0 || comment !== undefined
        ? { notes: text, changes: [] }
        : { notes: '', changes: [`Status changed from New to ${status}`] };
  }
}

/** The date a date alert is about: milestones have `date`, others `dueDate` (or `startDate`). */
export function dateAlertDetail(
  state: State,
  wp: WorkPackage,
  preferred?: Exclude<DetailProperty, 'note'>,
): NotificationDetail {
  if (state.types.get(wp.typeId)?.isMilestone) return { property: 'date', value: wp.startDate };
  const property =
    preferred === 'startDate' ? 'startDate' : preferred === 'date' ? 'date' : 'dueDate';
  const value = property === 'startDate' ? wp.startDate : (wp.dueDate ?? wp.startDate);
  return { property, value };
}

export function reminderDetail(wp: WorkPackage, note?: string): NotificationDetail {
  return {
    property: 'note',
    value: note ?? REMINDER_NOTES[wp.id % REMINDER_NOTES.length] ?? null,
  };
}
