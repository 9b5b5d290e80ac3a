import { useTranslation } from 'react-i18next';
import i18n from '../../lib/i18n';
import vi from '../../locales/vi/studio.json';

/**
 * The studio's words live in their own namespace, in the studio's chunk: a learner's phone never
 * downloads them. Vietnamese comes with the chunk; English the first time it is chosen.
 */
i18n.addResourceBundle('vi', 'studio', vi);

async function loadEnglish(): Promise<void> {
  if (i18n.hasResourceBundle('en', 'studio')) return;
  i18n.addResourceBundle('en', 'studio', (await import('../../locales/en/studio.json')).default);
  // Announced as a language change, so every studio page shown re-renders in English.
  if (i18n.language === 'en') await i18n.changeLanguage('en');
}
i18n.on('languageChanged', (lng) => {
  if (lng === 'en') void loadEnglish();
});
if (i18n.language === 'en') void loadEnglish();

/** `t` for the studio's texts. */
export const useStudioT = () => useTranslation('studio');
