import polyglotI18nProvider from 'ra-i18n-polyglot';
import { type I18nProvider } from 'react-admin';

import { en } from '@admin/i18n/en';
import { ko } from '@admin/i18n/ko';

export const LOCALES = [
  { locale: 'ko', name: '한국어' },
  { locale: 'en', name: 'English' },
] as const;
export type Locale = (typeof LOCALES)[number]['locale'];

/** The people who use the console work in Korean; English is one click away in the app bar. */
export const DEFAULT_LOCALE: Locale = 'ko';

export function messagesFor(locale: string): typeof ko {
  return locale === 'en' ? en : ko;
}

/** react-admin keeps the chosen language in its store, so a reload keeps it. */
export function createI18nProvider(initialLocale: Locale = DEFAULT_LOCALE): I18nProvider {
  return polyglotI18nProvider(messagesFor, initialLocale, [...LOCALES], { allowMissing: false });
}

export const i18nProvider = createI18nProvider();
