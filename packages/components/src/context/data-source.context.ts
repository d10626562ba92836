import { createContext } from '@lit/context';
import type { DataSource } from '@carnet/catalog-sdk';

/**
 * The patient's record, provided by `<carnet-provider>`. `undefined` while the
 * provider prepares it (demo seeding) or after a failure.
 */
export const dataSourceContext = createContext<DataSource | undefined>(Symbol.for('carnet.context.data-source'));
