import type { TFunction } from 'i18next';
import { POLL_INTERVAL_LIMITS } from '../../../preload/contract';

/** The poll intervals offered, in seconds: 15 s to 30 min (main's limits). */
export const POLL_INTERVAL_CHOICES = [15, 30, 60, 120, 300, 600, 900, 1800] as const;

/**
 * The choices to show for the current setting: the standard ones, plus the current value when it
 * is another one (set by an older version or by hand), so the select never shows a wrong value.
 */
export function intervalChoices(currentSeconds: number): number[] {
  const { minSeconds, maxSeconds } = POLL_INTERVAL_LIMITS;
  const standard: number[] = POLL_INTERVAL_CHOICES.filter(
    (value) => value >= minSeconds && value <= maxSeconds,
  );
  return standard.includes(currentSeconds)
    ? standard
    : [...standard, currentSeconds].sort((a, b) => a - b);
}

/** "15 seconds", "1 minute", "30 minutes"; whole minutes in minutes, anything else in seconds. */
export function intervalLabel(t: TFunction, seconds: number): string {
  return seconds % 60 === 0
    ? t('settings.interval.minutes', { count: seconds / 60 })
    : t('settings.interval.seconds', { count: seconds });
}
