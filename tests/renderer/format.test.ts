import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { dateAlertText, relativeTime } from '../../renderer/src/format/time';
import { initials } from '../../renderer/src/format/initials';
import { createI18n, loadLanguage } from '../../renderer/src/i18n';
import { en } from '../../renderer/src/i18n/en';

await loadLanguage('de');

// A fixed "now": Wednesday 10 June 2026, 15:00 local time.
const NOW = new Date(2026, 5, 10, 15, 0, 0);
const ago = (minutes: number) => new Date(NOW.getTime() - minutes * 60_000).toISOString();

describe('relative times read like OpenProject\'s ("5 min ago")', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(NOW);
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('in English', () => {
    const { t } = createI18n('en');
    expect(relativeTime(t, ago(0.5), NOW, 'en-GB')).toBe('just now');
    expect(relativeTime(t, ago(1), NOW, 'en-GB')).toBe('1 min ago');
    expect(relativeTime(t, ago(5), NOW, 'en-GB')).toBe('5 min ago');
    expect(relativeTime(t, ago(60 * 3 + 10), NOW, 'en-GB')).toBe('3 h ago');
    expect(relativeTime(t, new Date(2026, 5, 9, 9, 0).toISOString(), NOW, 'en-GB')).toBe(
      'yesterday',
    );
    expect(relativeTime(t, new Date(2026, 5, 7, 9, 0).toISOString(), NOW, 'en-GB')).toBe(
      '3 days ago',
    );
    expect(relativeTime(t, new Date(2026, 4, 3, 9, 0).toISOString(), NOW, 'en-GB')).toBe('3 May');
    expect(relativeTime(t, new Date(2025, 11, 3, 9, 0).toISOString(), NOW, 'en-GB')).toBe(
      '3 Dec 2025',
    );
  });

  it('in German', () => {
    const { t } = createI18n('de');
    expect(relativeTime(t, ago(5), NOW, 'de-DE')).toBe('vor 5 Min.');
    expect(relativeTime(t, new Date(2026, 5, 9, 9, 0).toISOString(), NOW, 'de-DE')).toBe('gestern');
    expect(relativeTime(t, new Date(2026, 5, 6, 9, 0).toISOString(), NOW, 'de-DE')).toBe(
      'vor 4 Tagen',
    );
  });
});

describe('date alerts say which date is due', () => {
  const { t } = createI18n('en');
  const alert = (property: string, value: string | null) =>
    dateAlertText(t, { property, value }, NOW, 'en-GB');

  it('for finish dates, start dates and milestones, relative to today', () => {
    expect(alert('dueDate', '2026-06-10')).toBe('Due today');
    expect(alert('dueDate', '2026-06-11')).toBe('Due tomorrow');
    expect(alert('dueDate', '2026-12-03')).toBe('Due on 3 Dec');
    expect(alert('dueDate', '2026-06-01')).toBe('Overdue since 1 Jun');
    expect(alert('startDate', '2026-06-11')).toBe('Starts tomorrow');
    expect(alert('startDate', '2026-12-03')).toBe('Starts on 3 Dec');
    expect(alert('date', '2027-01-15')).toBe('Milestone on 15 Jan 2027');
  });

  it('names no date for today and tomorrow (so none is formatted: the first costs ~15 ms)', () => {
    for (const kind of ['due', 'start', 'milestone'] as const) {
      for (const when of ['today', 'tomorrow'] as const) {
        expect(en.dateAlert[kind][when]).not.toContain('{{date}}');
      }
    }
  });

  it('and nothing when there is no date to tell', () => {
    expect(alert('dueDate', null)).toBeNull();
    expect(alert('note', 'Call the customer')).toBeNull();
  });

  it('in German too', () => {
    const de = createI18n('de');
    expect(dateAlertText(de.t, { property: 'dueDate', value: '2026-06-11' }, NOW, 'de-DE')).toBe(
      'Morgen fällig',
    );
    expect(dateAlertText(de.t, { property: 'startDate', value: '2026-12-03' }, NOW, 'de-DE')).toBe(
      'Beginnt am 3. Dez.',
    );
  });
});

describe('initials stand in for avatars', () => {
  it('takes the first letters of the first and last name', () => {
    expect(initials('Jane Doe')).toBe('JD');
    expect(initials('jane')).toBe('J');
    expect(initials('Dr. Jane van Doe')).toBe('JD');
    expect(initials('Émile Zola')).toBe('ÉZ');
    expect(initials('  ')).toBe('');
  });
});
