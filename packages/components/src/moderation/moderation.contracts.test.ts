import { dialogContract, openedBy, PATIENCE } from '../test-helpers/dialog-contract.js';
import type { DialogContractCase } from '../test-helpers/dialog-contract.js';
import { fixture, html, waitUntil } from '../test-helpers/fixture.js';
import type { CarnetModeration } from './moderation.js';
import { sourceWith, withQueue } from './test-helpers/memory-moderation.js';
import './moderation.js';

async function mount(): Promise<HTMLElement> {
  return mountWith(withQueue());
}

/** The queue with its waiting post's author already suspended (for « Lever la suspension »). */
async function mountWithSuspension(): Promise<HTMLElement> {
  const moderation = withQueue();
  moderation.community.suspendedPseudonyms = ['Colibri54'];
  return mountWith(moderation);
}

async function mountWith(moderation: ReturnType<typeof withQueue>): Promise<HTMLElement> {
  const element = await fixture<CarnetModeration>(
    html`<carnet-moderation .dataSource=${sourceWith(moderation)}></carnet-moderation>`,
  );
  await waitUntil(() => element.matches(':state(ready)'), 'queue shown', PATIENCE);
  return element;
}

/** The confirmation dialog opened from a queue's button: « Annuler » holds focus first. */
function confirmation(name: string, opener: string, mountElement = mount): DialogContractCase {
  return {
    name: `the confirmation of ${name}`,
    mount: mountElement,
    open: openedBy(opener),
    selector: 'dialog[part="confirm-dialog"]',
    safeChoice: 'Annuler',
  };
}

describe('<carnet-moderation> shared contracts', () => {
  dialogContract([
    confirmation('hiding a post', '[part="hide"]'),
    confirmation('suspending a pseudonym', '[part="suspend"]'),
    confirmation('restoring a hidden post', '[part="restore"]'),
    confirmation(
      'lifting a suspension (from the list of suspensions)',
      '[part="suspensions"] [part="unsuspend"]',
      mountWithSuspension,
    ),
  ]);
});
