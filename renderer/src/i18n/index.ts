import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { en } from './en';
import { languageStrings, LANGUAGES, type Language } from './languages';

export { LANGUAGES, loadLanguage, pickLanguage, type Language } from './languages';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof en };
  }
}

/**
 * A ready i18next instance (the strings are in memory, so it initialises synchronously). English is
 * always there; another language must have been loaded first (`await loadLanguage(language)`).
 */
export function createI18n(language: Language): i18n {
  const strings = languageStrings(language);
  if (!strings)
    throw new Error(`createI18n('${language}'): await loadLanguage('${language}') first.`);
  const english = languageStrings('en')!;
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    resources: {
      en: { translation: english },
      ...(language === 'en' ? {} : { [language]: { translation: strings } }),
    },
    lng: language,
    fallbackLng: 'en',
    supportedLngs: LANGUAGES,
    interpolation: { escapeValue: false },
    returnNull: false,
    initAsync: false,
  });
  return instance;
}
