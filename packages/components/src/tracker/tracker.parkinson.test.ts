import { sendKeys } from '@web/test-runner-commands';
import { createLocalDataSource, motorDayRange } from '@carnet/catalog-sdk';
import { deleteTestDatabases, uniqueDbName } from '../test-helpers/databases.js';
import { deepActiveElement, PATIENCE } from '../test-helpers/dialog-contract.js';
import { expect, waitUntil } from '../test-helpers/fixture.js';
import { KeyPresses } from '../test-helpers/key-presses.js';
import { byRole, click } from '../test-helpers/person.js';
import type { CarnetTracker } from './tracker.js';
import { part, text } from './test-helpers/glucose-entry.js';
import {
  chooseState,
  dayFromToday,
  dayHeading,
  mountDiary,
  seedLevodopa,
  slot,
  slotName,
  slotStart,
  tapSlot,
  waitForDay,
  withFailingWrites,
} from './test-helpers/motor-diary.js';
import '../provider/provider.js';
import './tracker.js';

const longDay = (day: Date, locale = 'fr'): string =>
  new Intl.DateTimeFormat(locale, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }).format(day);

async function previousDay(tracker: CarnetTracker, expected: Date): Promise<void> {
  await click(byRole(tracker, 'button', 'Jour précédent'));
  await waitForDay(tracker, longDay(expected));
}

function statusText(tracker: CarnetTracker): string {
  return text(tracker.shadowRoot?.querySelector('[role="status"][aria-live]'));
}

async function recordOf(dbName: string, from: Date, to: Date): Promise<string[]> {
  const record = createLocalDataSource({ dbName });
  const entries = await record.trackers.list('motorState', {
    from: motorDayRange(from).from,
    to: motorDayRange(to).to,
  });
  record.close();
  return entries.map((entry) => `${entry.at}|${entry.state}`);
}

describe('<carnet-tracker> Parkinson motor diary (on-device record)', () => {
  afterEach(deleteTestDatabases);

  it('a week entered through the diary, one tap per slot, is in the slots, the day table, the week summary and the record, against the dose times', async () => {
    const dbName = uniqueDbName('tracker-parkinson-week');
    await seedLevodopa(dbName);
    const tracker = await mountDiary({ dbName });
    expect(text(tracker.shadowRoot?.querySelector('h2'))).to.equal('Mon journal moteur');
    expect(dayHeading(tracker)).to.equal(longDay(dayFromToday(0)));
    // Today is the last day: « Jour suivant » goes nowhere.
    expect(byRole(tracker, 'button', 'Jour suivant').getAttribute('aria-disabled')).to.equal('true');
    // The pill organiser's doses are marked on their slots, with the medicine's name.
    const today = dayFromToday(0);
    expect(slotName(tracker, slotStart(today, 7, 0))).to.equal(
      '7 h 00 – 7 h 30 : non noté, prise prévue à 7 h 00 : Lévodopa/Carbidopa 100 mg/25 mg (1 comprimé)',
    );
    expect(text(slot(tracker, slotStart(today, 11, 0)).querySelector('[part="slot-dose"]'))).to.equal(
      'Prise Lévodopa/Carbidopa 100 mg/25 mg',
    );
    expect(text(part(tracker, '[part="doses"]'))).to.contain('7 h 00 Lévodopa/Carbidopa 100 mg/25 mg (1 comprimé)');
    await expect(tracker).to.be.accessible();

    // Day d (0 = today, 6 = six days ago): off from 7 h 00 for d + 1 half-hours, on at 11 h 00,
    // on with dyskinesia at 12 h 00.
    for (let back = 0; back < 7; back += 1) {
      const day = dayFromToday(-back);
      if (back > 0) await previousDay(tracker, day);
      await chooseState(tracker, 'off');
      for (let i = 0; i <= back; i += 1) await tapSlot(tracker, slotStart(day, 7, i * 30), / : off(,|$)/);
      await chooseState(tracker, 'on');
      await tapSlot(tracker, slotStart(day, 11, 0), / : on,/);
      await chooseState(tracker, 'on-dyskinesia');
      await tapSlot(tracker, slotStart(day, 12, 0), / : on avec dyskinésies$/);
    }

    // Six days ago, as the neurologist reads it: 3 h 30 off from 7 h 00, the 7 h 00 dose inside it.
    const first = dayFromToday(-6);
    expect(slotName(tracker, slotStart(first, 7, 0))).to.equal(
      '7 h 00 – 7 h 30 : off, prise prévue à 7 h 00 : Lévodopa/Carbidopa 100 mg/25 mg (1 comprimé)',
    );
    expect(slotName(tracker, slotStart(first, 10, 0))).to.equal('10 h 00 – 10 h 30 : off');
    expect(slotName(tracker, slotStart(first, 10, 30))).to.equal('10 h 30 – 11 h 00 : non noté');
    expect(text(slot(tracker, slotStart(first, 12, 0)))).to.contain('on avec dyskinésies');
    expect(text(part(tracker, '[part="day-summary"]'))).to.equal(
      'Off : 3 h 30 en une période (7 h 00 – 10 h 30). Dyskinésies : 30 min. Noté : 4 h 30.',
    );
    await click(byRole(tracker, 'button', 'Afficher le tableau du jour'));
    await waitUntil(() => tracker.shadowRoot?.querySelector('[part="table"]'), 'day table shown', PATIENCE);
    const rows = [...part<HTMLTableElement>(tracker, '[part="table"]').tBodies[0]!.rows].map((row) => text(row));
    expect(rows[0]).to.equal('7 h 00 – 7 h 30 off 7 h 00 Lévodopa/Carbidopa 100 mg/25 mg (1 comprimé)');
    expect(rows).to.include('12 h 00 – 12 h 30 on avec dyskinésies —');
    expect(rows.filter((row) => / off /.test(row))).to.have.length(7);
    // Back to today, read again from the record: the week's off time per day, 3 h 30 six days ago to 30 min today.
    for (let back = 5; back >= 0; back -= 1) {
      await click(byRole(tracker, 'button', 'Jour suivant'));
      await waitForDay(tracker, longDay(dayFromToday(-back)));
    }
    const week = [...part<HTMLTableElement>(tracker, '[part="week-table"]').tBodies[0]!.rows].map(
      (row) => row.cells[1]?.textContent?.trim() ?? '',
    );
    expect(week).to.deep.equal(['3 h 30', '3 h', '2 h 30', '2 h', '1 h 30', '1 h', '30 min']);
    await expect(tracker).to.be.accessible();

    // In the record: 7 days × (off slots + 2), at the half-hours tapped.
    await waitUntil(
      async () => (await recordOf(dbName, dayFromToday(-6), dayFromToday(0))).length === 28 + 14,
      'every tap saved',
      PATIENCE,
    );
    const saved = await recordOf(dbName, dayFromToday(-6), dayFromToday(0));
    expect(saved).to.include(`${slotStart(first, 10, 0)}|off`);
    expect(saved).to.include(`${slotStart(dayFromToday(0), 12, 0)}|on-dyskinesia`);
  });

  it('a second tap on a slot changes nothing; Undo brings back what each slot held, and says so', async () => {
    const dbName = uniqueDbName('tracker-parkinson-undo');
    const tracker = await mountDiary({ dbName });
    const yesterday = dayFromToday(-1);
    await previousDay(tracker, yesterday);
    const ten = slotStart(yesterday, 10, 0);
    const undo = byRole(tracker, 'button', 'Annuler la dernière modification');
    expect(undo.getAttribute('aria-disabled')).to.equal('true');
    await chooseState(tracker, 'off');
    await tapSlot(tracker, ten, / : off$/);
    await waitUntil(() => statusText(tracker) === '10 h 00 – 10 h 30 : off.', 'change said', PATIENCE);
    // A tremor's second tap: still off, nothing more to undo than the one change.
    await click(slot(tracker, ten));
    await chooseState(tracker, 'on');
    await tapSlot(tracker, ten, / : on$/);
    await click(undo);
    await waitUntil(() => slotName(tracker, ten) === '10 h 00 – 10 h 30 : off', 'back to off', PATIENCE);
    await waitUntil(
      () => statusText(tracker) === 'Modification annulée. 10 h 00 – 10 h 30 : off.',
      'undo said',
      PATIENCE,
    );
    // Focus stays on Undo (aria-disabled, never disabled) so the next press can go on undoing.
    expect(deepActiveElement()).to.equal(undo);
    await click(undo);
    await waitUntil(() => slotName(tracker, ten) === '10 h 00 – 10 h 30 : non noté', 'back to nothing', PATIENCE);
    expect(undo.getAttribute('aria-disabled')).to.equal('true');
    await click(undo);
    expect(slotName(tracker, ten)).to.equal('10 h 00 – 10 h 30 : non noté');
    await waitUntil(async () => (await recordOf(dbName, yesterday, yesterday)).length === 0, 'slot cleared', PATIENCE);
    // « Effacer » clears a slot, and Undo puts its state back.
    await chooseState(tracker, 'asleep');
    await tapSlot(tracker, ten, / : endormi$/);
    await chooseState(tracker, 'clear');
    await tapSlot(tracker, ten, / : non noté$/);
    await click(undo);
    await waitUntil(() => slotName(tracker, ten) === '10 h 00 – 10 h 30 : endormi', 'asleep again', PATIENCE);
    await waitUntil(
      async () => (await recordOf(dbName, yesterday, yesterday)).join() === `${ten}|asleep`,
      'asleep saved',
      PATIENCE,
    );
  });

  it('keyboard only: Tab to the picker, a state with Enter, one Tab into the slots, arrows, Enter per slot', async () => {
    const dbName = uniqueDbName('tracker-parkinson-keys');
    const tracker = await mountDiary({ dbName });
    const keys = new KeyPresses();
    const focused = (): Element | null => deepActiveElement();
    // Previous day by keyboard: its slots start on 8 h 00.
    await keys.tabUntil((element) => element?.getAttribute('part') === 'previous-day');
    await keys.press('Enter');
    const yesterday = dayFromToday(-1);
    await waitForDay(tracker, longDay(yesterday));
    await keys.tabUntil((element) => element?.getAttribute('data-brush') === 'off');
    await keys.press('Enter');
    expect(part(tracker, '[data-brush="off"]').getAttribute('aria-pressed')).to.equal('true');
    const before = keys.count;
    await keys.tabUntil((element) => element?.getAttribute('part') === 'slot');
    // The picker's other states, Undo and the table button, then the slots: one Tab stop.
    expect(keys.count - before).to.equal(7);
    expect(focused()?.getAttribute('data-roving-key')).to.equal(slotStart(yesterday, 8, 0));
    await keys.press('Enter');
    await keys.press('ArrowRight');
    await keys.press('Enter');
    expect(focused()?.getAttribute('data-roving-key')).to.equal(slotStart(yesterday, 8, 30));
    await waitUntil(() => slotName(tracker, slotStart(yesterday, 8, 30)) === '8 h 30 – 9 h 00 : off', 'off', PATIENCE);
    expect(slotName(tracker, slotStart(yesterday, 8, 0))).to.equal('8 h 00 – 8 h 30 : off');
    // Down: an hour later; Home and End: the first and last half-hours.
    await keys.press('ArrowDown');
    expect(focused()?.getAttribute('data-roving-key')).to.equal(slotStart(yesterday, 9, 30));
    await keys.press('End');
    expect(focused()?.getAttribute('data-roving-key')).to.equal(slotStart(yesterday, 23, 30));
    await keys.press(' ');
    await waitUntil(
      () => slotName(tracker, slotStart(yesterday, 23, 30)) === '23 h 30 – 0 h 00 : off',
      'off',
      PATIENCE,
    );
    // Undo by keyboard: Shift+Tab twice (the table button, then Undo).
    await sendKeys({ down: 'Shift' });
    await keys.press('Tab');
    await keys.press('Tab');
    await sendKeys({ up: 'Shift' });
    expect(focused()?.getAttribute('part')).to.equal('undo');
    await keys.press('Enter');
    await waitUntil(
      () => slotName(tracker, slotStart(yesterday, 23, 30)) === '23 h 30 – 0 h 00 : non noté',
      'undone',
      PATIENCE,
    );
    await waitUntil(
      async () => (await recordOf(dbName, yesterday, yesterday)).length === 2,
      'two slots saved',
      PATIENCE,
    );
    await expect(tracker).to.be.accessible();
  });

  it('in English: states, times and the week table', async () => {
    const dbName = uniqueDbName('tracker-parkinson-en');
    await seedLevodopa(dbName);
    const tracker = await mountDiary({ dbName, locale: 'en' });
    await waitUntil(() => text(tracker.shadowRoot?.querySelector('h2')) === 'My motor diary', 'English', PATIENCE);
    const yesterday = dayFromToday(-1);
    await click(byRole(tracker, 'button', 'Previous day'));
    await waitForDay(tracker, longDay(yesterday, 'en'));
    await click(part(tracker, '[data-brush="on-dyskinesia"]'));
    expect(text(part(tracker, '[data-brush="on-dyskinesia"]'))).to.equal(
      'On with dyskinesia troublesome involuntary movements',
    );
    const seven = slotStart(yesterday, 7, 0);
    await tapSlot(tracker, seven, /: on with dyskinesia,/);
    expect(slotName(tracker, seven)).to.equal(
      '7:00 AM – 7:30 AM: on with dyskinesia, dose due at 7:00 AM: Lévodopa/Carbidopa 100 mg/25 mg (1 comprimé)',
    );
    expect(text(part(tracker, '[part="day-summary"]'))).to.equal('No off period. Dyskinesia: 30 min. Noted: 30 min.');
    expect(text(part(tracker, '[part="week-table"] caption'))).to.equal('The last 7 days');
    await expect(tracker).to.be.accessible();
  });

  it('a slot that cannot be saved is said as an alert, and the diary shows what the record holds', async () => {
    const dbName = uniqueDbName('tracker-parkinson-fault');
    const real = createLocalDataSource({ dbName });
    const faulty = withFailingWrites(real);
    const tracker = await mountDiary({ source: faulty.source });
    const nine = slotStart(dayFromToday(0), 9, 0);
    await chooseState(tracker, 'off');
    faulty.failing = true;
    await click(slot(tracker, nine));
    await waitUntil(() => tracker.shadowRoot?.querySelector('[part="save-error"]'), 'fault said', PATIENCE);
    const alert = part(tracker, '[part="save-error"]');
    expect(alert.getAttribute('role')).to.equal('alert');
    expect(text(alert)).to.equal(
      "Un créneau n'a pas pu être enregistré : le journal montre ce qui est enregistré. Réessayez.",
    );
    await waitUntil(() => slotName(tracker, nine) === '9 h 00 – 9 h 30 : non noté', 'record shown', PATIENCE);
    expect(tracker.shadowRoot?.textContent).not.to.contain('détail-interne-7f3a');
    expect(byRole(tracker, 'button', 'Annuler la dernière modification').getAttribute('aria-disabled')).to.equal(
      'true',
    );
    await expect(tracker).to.be.accessible();
    faulty.failing = false;
    await tapSlot(tracker, nine, / : off$/);
    expect(tracker.shadowRoot?.querySelector('[part="save-error"]')).to.equal(null);
    await waitUntil(
      async () => (await recordOf(dbName, dayFromToday(0), dayFromToday(0))).length === 1,
      'saved',
      PATIENCE,
    );
    real.close();
  });
});
