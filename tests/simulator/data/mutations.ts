/**
 * Row-level changes shared by the seed and the live lifecycle: appending a journal to a work
 * package, and the date-alert rule that older alerts on the same work package get read.
 */
import type { Journal, Notification } from './model';
import type { State } from './state';

/** Appends a journal (activity) to a work package and bumps the work package. */
export function addJournal(
  state: State,
  input: { workPackageId: number; userId: number; notes: string; changes: string[]; at: number },
): Journal {
  const wp = state.workPackages.get(input.workPackageId);
  if (!wp) throw new Error(`no work package ${input.workPackageId}`);
  const journal: Journal = {
    id: state.nextJournalId++,
    workPackageId: wp.id,
    userId: input.userId,
    version: wp.lockVersion + 1,
    notes: input.notes,
    changes: input.changes,
    createdAt: input.at,
    updatedAt: input.at,
  };
  state.journals.set(journal.id, journal);
  wp.lockVersion = journal.version;
  wp.updatedAt = Math.max(wp.updatedAt, input.at);
  return journal;
}

/** A new date alert marks the recipient's older date alerts on the same work package read. */
export function markOlderDateAlertsRead(state: State, fresh: Notification): void {
  for (const n of state.notifications.values()) {
    if (
      n.id !== fresh.id &&
      n.reason === 'dateAlert' &&
      n.recipientId === fresh.recipientId &&
      n.resourceId === fresh.resourceId &&
      !n.readIAN
    ) {
      n.readIAN = true;
      n.updatedAt = Math.max(fresh.createdAt, n.updatedAt + 1);
    }
  }
}
