import { activate, dialogContract, PATIENCE } from '../test-helpers/dialog-contract.js';
import { fixture, html, waitUntil } from '../test-helpers/fixture.js';
import type { CarnetModeration } from './moderation.js';
import { sourceWith, withQueue } from './test-helpers/memory-moderation.js';
import './moderation.js';

async function mount(): Promise<HTMLElement> {
  const element = await fixture<CarnetModeration>(
    html`<carnet-moderation .dataSource=${sourceWith(withQueue())}></carnet-moderation>`,
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
  ]);
});
