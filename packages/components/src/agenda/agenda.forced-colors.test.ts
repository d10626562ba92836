import { deleteTestDatabases, uniqueDbName } from '../test-helpers/databases.js';
import { expect } from '../test-helpers/fixture.js';
import { emulateForcedColors, forcedColorsActive, forcedDifferences } from '../test-helpers/forced-colors.js';
import {
  TEST_TODAY,
  agendaEvent,
  agendaInProvider,
  cell,
  part,
  parts,
  seedAgenda,
} from './test-helpers/agenda-fixtures.js';
import { openDay } from './test-helpers/editor-helpers.js';

describe('<carnet-agenda> in Windows high contrast (forced colours)', () => {
  afterEach(async () => {
    await emulateForcedColors(false);
    await deleteTestDatabases();
  });

  it('keeps the pressed view button, today and the opened day visible', async () => {
    const dbName = uniqueDbName('forced-colors');
    await seedAgenda(dbName, [
      agendaEvent({ title: 'Kinésithérapie', start: '2026-11-26T09:00:00', end: '2026-11-26T09:30:00' }),
    ]);
    const { agenda } = await agendaInProvider(dbName);
    await openDay(agenda, '2026-11-26');
    await emulateForcedColors(true);
    expect(forcedColorsActive()).to.equal(true);

    const views = parts<HTMLButtonElement>(agenda, '[part="toolbar"] [aria-pressed]');
    const pressed = views.find((button) => button.getAttribute('aria-pressed') === 'true') as HTMLElement;
    const unpressed = views.find((button) => button.getAttribute('aria-pressed') === 'false') as HTMLElement;
    expect(forcedDifferences(pressed, unpressed), 'pressed view button').not.to.deep.equal([]);

    const todayNumber = cell(agenda, TEST_TODAY).querySelector('.day-number') as HTMLElement;
    const otherNumber = cell(agenda, '2026-11-24').querySelector('.day-number') as HTMLElement;
    expect(forcedDifferences(todayNumber, otherNumber), 'today').not.to.deep.equal([]);

    const opened = cell(agenda, '2026-11-26');
    expect(opened.getAttribute('aria-selected')).to.equal('true');
    expect(forcedDifferences(opened, cell(agenda, '2026-11-25')), 'the opened day').not.to.deep.equal([]);
    expect(part(agenda, '[part="toolbar"]')).to.exist;
  });
});
