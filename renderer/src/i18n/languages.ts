import type { Translation } from './de';
import { en, type Messages } from './en';

/**
 * The languages the app speaks. English is built in (it is also the fallback); every other
 * language is a chunk of its own, loaded only when it is the one spoken. No i18next here:
 * startup.ts starts loading the language before the rest of the code runs.
 */
export const LANGUAGES = ['en', 'de'] as const;
export type Language = (typeof LANGUAGES)[number];
/** A language's strings: English's keys, every value a string. */
export type Strings = Translation<Messages>;

const LOADERS: Record<Exclude<Language, 'en'>, () => Promise<Strings>> = {
  de: () => import('./de').then((module) => module.de),
};

const loaded = new Map<Language, Promise<Strings>>([['en', Promise.resolve(en)]]);
const ready = new Map<Language, Strings>([['en', en]]);

/** The first of the user's languages the app speaks (by primary subtag), else English. */
export function pickLanguage(preferred: readonly string[]): Language {
  for (const tag of preferred) {
    const primary = tag.toLowerCase().split('-')[0];
    const match = LANGUAGES.find((language) => language === primary);
    if (match) return match;
  }
  return 'en';
}

/** Loads a language's strings (once); `languageStrings` has them from then on. */
export function loadLanguage(language: Language): Promise<Strings> {
  let load = loaded.get(language);
  if (!load) {
    load = LOADERS[language as Exclude<Language, 'en'>]().then((strings) => {
      ready.set(language, strings);
      return strings;
    });
    load.catch(() => loaded.delete(language)); // a later call tries again
    loaded.set(language, load);
  }
  return load;
}

/** A loaded language's strings (English always is); null until `loadLanguage` has them. */
export function languageStrings(language: Language): Strings | null {
  return ready.get(language) ?? null;
}
