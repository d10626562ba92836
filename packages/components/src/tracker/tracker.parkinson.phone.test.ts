// The Parkinson's diary at phone widths: nothing beyond the edge, and every target a trembling
// finger uses (states, slots, Undo, days) at least 48 px high and 44 px wide.
import { createLocalDataSource } from '@carnet/catalog-sdk';
import { deleteTestDatabases, uniqueDbName } from '../test-helpers/databases.js';
import { expect, waitUntil } from '../test-helpers/fixture.js';
import { desktopViewport, expectFits, PHONE_WIDTHS, phoneViewport } from '../test-helpers/phone.js';
import { dayFromToday, mountDiary, seedLevodopa, slotStart } from './test-helpers/motor-diary.js';
import '../provider/provider.js';
import './tracker.js';

describe('<carnet-tracker> Parkinson diary at phone width', () => {
  afterEach(async () => {
    await desktopViewport();
    await deleteTestDatabases();
  });

  for (const width of PHONE_WIDTHS)
    it(`fits ${width} px with large targets, a dose and the longest state in a slot`, async () => {
      await phoneViewport(width);
      const dbName = uniqueDbName(`tracker-parkinson-phone-${width}`);
      await seedLevodopa(dbName);
      const record = createLocalDataSource({ dbName });
      await record.trackers.add('motorState', { at: slotStart(dayFromToday(0), 7, 0), state: 'on-dyskinesia' });
      record.close();
      const tracker = await mountDiary({ dbName });
      await waitUntil(() => tracker.matches(':state(ready)'), 'diary ready', { timeout: 15_000 });
      expectFits(tracker, width);
      const targets = [
        ...(tracker.shadowRoot?.querySelectorAll<HTMLElement>(
          '[part="slot"], [part="state-choice"], [part="undo"], [part="previous-day"], [part="next-day"]',
        ) ?? []),
      ];
      expect(targets.length).to.be.greaterThan(48);
      const small = targets
        .filter((target) => {
          const box = target.getBoundingClientRect();
          return box.height < 48 || box.width < 44;
        })
        .map((target) => target.getAttribute('part'));
      expect(small, 'targets under 48 × 44 px').to.deep.equal([]);
      await expect(tracker).to.be.accessible();
    });
});
