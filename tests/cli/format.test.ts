import { describe, expect, it } from 'vitest';
import { KNOWN_REASONS } from '../../main/core/domain';
import { relativeTime, table, truncate } from '../../main/cli/format';
import { dateAlertDetail, reasonLabel, reasonPhrase } from '../../main/core/notify/reason-labels';
import { displayWidth } from '../../main/cli/text-width';

const NOW = new Date('2026-05-20T12:00:00Z');
const ago = (ms: number) => new Date(NOW.getTime() - ms).toISOString();

describe('human output helpers', () => {
  it('names reasons in OpenProject’s words, and unknown ones readably', () => {
    expect(reasonLabel('mentioned')).toBe('Mentioned');
    expect(reasonLabel('assigned')).toBe('Assigned');
    expect(reasonLabel('responsible')).toBe('Accountable');
    expect(reasonLabel('watched')).toBe('Watched');
    expect(reasonLabel('subscribed')).toBe('Subscribed');
    expect(reasonLabel('commented')).toBe('Commented');
    expect(reasonLabel('created')).toBe('Created');
    expect(reasonLabel('processed')).toBe('Status changed');
    expect(reasonLabel('prioritized')).toBe('Priority changed');
    expect(reasonLabel('scheduled')).toBe('Dates changed');
    expect(reasonLabel('dateAlert')).toBe('Date alert');
    expect(reasonLabel('shared')).toBe('Shared');
    expect(reasonLabel('reminder')).toBe('Reminder');
    expect(reasonLabel('budgetExceeded')).toBe('Budget exceeded');
    for (const reason of KNOWN_REASONS) {
      expect(reasonLabel(reason)).toMatch(/^[A-Z][a-z]+( [a-z]+)*$/);
    }
  });

  it('says how long ago something happened', () => {
    expect(relativeTime(ago(10_000), NOW)).toBe('just now');
    expect(relativeTime(ago(5 * 60_000), NOW)).toBe('5 min ago');
    expect(relativeTime(ago(3 * 3_600_000), NOW)).toBe('3 h ago');
    expect(relativeTime(ago(24 * 3_600_000), NOW)).toBe('1 day ago');
    expect(relativeTime(ago(9 * 24 * 3_600_000), NOW)).toBe('9 days ago');
    expect(relativeTime(ago(90 * 24 * 3_600_000), NOW)).toBe('3 months ago');
    expect(relativeTime(ago(800 * 24 * 3_600_000), NOW)).toBe('2 years ago');
    expect(relativeTime(ago(-10 * 60_000), NOW)).toBe('in 10 min');
    expect(relativeTime('not a date', NOW)).toBe('not a date');
  });

  it('uses the same words inside a sentence, as the toasts and `watch` do', () => {
    expect(reasonPhrase('processed', null)).toBe('status changed');
    expect(reasonPhrase('mentioned', { property: 'note', value: 'ignored' })).toBe('mentioned');
    expect(reasonPhrase('reminder', { property: 'note', value: 'Call Ann' })).toBe(
      'reminder: Call Ann',
    );
    expect(reasonPhrase('budgetExceeded', null)).toBe('budget exceeded');
  });

  it('describes a date alert by its date, in OpenProject’s words', () => {
    expect(dateAlertDetail({ property: 'dueDate', value: '2026-06-02' })).toBe(
      'finish date 2026-06-02',
    );
    expect(dateAlertDetail({ property: 'startDate', value: '2026-06-01' })).toBe(
      'start date 2026-06-01',
    );
    expect(reasonPhrase('dateAlert', { property: 'date', value: '2026-06-03' })).toBe(
      'date alert: date 2026-06-03',
    );
    expect(dateAlertDetail({ property: 'dueDate', value: null })).toBeNull();
    expect(dateAlertDetail(null)).toBeNull();
  });

  it('aligns columns without trailing spaces and shrinks the flexible one to fit', () => {
    const rows = [
      [{ text: '#1' }, { text: 'A rather long subject line' }, { text: 'x' }],
      [{ text: '#100' }, { text: 'Short' }, { text: '' }],
    ];
    expect(table(rows)).toEqual(['#1    A rather long subject line  x', '#100  Short']);
    const narrow = table(rows, { shrink: [{ column: 1, min: 5 }], width: 20 });
    expect(narrow[0]).toBe('#1    A rather l…  x');
    expect(narrow.every((line) => line.length <= 20)).toBe(true);
    expect(truncate('abcdef', 4)).toBe('abc…');
    expect(truncate('abc', 4)).toBe('abc');
  });

  it('counts CJK and emoji as two columns and accents as one, so columns stay aligned', () => {
    expect(displayWidth('東京オフィス移転')).toBe(16);
    expect(displayWidth('Zoë Müller')).toBe(10);
    expect(displayWidth('Zoe\u0308')).toBe(3);
    expect(displayWidth('🚀 Launch')).toBe(9);
    expect(displayWidth('Lyon 🇫🇷')).toBe(7);
    const lines = table([
      [{ text: '東京' }, { text: 'x' }],
      [{ text: 'Köln' }, { text: 'y' }],
    ]);
    expect(lines).toEqual(['東京  x', 'Köln  y']);
    expect(truncate('検索結果の日本語', 7)).toBe('検索結…');
    expect(displayWidth(truncate('検索結果の日本語', 7))).toBeLessThanOrEqual(7);
  });
});
