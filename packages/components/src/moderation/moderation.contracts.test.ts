import { activate, dialogContract, PATIENCE } from '../test-helpers/dialog-contract.js';
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

function button(host: HTMLElement, selector: string): HTMLElement {
  const found = host.shadowRoot?.querySelector<HTMLElement>(selector);
  if (!found) throw new Error(`nothing matches ${selector}`);
  return found;
}

describe('<carnet-moderation> shared contracts', () => {
  dialogContract([
    {
      name: 'the confirmation of hiding a post',
      mount,
      open: async (host) => {
        const hide = button(host, '[part="hide"]');
        await activate(hide);
        return hide;
      },
      selector: 'dialog[part="confirm-dialog"]',
      safeChoice: 'Annuler',
    },
    {
      name: 'the confirmation of suspending a pseudonym',
      mount,
      open: async (host) => {
        const suspend = button(host, '[part="suspend"]');
        await activate(suspend);
        return suspend;
      },
      selector: 'dialog[part="confirm-dialog"]',
      safeChoice: 'Annuler',
    },
    {
      name: 'the confirmation of restoring a hidden post',
      mount,
      open: async (host) => {
        const restore = button(host, '[part="restore"]');
        await activate(restore);
        return restore;
      },
      selector: 'dialog[part="confirm-dialog"]',
      safeChoice: 'Annuler',
    },
    {
      name: 'the confirmation of lifting a suspension (from the list of suspensions)',
      mount: mountWithSuspension,
      open: async (host) => {
        const lift = button(host, '[part="suspensions"] [part="unsuspend"]');
        await activate(lift);
        return lift;
      },
      selector: 'dialog[part="confirm-dialog"]',
      safeChoice: 'Annuler',
    },
  ]);
});
