import { describe, expect, it } from 'vitest';
import type { NotificationItem } from '../../../main/core/domain';
import {
  DEFAULT_TOAST_OPTIONS,
  decideToasts,
  snoozeForAnHour,
  snoozeUntilTomorrow,
} from '../../../main/core/notify/toast-policy';

const now = new Date(2026, 5, 1, 14, 30).getTime(); // local time

function item(reason: string): NotificationItem {
  return {
    id: 1,
    readIAN: false,
    reason,
    createdAt: '',
    updatedAt: '',
    workPackageId: 1,
    workPackageSubject: 's',
    projectId: null,
    projectName: null,
    actor: null,
    details: [],
  };
}

const awake = { paused: false, snoozedUntil: null };

describe('which notifications raise a toast', () => {
  it('all reasons by default, unknown ones too', () => {
    const items = [item('mentioned'), item('somethingNew')];
    expect(decideToasts(items, DEFAULT_TOAST_OPTIONS, awake, now)).toEqual({
      items,
      suppressedBy: null,
    });
  });

  it('only the chosen reasons', () => {
    const decision = decideToasts(
      [item('watched'), item('mentioned')],
      { muted: false, reasons: { watched: false } },
      awake,
      now,
    );
    expect(decision.items.map((i) => i.reason)).toEqual(['mentioned']);
    expect(decision.suppressedBy).toBe('reasons');
  });

  it('none when muted, snoozed or paused', () => {
    const items = [item('mentioned')];
    expect(decideToasts(items, { muted: true, reasons: {} }, awake, now).suppressedBy).toBe(
      'muted',
    );
    expect(
      decideToasts(items, DEFAULT_TOAST_OPTIONS, { paused: false, snoozedUntil: now + 1 }, now),
    ).toEqual({ items: [], suppressedBy: 'snoozed' });
    expect(
      decideToasts(items, DEFAULT_TOAST_OPTIONS, { paused: false, snoozedUntil: now }, now)
        .suppressedBy,
    ).toBeNull();
    expect(
      decideToasts(items, DEFAULT_TOAST_OPTIONS, { paused: true, snoozedUntil: null }, now)
        .suppressedBy,
    ).toBe('paused');
  });
});

describe('snooze', () => {
  it('for an hour', () => {
    expect(snoozeForAnHour(now) - now).toBe(60 * 60_000);
  });

  it('until tomorrow: the next local morning at 08:00', () => {
    expect(new Date(snoozeUntilTomorrow(now)).toString()).toBe(
      new Date(2026, 5, 2, 8, 0).toString(),
    );
    expect(snoozeUntilTomorrow(new Date(2026, 5, 1, 2, 0).getTime())).toBe(
      new Date(2026, 5, 1, 8, 0).getTime(),
    );
    expect(snoozeUntilTomorrow(new Date(2026, 5, 1, 8, 0).getTime(), 9)).toBe(
      new Date(2026, 5, 1, 9, 0).getTime(),
    );
    expect(snoozeUntilTomorrow(new Date(2026, 11, 31, 23, 0).getTime())).toBe(
      new Date(2027, 0, 1, 8, 0).getTime(),
    );
  });
});
