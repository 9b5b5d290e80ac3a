import assessment from '../../locales/vi/assessment.json';
import { addStrings } from '../../lib/split-strings';

// The self-assessment's strings, loaded with its pages.
addStrings(assessment);
