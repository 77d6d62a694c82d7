import type { TFunction } from 'i18next';
import type { BridgeError } from '../../../preload/contract';

/** One sentence for an error: the renderer's own words for the kind, in the user's language. */
export function errorText(t: TFunction, error: BridgeError, values: { url?: string } = {}): string {
  return t(`errors.${error.kind}`, { url: values.url ?? '', message: error.message });
}
