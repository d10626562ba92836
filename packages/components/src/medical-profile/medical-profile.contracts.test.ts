import { deleteTestDatabases, uniqueDbName } from '../test-helpers/databases.js';
import { activate, dialogContract, openedBy, PATIENCE } from '../test-helpers/dialog-contract.js';
import { fixture, html, waitUntil } from '../test-helpers/fixture.js';
import { seedKidneyProfile } from '../test-helpers/profile-samples.js';
import type { CarnetProvider } from '../provider/provider.js';
import type { CarnetMedicalProfile } from './medical-profile.js';
import '../provider/provider.js';
import './medical-profile.js';

async function mountProfile(label: string): Promise<HTMLElement> {
  const dbName = uniqueDbName(label);
  await seedKidneyProfile(dbName);
  const provider = await fixture<CarnetProvider>(
    html`<carnet-provider db-name=${dbName}><carnet-medical-profile></carnet-medical-profile></carnet-provider>`,
  );
  const profile = provider.querySelector('carnet-medical-profile') as CarnetMedicalProfile;
  await waitUntil(() => profile.shadowRoot?.querySelector('button[data-remove]'), 'profile shown', PATIENCE);
  return profile;
}

function button(host: HTMLElement, selector: string): HTMLElement {
  const found = host.shadowRoot?.querySelector<HTMLElement>(selector);
  if (!found) throw new Error(`No ${selector}`);
  return found;
}

describe('<carnet-medical-profile> contracts', () => {
  afterEach(deleteTestDatabases);

  dialogContract([
    {
      name: 'the form of a new allergy',
      mount: () => mountProfile('contract-profile-add'),
      open: async (host) => {
        const add = button(host, '[part="add-allergy"]');
        await activate(add);
        return add;
      },
      selector: 'dialog[part="add-dialog"]',
      safeChoice: /^Substance/,
    },
    ...(
      [
        ['contact', 'a person to call', /^Nom/],
        ['condition', 'an ongoing condition', /^Maladie/],
        ['vaccination', 'a vaccination', /^Vaccin/],
        // The blood group (already given in the seeded profile): focus on the first group of the list.
        ['bloodGroup', 'the blood group', 'A+'],
      ] as const
    ).map(([kind, what, safeChoice]) => ({
      name: `the form of ${what}`,
      mount: () => mountProfile(`contract-profile-add-${kind}`),
      open: openedBy(`[part="add-${kind}"]`),
      selector: 'dialog[part="add-dialog"]',
      safeChoice,
    })),
    {
      name: 'the question before removing an entry',
      mount: () => mountProfile('contract-profile-remove'),
      open: async (host) => {
        const remove = button(host, 'button[data-remove="allergy"]');
        await activate(remove);
        return remove;
      },
      selector: 'dialog[part="remove-dialog"]',
      safeChoice: 'Annuler',
    },
  ]);
});
