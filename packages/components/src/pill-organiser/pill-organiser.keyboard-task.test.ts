import { deleteTestDatabases, uniqueDbName } from '../test-helpers/databases.js';
import { expect, waitUntil } from '../test-helpers/fixture.js';
import { KeyPresses } from '../test-helpers/key-presses.js';
import { doseButton, mountOrganiser, one, parisMarch, seedPersona } from './test-helpers/organiser-fixtures.js';

const LEVODOPA = 'plan-parkinson-levodopa-carbidopa';

describe('<carnet-pill-organiser> main task by keyboard alone', () => {
  afterEach(deleteTestDatabases);

  it('marks the next dose as taken in at most 12 key presses from the page before it', async () => {
    const dbName = uniqueDbName('keyboard-task');
    await seedPersona(dbName, 'parkinson');
    const { provider, organiser } = await mountOrganiser(dbName, { pathology: 'parkinson' });
    const before = document.createElement('button');
    before.textContent = 'Avant le semainier';
    provider.before(before);
    before.focus();
    const keys = new KeyPresses();
    // Into the week grid (one Tab stop: the dose to take now), past the week's navigation.
    await keys.tabUntil((focused) => focused?.matches('button.dose') === true, 12);
    const focused = organiser.shadowRoot?.activeElement as HTMLButtonElement;
    expect(focused.getAttribute('aria-label')).to.match(/^mercredi 11 mars — /);
    await keys.press('Enter');
    const dialog = one<HTMLDialogElement>(organiser, 'dialog[part="intake-dialog"]');
    await waitUntil(() => dialog.open, 'dialog open');
    await keys.press('Enter');
    const key = focused.dataset['doseKey'] ?? '';
    await waitUntil(
      () =>
        organiser.shadowRoot?.querySelector<HTMLElement>(`button.dose[data-dose-key="${key}"]`)?.dataset['state'] ===
        'taken',
      'taken',
    );
    expect(keys.count).to.be.at.most(12);
    expect(doseButton(organiser, LEVODOPA, parisMarch('2026-03-11', '07:00'))).to.exist;
    before.remove();
  });
});
