// The professional's page: the same elements, in the professional's role.
import '@carnet/components';
import { setUpLanguageButtons } from './site-shell.js';

setUpLanguageButtons();
