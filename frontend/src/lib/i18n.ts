import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import vi from '../locales/vi/translation.json';

export const LANGUAGES = ['vi', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
const STORAGE_KEY = 'bdhvs.lang';

function initialLanguage(): Language {
  const stored = localStorage.getItem(STORAGE_KEY);
  return stored === 'en' ? 'en' : 'vi';
}

const initial = initialLanguage();

/** Vietnamese is bundled; English, the second language, is fetched the first time it is chosen. */
const ready = i18n.use(initReactI18next).init({
  resources: { vi: { translation: vi } },
  partialBundledLanguages: true,
  lng: 'vi',
  fallbackLng: 'vi',
  interpolation: { escapeValue: false },
});

export async function changeLanguage(lng: Language): Promise<void> {
  if (lng === 'en' && !i18n.hasResourceBundle('en', 'translation')) {
    const en = (await import('../locales/en/translation.json')).default;
    i18n.addResourceBundle('en', 'translation', en);
  }
  await i18n.changeLanguage(lng);
  localStorage.setItem(STORAGE_KEY, lng);
}

i18n.on('languageChanged', (lng) => {
  document.documentElement.lang = lng;
});
document.documentElement.lang = i18n.language;
if (initial === 'en') void ready.then(() => changeLanguage('en'));

export default i18n;

/** Dates and numbers in the reader's language (vi-VN by default). */
export const formatDate = (iso: string, lng: string) =>
  new Intl.DateTimeFormat(lng === 'en' ? 'en-GB' : 'vi-VN', { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));

/** A day without the time (issue and revocation dates): "29 tháng 11, 2026". */
export const formatDay = (iso: string, lng: string) =>
  new Intl.DateTimeFormat(lng === 'en' ? 'en-GB' : 'vi-VN', { dateStyle: 'long' }).format(new Date(iso));
