import i18next from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';
import { browserLanguage, isLang, Lang, LANGUAGES, LOCALES } from './languages';

/** An area's texts in the three languages (plural keys end in _one, _few, _many, _other). */
export type Messages = Record<Lang, Record<string, string>>;

const STORED = 'language';

function initialLanguage(): Lang {
  const stored = localStorage.getItem(STORED);
  return isLang(stored) ? stored : browserLanguage();
}

void i18next.use(initReactI18next).init({
  lng: initialLanguage(),
  fallbackLng: 'en',
  supportedLngs: [...LANGUAGES],
  resources: {},
  interpolation: { escapeValue: false },
  react: { useSuspense: false },
});
document.documentElement.lang = i18next.language;

/** Adds an area's texts once, when the area's code is loaded. */
export function registerMessages(ns: string, messages: Messages): void {
  for (const lang of LANGUAGES) {
    if (!i18next.hasResourceBundle(lang, ns)) i18next.addResourceBundle(lang, ns, messages[lang]);
  }
}

/** `const { t } = useMessages('trainings', messages)`: the area's texts in the reader's language. */
export function useMessages(ns: string, messages: Messages) {
  registerMessages(ns, messages);
  return useTranslation(ns);
}

export function currentLanguage(): Lang {
  return isLang(i18next.language) ? i18next.language : 'en';
}

/** Switches the language of every screen, and remembers it in this browser. */
export async function switchLanguage(lang: Lang): Promise<void> {
  localStorage.setItem(STORED, lang);
  document.documentElement.lang = lang;
  await i18next.changeLanguage(lang);
}

/** Dates and numbers in the reader's locale. */
export function useFormat() {
  const { i18n } = useTranslation();
  const locale = LOCALES[isLang(i18n.language) ? i18n.language : 'en'];
  // YYYY-MM-DD is a calendar day: read it at noon UTC so no time zone moves it.
  const day = (iso: string) => new Date(`${iso.slice(0, 10)}T12:00:00Z`);
  const dateFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' });
  return {
    locale,
    date: (iso: string) => dateFormat.format(day(iso)),
    dateRange: (start: string, end: string) => dateFormat.formatRange(day(start), day(end)),
    weekday: (iso: string) =>
      new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' }).format(day(iso)),
    dateTime: (iso: string) =>
      new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(
        new Date(iso),
      ),
    number: (value: number) => new Intl.NumberFormat(locale).format(value),
  };
}

export { i18next };
