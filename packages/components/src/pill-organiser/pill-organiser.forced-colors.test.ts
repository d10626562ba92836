import { deleteTestDatabases, uniqueDbName } from '../test-helpers/databases.js';
import { expect } from '../test-helpers/fixture.js';
import { emulateForcedColors, forcedColorsActive, forcedDifferences } from '../test-helpers/forced-colors.js';
import { all, mountOrganiser, one, seedPersona } from './test-helpers/organiser-fixtures.js';

describe('<carnet-pill-organiser> in Windows high contrast (forced colours)', () => {
  afterEach(async () => {
    await emulateForcedColors(false);
    await deleteTestDatabases();
  });

  it('keeps today, the pressed period button and the chart legend visible', async () => {
    const dbName = uniqueDbName('forced-colors');
    await seedPersona(dbName, 'parkinson');
    const { organiser } = await mountOrganiser(dbName, { pathology: 'parkinson' });
    await emulateForcedColors(true);
    expect(forcedColorsActive()).to.equal(true);

    const today = one(organiser, 'th.day-heading.today');
    const other = all(organiser, 'th.day-heading').find((heading) => !heading.classList.contains('today'));
    expect(forcedDifferences(today, other as Element), 'today').not.to.deep.equal([]);

    const periods = all<HTMLButtonElement>(organiser, 'button[part="adherence-window"]');
    const pressed = periods.find((button) => button.getAttribute('aria-pressed') === 'true') as Element;
    const unpressed = periods.find((button) => button.getAttribute('aria-pressed') === 'false') as Element;
    expect(forcedDifferences(pressed, unpressed), 'pressed period').not.to.deep.equal([]);

    // The legend's swatches keep their colours: else every kind of dose looks the same.
    const onTime = one(organiser, '.swatch--on-time');
    const missed = one(organiser, '.swatch--missed');
    expect(getComputedStyle(onTime).backgroundColor).not.to.equal(getComputedStyle(missed).backgroundColor);
    const chartBar = organiser.shadowRoot?.querySelector('.bar--on-time');
    if (chartBar) expect(getComputedStyle(chartBar).fill).to.equal(getComputedStyle(onTime).backgroundColor);
  });
});
