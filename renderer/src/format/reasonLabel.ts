import type { TFunction } from 'i18next';
import type { NotificationReason } from '../../../preload/contract';
import { isKnownReason } from './reasons';

/** A reason in OpenProject's words; an unknown (newer) reason is shown as the server names it. */
export function reasonLabel(t: TFunction, reason: NotificationReason): string {
  return isKnownReason(reason) ? t(`reasons.${reason}`) : reason;
}
