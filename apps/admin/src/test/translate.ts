import { type Translate } from '@admin/campaigns/recurrence';
import { createI18nProvider, type Locale } from '@admin/i18n/i18nProvider';

/** The console's real translations, for tests that check words. */
export function translatorFor(locale: Locale): Translate {
  const provider = createI18nProvider(locale);
  return (key, options) => provider.translate(key, options);
}
