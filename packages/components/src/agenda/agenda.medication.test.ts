import { createLocalDataSource } from '@carnet/catalog-sdk';
import type { NewMedicationPlan } from '@carnet/catalog-sdk';
import { deleteTestDatabases, uniqueDbName } from '../test-helpers/databases.js';
import { expect } from '../test-helpers/fixture.js';
import { scheduledDoses, zonedToInstant } from '@carnet/catalog-sdk';
import type { CarnetAgenda } from './agenda.js';
import {
  agendaEvent,
  agendaInProvider,
  cellLabel,
  part,
  parts,
  seedAgenda,
  text,
} from './test-helpers/agenda-fixtures.js';

const sevelamer: NewMedicationPlan = {
  medication: { display: 'Sevelamer 800 mg, comprimé' },
  dose: 2,
  doseUnit: 'comprimé',
  slots: [{ time: '08:00' }, { time: '20:00' }],
  start: '2026-11-01',
  renewalDate: '2026-11-27',
  stock: { dispensed: 180, unit: 'comprimé', dispensedOn: '2026-11-01' },
};

async function toggleMedication(agenda: CarnetAgenda): Promise<void> {
  part<HTMLInputElement>(agenda, '[part="medication-toggle"] input').click();
  await agenda.updateComplete;
}

describe('<carnet-agenda> medication and reminders', () => {
  afterEach(deleteTestDatabases);

  it('offers no medication toggle when there is no plan', async () => {
    const dbName = uniqueDbName('med-none');
    await seedAgenda(dbName, [
      agendaEvent({ title: 'Néphrologue', start: '2026-11-24T14:00:00', end: '2026-11-24T14:30:00' }),
    ]);
    const { agenda } = await agendaInProvider(dbName, { view: 'week' });
    expect(agenda.shadowRoot?.querySelector('[part="medication-toggle"]')).to.equal(null);
    expect(parts(agenda, '[part="dose"]')).to.have.length(0);
  });

  it('shows the doses of the pill organiser with what was recorded, behind « Afficher les prises de médicaments »', async () => {
    const dbName = uniqueDbName('med-doses');
    const { plans } = await seedAgenda(dbName, [], [sevelamer]);
    const plan = plans[0];
    const source = createLocalDataSource({ dbName });
    await source.medications.recordIntake({
      planId: plan?.id ?? '',
      scheduledAt: '2026-11-23T07:00:00.000Z',
      status: 'taken',
      takenAt: '2026-11-23T07:40:00.000Z',
    });
    source.close();
    const { agenda } = await agendaInProvider(dbName, { view: 'week' });
    const toggle = part<HTMLInputElement>(agenda, '[part="medication-toggle"] input');
    expect(text(part(agenda, '[part="medication-toggle"]'))).to.equal('Afficher les prises de médicaments');
    expect(toggle.checked).to.equal(false);
    expect(parts(agenda, '[part="dose"]')).to.have.length(0);

    await toggleMedication(agenda);
    expect(agenda.showMedication).to.equal(true);
    const monday = parts(agenda, '[part~="week-day"]')[0] as HTMLElement;
    const doses = [...monday.querySelectorAll('[part="dose"]')].map((dose) => text(dose));
    expect(doses).to.deep.equal([
      '08:00 Sevelamer 800 mg, comprimé 2 comprimés tous les jours à 08:00 et 20:00 prise',
      '20:00 Sevelamer 800 mg, comprimé 2 comprimés tous les jours à 08:00 et 20:00 non renseignée',
    ]);
    // The same doses as the organiser: the SDK's schedule over the week shown.
    const week = {
      start: zonedToInstant('2026-11-23T00:00:00', 'Europe/Paris'),
      end: zonedToInstant('2026-11-30T00:00:00', 'Europe/Paris'),
    };
    expect(parts(agenda, '[part="dose"]')).to.have.length(scheduledDoses(plans, week).length);
    await expect(agenda).to.be.accessible();

    part<HTMLButtonElement>(agenda, '[data-view="month"]').click();
    await agenda.updateComplete;
    expect(cellLabel(agenda, '2026-11-24')).to.contain('2 prises de médicaments');
    await toggleMedication(agenda);
    expect(cellLabel(agenda, '2026-11-24')).not.to.contain('prises');
  });

  it('derives the prescription renewal from the plan, in the calendar and among the reminders', async () => {
    const dbName = uniqueDbName('med-renewal');
    await seedAgenda(dbName, [], [sevelamer]);
    const { agenda } = await agendaInProvider(dbName, { view: 'week' });
    const friday = parts(agenda, '[part~="week-day"]')[4] as HTMLElement;
    expect(text(friday.querySelector('[part="renewal"]'))).to.equal(
      "Toute la journée Renouvellement d'ordonnance : Sevelamer 800 mg, comprimé",
    );
    const medication = parts(agenda, '[part="medication-reminder"]').map((entry) => text(entry));
    expect(medication).to.deep.equal([
      "Renouveler l'ordonnance de Sevelamer 800 mg, comprimé avant le vendredi 27 novembre 2026",
    ]);
    part<HTMLButtonElement>(agenda, '[data-view="month"]').click();
    await agenda.updateComplete;
    expect(cellLabel(agenda, '2026-11-27')).to.equal(
      'vendredi 27 novembre 2026, 1 événement : Renouvellement : Sevelamer 800 mg, comprimé',
    );
  });

  it('does not derive a renewal a renewal event already stands for', async () => {
    const dbName = uniqueDbName('med-linked');
    const { plans } = await seedAgenda(dbName, [], [sevelamer]);
    const source = createLocalDataSource({ dbName });
    await source.agenda.create(
      agendaEvent({
        title: "Renouveler l'ordonnance de sevelamer",
        kind: 'prescription-renewal',
        start: '2026-11-27T00:00:00',
        end: '2026-11-28T00:00:00',
        allDay: true,
        medicationPlanId: plans[0]?.id,
      }),
    );
    source.close();
    const { agenda } = await agendaInProvider(dbName);
    expect(cellLabel(agenda, '2026-11-27')).to.equal(
      "vendredi 27 novembre 2026, 1 événement : Renouveler l'ordonnance de sevelamer",
    );
  });

  it('lists the reminders of the coming seven days, soonest first', async () => {
    const dbName = uniqueDbName('reminders-panel');
    await seedAgenda(dbName, [
      agendaEvent({
        title: 'Consultation de néphrologie',
        start: '2026-11-25T10:00:00',
        end: '2026-11-25T10:30:00',
        reminders: [{ minutesBefore: 1440 }, { minutesBefore: 60 }],
      }),
      agendaEvent({
        title: 'Bilan pré-greffe',
        start: '2026-12-10T10:00:00',
        end: '2026-12-10T11:00:00',
        reminders: [{ minutesBefore: 1440 }],
      }),
      agendaEvent({
        title: 'Déjà passé',
        start: '2026-11-23T07:30:00',
        end: '2026-11-23T08:00:00',
        reminders: [{ minutesBefore: 60 }],
      }),
    ]);
    const { agenda } = await agendaInProvider(dbName);
    expect(text(part(agenda, '#reminders-title'))).to.equal('Rappels des 7 prochains jours');
    const entries = parts(agenda, '[part="upcoming-reminder"]');
    expect(entries.map((entry) => text(entry.querySelector('time')))).to.deep.equal([
      'mar. 24 nov. 10:00',
      'mer. 25 nov. 09:00',
    ]);
    expect(entries.map((entry) => text(entry.querySelector('.reminder-title')))).to.deep.equal([
      'Consultation de néphrologie',
      'Consultation de néphrologie',
    ]);
    expect(text(entries[1])).to.contain('1 heure avant');
    expect(entries[0]?.querySelector('time')?.getAttribute('datetime')).to.equal('2026-11-24T09:00:00.000Z');
    await expect(agenda).to.be.accessible();
  });
});
