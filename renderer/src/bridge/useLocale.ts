import { useTranslation } from 'react-i18next';

/**
 * The locale for dates: the system's own (en-GB gives "3 Dec", en-US "Dec 3") when it speaks the
 * UI language, else the UI language.
 */
export function useLocale(): string {
  const { i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language;
  const system = typeof navigator === 'undefined' ? undefined : navigator.language;
  return system?.split('-')[0] === language ? system : language;
}
