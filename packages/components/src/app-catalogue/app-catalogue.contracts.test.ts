import { activate, dialogContract, PATIENCE } from '../test-helpers/dialog-contract.js';
import { fixture, html, waitUntil } from '../test-helpers/fixture.js';
import type { CarnetProvider } from '../provider/provider.js';
import { appCatalogueSource } from './test-helpers/sample-apps.js';
import '../provider/provider.js';
import './app-catalogue.js';

async function mountCatalogue(): Promise<HTMLElement> {
  const provider = await fixture<CarnetProvider>(
    html`<carnet-provider .dataSource=${appCatalogueSource()}
      ><carnet-app-catalogue></carnet-app-catalogue
    ></carnet-provider>`,
  );
  const element = provider.querySelector('carnet-app-catalogue') as HTMLElement;
  await waitUntil(() => element.shadowRoot?.querySelector('[part="revoke"]'), 'catalogue shown', PATIENCE);
  return element;
}

describe('<carnet-app-catalogue> contracts', () => {
  dialogContract([
    {
      name: 'the question before withdrawing an app’s access',
      mount: mountCatalogue,
      open: async (host) => {
        const revoke = host.shadowRoot?.querySelector<HTMLElement>('[part="revoke"]');
        if (!revoke) throw new Error('No Retirer l’accès button');
        await activate(revoke);
        return revoke;
      },
      selector: 'dialog[part="revoke-dialog"]',
      safeChoice: 'Garder l’accès',
    },
  ]);
});
