// <carnet-reminders> remembers « Compris » and « Plus tard » over a reload and shares them with the
// site's other tabs. A « reload » is the element mounted again on the same record in the same tab
// (same sessionStorage); the « other tab » is a second provider on the same record, whose element
// listens on its own BroadcastChannel, as another tab's would. Real IndexedDB, real keys and clicks.
import { sendKeys } from '@web/test-runner-commands';
import { fixtureCleanup } from '@open-wc/testing';
import { deleteTestDatabases, uniqueDbName } from '../test-helpers/databases.js';
import { expect, waitUntil } from '../test-helpers/fixture.js';
import { realClick } from '../test-helpers/platform.js';
import { readAction } from './reminder-memory.js';
import { MORNING, clockAt, mountReminders, notices, part, seedRecord, text } from './test-helpers/reminder-fixtures.js';
import type { CarnetReminders } from './reminders.js';

const MINUTE = 60_000;
/** 08:10 in Paris on 11 March 2026: the 09:00 consultation's reminder and the renewal ring. */
const BEFORE_CONSULTATION = new Date('2026-03-11T07:10:00Z');

function kinds(reminders: CarnetReminders): string[] {
  return notices(reminders)
    .map((notice) => (notice.getAttribute('part') ?? '').split(' ').find((name) => name.startsWith('notice-')) ?? '')
    .sort();
}

async function putAwayTheAppointment(reminders: CarnetReminders): Promise<void> {
  const event = notices(reminders).find((notice) => notice.matches('[part~="notice-event"]'));
  const dismiss = event?.querySelector<HTMLButtonElement>('[part="dismiss-button"]');
  if (!dismiss) throw new Error('no « Compris » on the appointment reminder');
  dismiss.focus();
  await sendKeys({ press: 'Enter' });
  await waitUntil(() => !kinds(reminders).includes('notice-event'), 'put away');
}

describe('<carnet-reminders> remembers what the patient did, over a reload and across tabs', () => {
  afterEach(async () => {
    fixtureCleanup();
    sessionStorage.clear();
    await deleteTestDatabases();
  });

  it('« Compris » holds after a reload: the appointment does not ring again, the renewal still does', async () => {
    const dbName = uniqueDbName('reminders-reload-dismiss');
    await seedRecord(dbName, { renewalDate: '2026-03-18', appointment: {} });
    const first = await mountReminders(dbName, BEFORE_CONSULTATION);
    expect(kinds(first.reminders)).to.deep.equal(['notice-dose', 'notice-event', 'notice-treatment']);
    await putAwayTheAppointment(first.reminders);

    fixtureCleanup();
    const again = await mountReminders(dbName, new Date(BEFORE_CONSULTATION.getTime() + 5 * MINUTE));
    expect(kinds(again.reminders)).to.deep.equal(['notice-dose', 'notice-treatment']);
    // What the tab keeps names no medicine and no appointment.
    const stored = sessionStorage.getItem('carnet:reminders') ?? '';
    expect(stored).to.not.contain('Consultation');
    expect(stored).to.not.contain('Lévodopa');
  });

  it('« Plus tard » holds after a reload until its time, then the dose rings again', async () => {
    const dbName = uniqueDbName('reminders-reload-snooze');
    await seedRecord(dbName);
    const first = await mountReminders(dbName, MORNING);
    await realClick(part(first.reminders, '[part="snooze-button"]'));
    await waitUntil(() => notices(first.reminders).length === 0, 'put off');

    fixtureCleanup();
    const again = await mountReminders(dbName, new Date(MORNING.getTime() + 5 * MINUTE));
    expect(notices(again.reminders)).to.have.length(0);
    expect(again.reminders.matches(':state(empty)')).to.equal(true);
    again.reminders.clock = clockAt(MORNING.getTime() + 10 * MINUTE);
    await again.reminders.updateComplete;
    expect(kinds(again.reminders)).to.deep.equal(['notice-dose']);
  });

  it('another tab: « Compris » and « Plus tard » there stop the reminder here too', async () => {
    const dbName = uniqueDbName('reminders-tabs');
    await seedRecord(dbName, { renewalDate: '2026-03-18', appointment: {} });
    const here = await mountReminders(dbName, BEFORE_CONSULTATION);
    const there = await mountReminders(dbName, BEFORE_CONSULTATION);
    expect(kinds(here.reminders)).to.deep.equal(['notice-dose', 'notice-event', 'notice-treatment']);

    await putAwayTheAppointment(there.reminders);
    await waitUntil(() => !kinds(here.reminders).includes('notice-event'), 'put away here too');

    const dose = notices(there.reminders).find((notice) => notice.matches('[part~="notice-dose"]'));
    await realClick(dose?.querySelector('[part="snooze-button"]') as HTMLElement);
    await waitUntil(() => !kinds(here.reminders).includes('notice-dose'), 'put off here too');
    expect(kinds(here.reminders)).to.deep.equal(['notice-treatment']);
  });

  it('another tab: « Pris » there records the dose once, and it stops ringing here', async () => {
    const dbName = uniqueDbName('reminders-tabs-taken');
    await seedRecord(dbName);
    const here = await mountReminders(dbName, MORNING);
    const there = await mountReminders(dbName, MORNING);
    await realClick(part(there.reminders, '[part="taken-button"]'));
    await waitUntil(() => notices(here.reminders).length === 0, 'stops ringing here');
    expect(text(part(here.reminders, '[part="empty"]'))).to.contain('Aucun rappel');
  });

  it('ignores malformed messages and storage', async () => {
    expect(readAction({ type: 'dismissed', key: 'a@b', at: 5 })).to.deep.equal({
      type: 'dismissed',
      key: 'a@b',
      at: 5,
    });
    expect(readAction({ type: 'dismissed', key: 'a@b' })).to.equal(undefined);
    expect(readAction({ type: 'snoozed', key: '', until: 5 })).to.equal(undefined);
    expect(readAction({ type: 'rm', key: 'x' })).to.equal(undefined);
    expect(readAction('dismissed')).to.equal(undefined);
    sessionStorage.setItem('carnet:reminders', '{not json');
    const dbName = uniqueDbName('reminders-bad-storage');
    await seedRecord(dbName);
    const { reminders } = await mountReminders(dbName, MORNING);
    expect(kinds(reminders)).to.deep.equal(['notice-dose']);
  });
});
