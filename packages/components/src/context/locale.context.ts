import { createContext } from '@lit/context';
import type { CarnetLocale } from '../shared/localization.js';

/** The interface language chosen on `<carnet-provider>` (`fr` or `en`). */
export const localeContext = createContext<CarnetLocale>(Symbol.for('carnet.context.locale'));
