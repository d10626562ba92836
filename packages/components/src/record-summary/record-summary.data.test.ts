import { createLocalDataSource } from '@carnet/catalog-sdk';
import type { AgendaEvent, MedicationPlan } from '@carnet/catalog-sdk';
import { deleteTestDatabases, seedPersonaRecord, uniqueDbName } from '../test-helpers/databases.js';
import { expect } from '../test-helpers/fixture.js';
import { isActivePlan, isUpcoming, loadRecordSummary } from './record-summary.data.js';

function event(changes: Partial<AgendaEvent>): AgendaEvent {
  return {
    id: 'event-1',
    title: 'Consultation de néphrologie',
    kind: 'appointment',
    start: '2026-03-10T09:00:00',
    end: '2026-03-10T09:30:00',
    timeZone: 'Europe/Paris',
    exdates: [],
    overrides: [],
    reminders: [],
    version: '1',
    ...changes,
  };
}

function plan(changes: Partial<MedicationPlan>): MedicationPlan {
  return {
    id: 'plan-1',
    medication: { display: 'Lévodopa/Carbidopa 100 mg/25 mg, comprimé' },
    dose: 1,
    doseUnit: 'comprimé',
    slots: [{ time: '07:00' }],
    start: '2026-01-01',
    timeZone: 'Europe/Paris',
    version: '1',
    ...changes,
  };
}

describe('record summary data', () => {
  afterEach(() => deleteTestDatabases());

  it('counts a single event as upcoming until it ends, in its own time zone', () => {
    // 08:15 UTC is 09:15 in Paris (winter time): the 09:00–09:30 appointment is under way.
    expect(isUpcoming(event({}), new Date('2026-03-10T08:15:00Z'))).to.equal(true);
    // 08:45 UTC is 09:45 in Paris: it is over.
    expect(isUpcoming(event({}), new Date('2026-03-10T08:45:00Z'))).to.equal(false);
    // Same instant, but the event is in New York where it is still 04:45.
    expect(isUpcoming(event({ timeZone: 'America/New_York' }), new Date('2026-03-10T08:45:00Z'))).to.equal(true);
  });

  it('counts a series as upcoming until its UNTIL date', () => {
    const weekly = event({ rrule: 'FREQ=WEEKLY;BYDAY=TU;UNTIL=20260630T070000Z' });
    expect(isUpcoming(weekly, new Date('2026-06-01T00:00:00Z'))).to.equal(true);
    expect(isUpcoming(weekly, new Date('2026-07-01T00:00:00Z'))).to.equal(false);
    expect(isUpcoming(event({ rrule: 'FREQ=DAILY' }), new Date('2030-01-01T00:00:00Z'))).to.equal(true);
    expect(isUpcoming(event({ rrule: 'FREQ=MONTHLY;UNTIL=20260401' }), new Date('2026-04-01T20:00:00Z'))).to.equal(
      true,
    );
  });

  it('counts a plan as active until its last day, inclusive', () => {
    expect(isActivePlan(plan({}), new Date('2030-01-01T00:00:00Z'))).to.equal(true);
    const bounded = plan({ end: '2026-03-31' });
    expect(isActivePlan(bounded, new Date('2026-03-31T20:00:00Z'))).to.equal(true);
    // 22:30 UTC on the 31st is already 1 April in Paris (summer time).
    expect(isActivePlan(bounded, new Date('2026-03-31T22:30:00Z'))).to.equal(false);
  });

  it('loads counts and the three newest documents from a real local record', async () => {
    const dbName = uniqueDbName('summary-data');
    const record = await seedPersonaRecord(dbName, 'parkinson', 9);
    const source = createLocalDataSource({ dbName });
    const now = new Date('2026-11-23T09:00:00Z');
    try {
      const summary = await loadRecordSummary(source, { now });
      expect(summary.documentCount).to.equal(9);
      expect(summary.careTeamSize).to.equal(record.careTeam.length);
      expect(summary.upcomingEventCount).to.equal(record.agendaEvents.filter((e) => isUpcoming(e, now)).length);
      expect(summary.upcomingEventCount).to.be.greaterThan(0);
      expect(summary.activePlanCount).to.equal(record.medicationPlans.filter((p) => isActivePlan(p, now)).length);
      expect(summary.recentDocuments.map((d) => d.id)).to.deep.equal(
        [...record.documents]
          .sort((a, b) => b.date.localeCompare(a.date))
          .slice(0, 3)
          .map((d) => d.id),
      );
      expect(summary.empty).to.equal(false);
    } finally {
      source.close();
    }
  });

  it('reports an empty record as empty', async () => {
    const source = createLocalDataSource({ dbName: uniqueDbName('summary-empty') });
    try {
      const summary = await loadRecordSummary(source);
      expect(summary).to.deep.equal({
        documentCount: 0,
        upcomingEventCount: 0,
        activePlanCount: 0,
        careTeamSize: 0,
        recentDocuments: [],
        empty: true,
      });
    } finally {
      source.close();
    }
  });
});
