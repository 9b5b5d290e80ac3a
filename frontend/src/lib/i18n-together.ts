import vi from '../locales/vi/together.json';
import { addStrings } from './split-strings';

/**
 * The Vietnamese words of the pages a person opens on purpose, not on every visit (ambassadors,
 * households, notifications, the assistant's history, deleting one's account, the reports' community
 * figures): they travel with those pages' chunks.
 */
addStrings(vi);
