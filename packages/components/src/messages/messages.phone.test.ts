import { expect, fixture, html, waitUntil } from '../test-helpers/fixture.js';
import { byRole, click, queryByRole } from '../test-helpers/person.js';
import { desktopViewport, expectFits, PHONE_WIDTHS, phoneViewport } from '../test-helpers/phone.js';
import type { CarnetMessages } from './messages.js';
import { CARE_TEAM, sourceWith, withConversation } from './test-helpers/memory-messages.js';
import './messages.js';

describe('<carnet-messages> at phone width', () => {
  afterEach(desktopViewport);

  for (const width of PHONE_WIDTHS) {
    it(`fits ${width} px with a conversation open: no sideways scroll`, async () => {
      await phoneViewport(width);
      const element = await fixture<CarnetMessages>(
        html`<carnet-messages .dataSource=${sourceWith(withConversation(), CARE_TEAM)}></carnet-messages>`,
      );
      await waitUntil(() => element.matches(':state(ready)'), 'shown');
      await click(byRole(element, 'button', /^Dr Claire Martin/));
      await waitUntil(() => queryByRole(element, 'textbox', 'Votre message'), 'conversation open');
      expectFits(element, width);
      await expect(element).to.be.accessible();
    });
  }
});
