import { dialogContract, openedBy, PATIENCE } from '../test-helpers/dialog-contract.js';
import type { DialogContractCase } from '../test-helpers/dialog-contract.js';
import { fixture, html, waitUntil } from '../test-helpers/fixture.js';
import type { CarnetSharing } from './sharing.js';
import { sharingSource } from './test-helpers/sample-sharing.js';
import './sharing.js';

async function mount(): Promise<HTMLElement> {
  const element = await fixture<CarnetSharing>(html`<carnet-sharing .dataSource=${sharingSource()}></carnet-sharing>`);
  await waitUntil(() => element.matches(':state(ready)'), 'accesses shown', PATIENCE);
  return element;
}

/** The confirmation opened from a row's button: the safe choice holds focus first. */
function confirmation(name: string, opener: string, safeChoice: string): DialogContractCase {
  return {
    name: `the confirmation of ${name}`,
    mount,
    open: openedBy(opener),
    selector: 'dialog[part="confirm-dialog"]',
    safeChoice,
  };
}

describe('<carnet-sharing> shared contracts', () => {
  dialogContract([
    confirmation('revoking a caregiver’s access', '[part="revoke"]', 'Garder l’accès'),
    confirmation('stopping sharing with a professional', '[part="stop-sharing"]', 'Continuer à partager'),
  ]);
});
