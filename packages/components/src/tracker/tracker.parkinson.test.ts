import { createLocalDataSource, motorDayRange, type DataSource } from '@carnet/catalog-sdk';
import { deleteTestDatabases, uniqueDbName } from '../test-helpers/databases.js';
import { deepActiveElement, PATIENCE } from '../test-helpers/dialog-contract.js';
import { expect, waitUntil } from '../test-helpers/fixture.js';
import { KeyPresses } from '../test-helpers/key-presses.js';
import { byRole, click } from '../test-helpers/person.js';
import { faultySource, HIDDEN_DETAIL } from '../test-helpers/states-contract.js';
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
});
