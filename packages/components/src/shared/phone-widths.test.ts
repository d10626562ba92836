// The widgets whose Storybook has Phone390 / Phone320 stories without a phone test of their own:
// each, with data in it, fits 390 px and 320 px (nothing beyond the edge, no sideways scroll).
import { deleteTestDatabases, uniqueDbName } from '../test-helpers/databases.js';
import { expect, fixture, html, waitUntil } from '../test-helpers/fixture.js';
import { desktopViewport, expectFits, PHONE_WIDTHS, phoneViewport } from '../test-helpers/phone.js';
import { seedKidneyProfile } from '../test-helpers/profile-samples.js';
import { sourceWith, withQueue } from '../moderation/test-helpers/memory-moderation.js';
import { sharingSource } from '../sharing/test-helpers/sample-sharing.js';
import '../provider/provider.js';
import '../sharing/sharing.js';
import '../moderation/moderation.js';
import '../medical-profile/medical-profile.js';
import '../emergency-card/emergency-card.js';

const CASES: { tag: string; mount(): Promise<HTMLElement> }[] = [
  {
    tag: 'carnet-sharing',
    mount: () => fixture(html`<carnet-sharing .dataSource=${sharingSource()}></carnet-sharing>`),
  },
  {
    tag: 'carnet-moderation',
    mount: () => fixture(html`<carnet-moderation .dataSource=${sourceWith(withQueue())}></carnet-moderation>`),
  },
  ...['carnet-medical-profile', 'carnet-emergency-card'].map((tag) => ({
    tag,
    mount: async (): Promise<HTMLElement> => {
      const dbName = uniqueDbName(`phone-${tag}`);
      await seedKidneyProfile(dbName);
      const provider = await fixture(
        html`<carnet-provider db-name=${dbName}
          ><carnet-medical-profile></carnet-medical-profile
          ><carnet-emergency-card patient-name="Mme Lucie Martin-Delacroix"></carnet-emergency-card
        ></carnet-provider>`,
      );
      return provider.querySelector(tag) as HTMLElement;
    },
  })),
];

describe('widgets at phone width', () => {
  afterEach(async () => {
    await desktopViewport();
    await deleteTestDatabases();
  });

  for (const { tag, mount } of CASES)
    for (const width of PHONE_WIDTHS)
      it(`<${tag}> fits ${width} px: nothing beyond the edge, no sideways scroll`, async () => {
        await phoneViewport(width);
        const element = await mount();
        await waitUntil(() => element.matches(':state(ready)'), `${tag} shown`, { timeout: 15_000 });
        expectFits(element, width);
        await expect(element).to.be.accessible();
      });
});
