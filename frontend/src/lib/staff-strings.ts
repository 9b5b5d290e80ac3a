import staff from '../locales/vi/staff.json';
import { addStrings } from './split-strings';

// The staff pages' strings (users, reports, targets, policies, records, the assistant's use): a learner never needs them.
addStrings(staff);
