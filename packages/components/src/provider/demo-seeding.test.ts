import { computeAdherence, createLocalDataSource } from '@carnet/catalog-sdk';
import { deleteTestDatabases, uniqueDbName } from '../test-helpers/databases.js';
import { expect } from '../test-helpers/fixture.js';
import { seedDemoPersona } from './demo-seeding.js';

describe('demo persona seeding', () => {
  afterEach(() => deleteTestDatabases());

  for (const today of ['2027-03-15T10:00:00Z', '2031-08-02T19:30:00Z']) {
    it(`generates the persona around the day it is seeded (fake today ${today.slice(0, 10)})`, async () => {
      const now = new Date(today);
      const dbName = uniqueDbName('demo-today');
      const source = createLocalDataSource({ dbName });
      try {
        expect(await seedDemoPersona(source, 'parkinson', dbName, now)).to.equal(true);
        const plans = await source.medications.listPlans();
        const intakes = await source.medications.listIntakes();
        const week = computeAdherence(plans, intakes, { now, days: 7 });
        // The organiser opens on a week the patient has filled in, not « 0 %, 42 manquées ».
        expect(week.overall.rate ?? 0).to.be.greaterThan(0.8);
        expect(week.overall.missed).to.be.lessThan(week.overall.scheduled / 10);
        const day = today.slice(0, 10);
        for (const plan of plans) {
          expect(plan.start <= day, `${plan.id} started`).to.equal(true);
          if (plan.end) expect(plan.end >= day, `${plan.id} still running`).to.equal(true);
        }
        const events = await source.agenda.list();
        const soon = events.filter(
          (event) =>
            event.rrule !== undefined || Math.abs(Date.parse(event.start) - now.getTime()) < 31 * 24 * 3600 * 1000,
        );
        expect(soon.length).to.be.greaterThan(0);
      } finally {
        source.close();
      }
    });
  }
});
