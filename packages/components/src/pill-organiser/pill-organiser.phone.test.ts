import { sendKeys, setViewport } from '@web/test-runner-commands';
import { deleteTestDatabases, uniqueDbName } from '../test-helpers/databases.js';
import { expect, waitUntil } from '../test-helpers/fixture.js';
import { all, mountOrganiser, one, seedPersona } from './test-helpers/organiser-fixtures.js';

describe('<carnet-pill-organiser> at phone width', () => {
  afterEach(async () => {
    await deleteTestDatabases();
    await setViewport({ width: 1280, height: 900 });
  });

  for (const width of [320, 390]) {
    it(`fits ${width} px with its data table open: no sideways scroll of the page`, async () => {
      await setViewport({ width, height: 800 });
      const dbName = uniqueDbName(`phone-${width}`);
      await seedPersona(dbName, 'parkinson');
      const { organiser } = await mountOrganiser(dbName, { pathology: 'parkinson' });
      const details = one<HTMLDetailsElement>(organiser, 'details[part="adherence-details"]');
      details.open = true;
      await organiser.updateComplete;
      expect(document.documentElement.scrollWidth, 'page width').to.be.at.most(width);
      expect(organiser.getBoundingClientRect().right).to.be.at.most(width);
      for (const table of all(organiser, 'table')) {
        const box = table.getBoundingClientRect();
        if (box.width > width) {
          // A wide table scrolls inside its own area, which fits the screen.
          const scroller = table.parentElement as HTMLElement;
          expect(getComputedStyle(scroller).overflowX).to.equal('auto');
          expect(scroller.getBoundingClientRect().right).to.be.at.most(width);
        }
      }
    });
  }

  it('shows one day at 390 px — today, with the other days and the whole week one tap away — instead of 7 stacked days', async () => {
    await setViewport({ width: 390, height: 800 });
    const dbName = uniqueDbName('phone-day');
    await seedPersona(dbName, 'parkinson');
    const { organiser } = await mountOrganiser(dbName, { pathology: 'parkinson' });
    const dayList = one(organiser, '.day-list');
    const sections = (): (string | undefined)[] => all(organiser, 'section.day').map((day) => day.dataset['date']);
    expect(sections()).to.deep.equal(['2026-03-11']);
    const oneDayHeight = dayList.getBoundingClientRect().height;
    // Today's doses and the day chooser fit about one phone screen (the whole week was 7 of them).
    expect(oneDayHeight).to.be.below(1200);
    const thursday = one<HTMLButtonElement>(organiser, 'button[part="day-choice"][data-date="2026-03-12"]');
    expect(thursday.getAttribute('aria-label')).to.equal('jeudi 12 mars');
    expect(thursday.getBoundingClientRect().height).to.be.at.least(44);
    expect(thursday.getBoundingClientRect().right).to.be.at.most(390);
    thursday.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => sections()[0] === '2026-03-12', 'Thursday shown');
    expect(thursday.getAttribute('aria-pressed')).to.equal('true');
    one<HTMLButtonElement>(organiser, 'button[part="whole-week"]').click();
    await waitUntil(() => sections().length === 7, 'the whole week');
    expect(dayList.getBoundingClientRect().height).to.be.above(oneDayHeight * 3);
  });
});
