import { createContext } from '@lit/context';
import type { Pathology } from '@carnet/catalog-sdk';

/** The condition the widgets are tuned for, when the host chose one. */
export const pathologyContext = createContext<Pathology | undefined>(Symbol.for('carnet.context.pathology'));
