import i18n from './i18n';

/**
 * Adds Vietnamese strings kept out of the first download (`locales/vi/*.json` beside translation.json)
 * to the one namespace. Each module that uses such keys imports the module that adds them, so they are
 * there before it renders. English, loaded whole when chosen, has them already.
 */
export const addStrings = (strings: Record<string, unknown>) => i18n.addResourceBundle('vi', 'translation', strings, true, false);
