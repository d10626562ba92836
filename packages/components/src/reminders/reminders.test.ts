// <carnet-reminders> in local mode: a real IndexedDB record, the real pill organiser beside it,
// real keys and clicks, the browser's own notification permission (set as in its site settings).
// The clock is injected only to choose « now »: no test waits for time to pass.
import { sendKeys } from '@web/test-runner-commands';
import { executeServerCommand } from '@web/test-runner-commands';
import { deleteTestDatabases, uniqueDbName } from '../test-helpers/databases.js';
import { expect, oneEvent, waitUntil } from '../test-helpers/fixture.js';
import { realClick } from '../test-helpers/platform.js';
import type { CarnetIntakeChangeEvent } from '../events/carnet-intake-change.js';
import {
  DOSE_AT,
  MORNING,
  clockAt,
  mountReminders,
  notices,
  part,
  seedRecord,
  storedIntakes,
  text,
} from './test-helpers/reminder-fixtures.js';
import type { CarnetReminders } from './reminders.js';

const MINUTE = 60_000;

function announced(reminders: CarnetReminders): string {
  return text(reminders.shadowRoot?.querySelector('[role="status"][aria-live]'));
}

function doseNotice(reminders: CarnetReminders): HTMLElement {
  const found = notices(reminders).find((notice) => notice.matches('[part~="notice-dose"]'));
  if (!found) throw new Error('no dose notice');
  return found;
}

/** Name of an element from aria-labelledby, as a screen reader reads it. */
function labelledName(element: HTMLElement): string {
  const ids = (element.getAttribute('aria-labelledby') ?? '').split(/\s+/);
  const root = element.getRootNode() as ShadowRoot;
  return ids.map((id) => text(root.getElementById(id))).join(' ');
}

describe('<carnet-reminders> reminders that ring in the page', () => {
  afterEach(async () => {
    await deleteTestDatabases();
  });

  it('shows a dose due now with its medicine, dose and time, and says it once', async () => {
    const dbName = uniqueDbName('reminders-dose');
    await seedRecord(dbName);
    const { reminders } = await mountReminders(dbName, MORNING);
    const notice = doseNotice(reminders);
    expect(text(notice.querySelector('.notice-text'))).to.equal(
      'Prise de 08:00 : Lévodopa/Carbidopa 100 mg/25 mg, 1 comprimé',
    );
    expect(notice.localName).to.equal('article');
    expect(labelledName(notice)).to.equal(
      'Médicament à prendre Prise de 08:00 : Lévodopa/Carbidopa 100 mg/25 mg, 1 comprimé',
    );
    expect(reminders.matches(':state(ready)')).to.equal(true);
    await waitUntil(() => announced(reminders) !== '', 'announced');
    expect(announced(reminders)).to.equal('Rappel : Prise de 08:00 : Lévodopa/Carbidopa 100 mg/25 mg, 1 comprimé.');
    // Looking again at the same minute says nothing new.
    reminders.clock = clockAt(MORNING.getTime() + 30_000);
    await reminders.updateComplete;
    expect(announced(reminders)).to.contain('Prise de 08:00');
    expect(reminders.shadowRoot?.querySelectorAll('[role="status"][aria-live], [role="alert"]').length).to.equal(1);
    await expect(reminders).to.be.accessible();
  });

  it('« Pris » by keyboard records the intake as the organiser does; the organiser shows it taken', async () => {
    const dbName = uniqueDbName('reminders-taken');
    const { plan } = await seedRecord(dbName);
    const { reminders, organiser } = await mountReminders(dbName, MORNING);
    const key = `${plan.id}@${DOSE_AT}`;
    const organiserDose = (): HTMLElement | null | undefined =>
      organiser.shadowRoot?.querySelector<HTMLElement>(`.week-table button[data-dose-key="${key}"]`);
    expect(organiserDose()?.dataset['state']).to.not.equal('taken');
    const taken = part<HTMLButtonElement>(reminders, '[part="taken-button"]');
    expect(text(taken)).to.equal('Pris');
    // Tabbing to it, a screen reader says which dose: its description is the notice's sentence.
    const description = reminders.shadowRoot?.getElementById(taken.getAttribute('aria-describedby') ?? '');
    expect(text(description)).to.equal('Prise de 08:00 : Lévodopa/Carbidopa 100 mg/25 mg, 1 comprimé');
    const changed = oneEvent(reminders, 'carnet-intake-change');
    taken.focus();
    await sendKeys({ press: 'Enter' });
    const event: CarnetIntakeChangeEvent = await changed;
    expect(event.detail).to.deep.equal({ planId: plan.id, scheduledAt: DOSE_AT, status: 'taken' });
    await waitUntil(() => notices(reminders).length === 0, 'the notice goes away');
    await waitUntil(() => organiserDose()?.dataset['state'] === 'taken', 'the organiser shows the dose taken');
    const intakes = (await storedIntakes(dbName)).filter((i) => i.planId === plan.id);
    expect(intakes.map((i) => [i.scheduledAt, i.status, i.takenAt])).to.deep.equal([
      [DOSE_AT, 'taken', MORNING.toISOString()],
    ]);
    await waitUntil(() => announced(reminders) === 'Prise enregistrée.', 'said');
    // Focus does not fall to the page: it goes to the heading of the reminders.
    expect(reminders.shadowRoot?.activeElement?.id).to.equal('reminders-title');
    expect(reminders.matches(':state(empty)')).to.equal(true);
  });

  it('« Plus tard » puts the dose off for the minutes it states, then it rings again', async () => {
    const dbName = uniqueDbName('reminders-snooze');
    await seedRecord(dbName);
    const { reminders } = await mountReminders(dbName, MORNING);
    const later = part<HTMLButtonElement>(reminders, '[part="snooze-button"]');
    expect(text(later)).to.equal('Plus tard (dans 10 min)');
    await realClick(later);
    await waitUntil(() => notices(reminders).length === 0, 'put off');
    await waitUntil(() => announced(reminders) === 'Rappel reporté à 08:15.', 'says when it comes back');
    reminders.clock = clockAt(MORNING.getTime() + 9 * MINUTE);
    await reminders.updateComplete;
    expect(notices(reminders)).to.have.length(0);
    reminders.clock = clockAt(MORNING.getTime() + 10 * MINUTE);
    await reminders.updateComplete;
    expect(text(doseNotice(reminders).querySelector('.notice-text'))).to.contain('Prise de 08:00');
    await waitUntil(() => announced(reminders).startsWith('Rappel : Prise de 08:00'), 'rings again');
    expect((await storedIntakes(dbName)).length).to.equal(0);
  });

  it('looks at the clock again when the page gets focus back (a device that slept)', async () => {
    const dbName = uniqueDbName('reminders-focus');
    await seedRecord(dbName);
    let now = MORNING.getTime() - 10 * MINUTE; // 07:55 in Paris: nothing yet
    const { reminders } = await mountReminders(dbName, new Date(now));
    reminders.clock = () => new Date(now);
    await reminders.updateComplete;
    expect(notices(reminders)).to.have.length(0);
    expect(reminders.matches(':state(empty)')).to.equal(true);
    now = MORNING.getTime();
    window.dispatchEvent(new Event('focus'));
    await waitUntil(() => notices(reminders).length === 1, 'the 08:00 dose rings');
  });

  it('a dose recorded in the organiser stops ringing here', async () => {
    const dbName = uniqueDbName('reminders-organiser');
    const { plan } = await seedRecord(dbName);
    const { reminders, organiser } = await mountReminders(dbName, MORNING);
    expect(notices(reminders)).to.have.length(1);
    const button = organiser.shadowRoot?.querySelector<HTMLButtonElement>(
      `.week-table button[data-dose-key="${plan.id}@${DOSE_AT}"]`,
    );
    button?.click();
    // The dose dialog's code loads on the first press.
    await waitUntil(
      () => organiser.shadowRoot?.querySelector<HTMLButtonElement>('button[part="take-now"]'),
      'the dose dialog opens',
    );
    organiser.shadowRoot?.querySelector<HTMLButtonElement>('button[part="take-now"]')?.click();
    await waitUntil(() => notices(reminders).length === 0, 'the reminder stops');
  });

  it('shows a renewal reminder and an appointment reminder; « Compris » puts each away', async () => {
    const dbName = uniqueDbName('reminders-others');
    await seedRecord(dbName, { renewalDate: '2026-03-18', appointment: {} });
    // 08:10 in Paris: an hour before the 09:00 consultation is past, the morning dose too.
    const { reminders } = await mountReminders(dbName, new Date('2026-03-11T07:10:00Z'));
    const texts = notices(reminders).map((notice) => text(notice.querySelector('.notice-text')));
    expect(texts).to.include('Consultation neurologie — Rendez-vous le 11 mars 2026 à 09:00');
    expect(texts).to.include(
      "Renouveler l'ordonnance de Lévodopa/Carbidopa 100 mg/25 mg, comprimé avant le 18 mars 2026",
    );
    const event = notices(reminders).find((notice) => notice.matches('[part~="notice-event"]'));
    const dismiss = event?.querySelector<HTMLButtonElement>('[part="dismiss-button"]');
    expect(text(dismiss)).to.equal('Compris');
    dismiss?.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => !notices(reminders).some((notice) => notice.matches('[part~="notice-event"]')), 'put away');
    // Focus moves on to the next reminder rather than to the page.
    expect(reminders.shadowRoot?.activeElement?.localName).to.equal('button');
    await expect(reminders).to.be.accessible();
  });

  it('in English', async () => {
    const dbName = uniqueDbName('reminders-en');
    await seedRecord(dbName);
    const { reminders } = await mountReminders(dbName, MORNING, { locale: 'en' });
    await waitUntil(() => text(part(reminders, '.title')) === 'Reminders', 'English');
    expect(text(doseNotice(reminders).querySelector('.notice-text'))).to.equal(
      'Dose at 08:00 AM: Lévodopa/Carbidopa 100 mg/25 mg, 1 comprimé',
    );
    expect(text(part(reminders, '[part="taken-button"]'))).to.equal('Taken');
    expect(text(part(reminders, '[part="snooze-button"]'))).to.equal('Later (in 10 min)');
  });

  describe('system notifications', () => {
    const shown: { title: string; options: NotificationOptions | undefined }[] = [];
    const RealNotification = window.Notification;

    before(() => {
      // The real constructor, observed: what the page asks the system to show.
      class ObservedNotification extends RealNotification {
        constructor(title: string, options?: NotificationOptions) {
          super(title, options);
          shown.push({ title, options });
        }
      }
      window.Notification = ObservedNotification as typeof Notification;
    });

    afterEach(async () => {
      shown.length = 0;
      await executeServerCommand('carnet-notification-permission', { state: 'prompt' });
    });

    after(() => {
      window.Notification = RealNotification;
    });

    it('allowed: a notification with the time only, the medicine once the patient chooses it', async () => {
      await executeServerCommand('carnet-notification-permission', { state: 'granted' });
      const dbName = uniqueDbName('reminders-notify');
      await seedRecord(dbName);
      const { reminders } = await mountReminders(dbName, MORNING);
      await waitUntil(() => shown.length === 1, 'a system notification');
      expect(shown[0]?.title).to.equal('Rappel Carnet : prise de 08:00');
      expect(shown[0]?.options?.body).to.equal(undefined);
      expect(text(part(reminders, '[part="notifications"]'))).to.contain('aussi en notification');
      const details = part<HTMLInputElement>(reminders, '[part="notification-details"]');
      await realClick(details);
      expect(reminders.notificationDetails).to.equal(true);
      await realClick(part(reminders, '[part="snooze-button"]'));
      reminders.clock = clockAt(MORNING.getTime() + 10 * MINUTE);
      await waitUntil(() => shown.length === 2, 'notified again after « Plus tard »');
      expect(shown[1]?.title).to.equal('Rappel Carnet : prise de 08:00');
      expect(shown[1]?.options?.body).to.equal('Prise de 08:00 : Lévodopa/Carbidopa 100 mg/25 mg, 1\u00a0comprimé');
    });

    it('blocked in the browser: says so plainly, and the in-page notice still rings', async () => {
      await executeServerCommand('carnet-notification-permission', { state: 'denied' });
      const dbName = uniqueDbName('reminders-denied');
      await seedRecord(dbName);
      const { reminders } = await mountReminders(dbName, MORNING);
      expect(text(part(reminders, '[part="notifications"]'))).to.equal(
        'Les notifications sont bloquées pour ce site dans les réglages du navigateur : les rappels s’affichent ici, tant que la page est ouverte.',
      );
      expect(notices(reminders)).to.have.length(1);
      expect(shown).to.have.length(0);
    });

    it('not yet asked: one button asks, from the patient’s click', async () => {
      const dbName = uniqueDbName('reminders-ask');
      await seedRecord(dbName);
      const { reminders } = await mountReminders(dbName, MORNING);
      const ask = part<HTMLButtonElement>(reminders, '[part="notifications-button"]');
      expect(text(ask)).to.equal('Recevoir les rappels sur cet appareil');
      expect(shown).to.have.length(0);
      // The browser answers for the person (as if they chose « Autoriser » in its prompt).
      await executeServerCommand('carnet-notification-permission', { state: 'granted' });
      await realClick(ask);
      await waitUntil(() => reminders.shadowRoot?.querySelector('[part="notification-details"]'), 'allowed');
    });
  });
});
