import { deleteTestDatabases, uniqueDbName } from '../test-helpers/databases.js';
import { expect, oneEvent } from '../test-helpers/fixture.js';
import { KeyPresses } from '../test-helpers/key-presses.js';
import { agendaInProvider, openedDialog, storedEvents } from './test-helpers/agenda-fixtures.js';
import { saved } from './test-helpers/editor-helpers.js';

describe('<carnet-agenda> main task by keyboard alone', () => {
  afterEach(deleteTestDatabases);

  it('adds an appointment in at most 12 key presses besides the words typed', async () => {
    const dbName = uniqueDbName('keyboard-add');
    const { provider, agenda } = await agendaInProvider(dbName);
    const before = document.createElement('button');
    before.textContent = 'Avant l’agenda';
    provider.before(before);
    before.focus();
    const keys = new KeyPresses();
    await keys.tabUntil((focused) => focused?.matches('[part="create"]') === true, 10);
    await keys.press('Enter');
    await openedDialog(agenda, 'dialog[part="editor"]');
    // The title has focus; the day and time are filled in: Enter saves.
    await keys.type('Consultation néphrologue');
    const changed = oneEvent(agenda, 'carnet-event-change');
    await keys.press('Enter');
    await changed;
    await saved(agenda);
    expect((await storedEvents(dbName)).map((event) => event.title)).to.deep.equal(['Consultation néphrologue']);
    expect(keys.count).to.be.at.most(12);
    before.remove();
  });
});
