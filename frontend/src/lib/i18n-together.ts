import i18n from './i18n';
import vi from '../locales/vi/together.json';

/**
 * The Vietnamese words of the ambassadors', households' and notifications' pages (and the reports'
 * community figures) travel with those pages' chunks, not with every route; English is one lazy file.
 */
i18n.addResourceBundle('vi', 'translation', vi, true, false);
