// The moderators' page: the association's volunteer signs in with their own login and works the queue.
import '@carnet/components';
import { setUpLanguageButtons } from './site-shell.js';

setUpLanguageButtons();
