import { createLocalDataSource } from '@carnet/catalog-sdk';
import type { DataSource, LocalDataSource } from '@carnet/catalog-sdk';
import { deleteTestDatabases, uniqueDbName } from '../test-helpers/databases.js';
import { expect } from '../test-helpers/fixture.js';
import { loadGlucoseGlance, loadLastWeightGain, loadNextDialysis, loadTodayDoses } from './pathology-overview.data.js';

const ZONE = 'Europe/Paris';
/** Tuesday 10 March 2026, 09:00 in Paris (winter time). */
const NOW = new Date('2026-03-10T08:00:00Z');

async function withRecord(label: string, run: (source: LocalDataSource) => Promise<void>): Promise<void> {
  const source = createLocalDataSource({ dbName: uniqueDbName(label) });
  try {
    await run(source);
  } finally {
    source.close();
  }
}

describe('overview data', () => {
  afterEach(() => deleteTestDatabases());

  it('finds the next dialysis session of the agenda as the kidney tracker does, other appointments left out', () =>
    withRecord('overview-dialysis', async (source) => {
      await source.agenda.create({
        title: "Séance d'hémodialyse",
        kind: 'appointment',
        start: '2026-01-05T07:30:00',
        end: '2026-01-05T11:30:00',
        timeZone: ZONE,
        rrule: 'FREQ=WEEKLY;BYDAY=MO,WE,FR',
      });
      await source.agenda.create({
        title: 'Consultation de néphrologie',
        kind: 'appointment',
        start: '2026-03-10T15:00:00',
        end: '2026-03-10T15:30:00',
        timeZone: ZONE,
      });
      const next = await loadNextDialysis(source, { now: NOW });
      expect(next?.title).to.equal("Séance d'hémodialyse");
      // Wednesday 11 March, 07:30 in Paris.
      expect(Date.parse(next?.start ?? '')).to.equal(Date.parse('2026-03-11T06:30:00Z'));
      // During Monday's session, the next one is Wednesday's, not the one under way.
      const monday = await loadNextDialysis(source, { now: new Date('2026-03-09T07:00:00Z') });
      expect(Date.parse(monday?.start ?? '')).to.equal(Date.parse('2026-03-11T06:30:00Z'));
    }));

  it('says there is no next session when none is planned within two weeks', () =>
    withRecord('overview-no-dialysis', async (source) => {
      await source.agenda.create({
        title: "Séance d'hémodialyse",
        kind: 'appointment',
        start: '2026-04-01T07:30:00',
        end: '2026-04-01T11:30:00',
        timeZone: ZONE,
      });
      expect(await loadNextDialysis(source, { now: NOW })).to.equal(null);
    }));

  it('gives the latest weight gain between two sessions, to 0.1 kg', () =>
    withRecord('overview-gain', async (source) => {
      const friday = '2026-03-06T06:30:00.000Z';
      const monday = '2026-03-09T06:30:00.000Z';
      await source.trackers.add('weight', {
        at: '2026-03-06T06:10:00Z',
        kg: 72.1,
        moment: 'before-dialysis',
        session: friday,
      });
      await source.trackers.add('weight', {
        at: '2026-03-06T10:40:00Z',
        kg: 70,
        moment: 'after-dialysis',
        session: friday,
      });
      await source.trackers.add('weight', {
        at: '2026-03-09T06:10:00Z',
        kg: 72.4,
        moment: 'before-dialysis',
        session: monday,
      });
      await source.trackers.add('weight', {
        at: '2026-03-09T10:40:00Z',
        kg: 70.3,
        moment: 'after-dialysis',
        session: monday,
      });
      // A weight outside any session counts for no gain.
      await source.trackers.add('weight', { at: '2026-03-10T07:00:00Z', kg: 71 });
      expect(await loadLastWeightGain(source, { now: NOW })).to.deep.equal({
        session: monday,
        before: 72.4,
        after: 70.3,
        gain: 2.4,
      });
    }));

  it('has no weight gain without two sessions’ weights, nor on a source without measurements', async () => {
    await withRecord('overview-no-gain', async (source) => {
      const friday = '2026-03-06T06:30:00.000Z';
      await source.trackers.add('weight', {
        at: '2026-03-06T06:10:00Z',
        kg: 72.1,
        moment: 'before-dialysis',
        session: friday,
      });
      expect(await loadLastWeightGain(source, { now: NOW })).to.equal(null);
      const withoutTrackers = { ...source, trackers: undefined } as unknown as DataSource;
      expect(await loadLastWeightGain(withoutTrackers, { now: NOW })).to.equal(null);
      expect(await loadGlucoseGlance(withoutTrackers, { now: NOW })).to.equal(null);
    });
  });

  it('gives the three latest glucose values, newest first, and the time in range of the last seven days', () =>
    withRecord('overview-glucose', async (source) => {
      const values: [string, number][] = [
        ['2026-02-20T07:00:00Z', 250], // more than seven days ago: listed by no one, counted by no one
        ['2026-03-02T07:00:00Z', 60], // eight days ago: out of the seven days
        ['2026-03-08T07:00:00Z', 190],
        ['2026-03-09T19:00:00Z', 65],
        ['2026-03-10T06:00:00Z', 110],
      ];
      for (const [at, value] of values) await source.trackers.add('glucose', { at, value, unit: 'mg/dL' });
      const glance = await loadGlucoseGlance(source, { now: NOW });
      expect(glance?.latest.map((reading) => reading.value)).to.deep.equal([110, 65, 190]);
      expect(glance?.timeInRange).to.deep.include({ days: 7, count: 3 });
      expect(glance?.timeInRange.inRange).to.be.closeTo(1 / 3, 1e-9);
      expect(glance?.timeInRange.below).to.be.closeTo(1 / 3, 1e-9);
      // Targets agreed with the doctor change where a value stands.
      const wider = await loadGlucoseGlance(source, { now: NOW, targets: { low: 60, high: 200 } });
      expect(wider?.timeInRange.inRange).to.equal(1);
      const empty = createEmpty();
      expect(await loadGlucoseGlance(empty, { now: NOW })).to.equal(null);
      empty.close();
    }));

  it('gives today’s doses in the plans’ zone, each with its state under the condition’s late window', () =>
    withRecord('overview-doses', async (source) => {
      const plan = await source.medications.createPlan({
        medication: { display: 'Lévodopa/Carbidopa 100 mg/25 mg, comprimé' },
        dose: 1,
        doseUnit: 'comprimé',
        slots: [{ time: '07:00' }, { time: '08:30' }, { time: '20:00', quantity: 2 }],
        start: '2026-03-01',
        timeZone: ZONE,
      });
      await source.medications.recordIntake({
        planId: plan.id,
        scheduledAt: '2026-03-10T06:00:00.000Z',
        status: 'taken',
        takenAt: '2026-03-10T06:05:00.000Z',
      });
      const parkinson = await loadTodayDoses(source, { now: NOW, pathology: 'parkinson' });
      expect(parkinson.date).to.equal('2026-03-10');
      expect(parkinson.timeZone).to.equal(ZONE);
      expect(parkinson.doses.map(({ dose, state }) => [dose.localTime.slice(11, 16), dose.dose, state])).to.deep.equal([
        ['07:00', 1, 'taken'],
        // 30 minutes late: missed under Parkinson's 15-minute window…
        ['08:30', 1, 'missed'],
        ['20:00', 2, 'to-take'],
      ]);
      expect(parkinson.doses[0]?.record?.status).to.equal('taken');
      // …still to take under the default hour.
      const neutral = await loadTodayDoses(source, { now: NOW });
      expect(neutral.doses.map(({ state }) => state)).to.deep.equal(['taken', 'to-take', 'to-take']);
    }));

  it('has no dose today without a plan', async () => {
    const source = createEmpty();
    try {
      expect((await loadTodayDoses(source, { now: NOW })).doses).to.deep.equal([]);
    } finally {
      source.close();
    }
  });
});

function createEmpty(): LocalDataSource {
  return createLocalDataSource({ dbName: uniqueDbName('overview-empty') });
}
