// The caregiver's page: the same elements, opening the record of a person who gave access.
import '@carnet/components';
import { setUpLanguageButtons } from './site-shell.js';

setUpLanguageButtons();
