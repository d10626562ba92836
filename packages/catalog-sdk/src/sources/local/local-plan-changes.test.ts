import { expect } from '@open-wc/testing';
import { ConflictError, ValidationError } from '../../errors/errors.js';
import { scheduledDoses } from '../../medication/scheduled-doses.js';
import { cleanUpDatabases, freshSource, newPlan, rejectionOf } from './test-helpers/fixtures.js';

const ruleOf = (error: unknown): string | undefined => (error as ValidationError).rule;

describe('LocalDataSource treatments the patient keeps', () => {
  afterEach(cleanUpDatabases);

  it('creates a plan in plain words (every 2 days, with meals) and keeps it as written', async () => {
    const source = freshSource();
    const plan = await source.medications.createPlan(
      newPlan({
        slots: [
          { period: 'morning', withMeal: true },
          { period: 'noon', withMeal: true },
          { period: 'evening', withMeal: true },
        ],
        everyDays: 2,
        stock: { dispensed: 90, unit: 'comprimé', dispensedOn: '2026-03-01', unitsPerBox: 30 },
      }),
    );
    expect(await source.medications.getPlan(plan.id)).to.deep.equal(plan);
    expect(plan).to.include({ everyDays: 2 });
    expect(plan.slots.every((slot) => slot.withMeal)).to.equal(true);
  });

  it('names the broken rule of a refused plan as a typed code', async () => {
    const source = freshSource();
    const cases: [Parameters<typeof newPlan>[0], string][] = [
      [{ medication: { display: ' ' } }, 'medication-missing'],
      [{ dose: 0 }, 'dose-invalid'],
      [{ doseUnit: '' }, 'dose-unit-missing'],
      [{ slots: [] }, 'no-dose-time'],
      [{ slots: [{ time: '7h' }] }, 'time-invalid'],
      [{ slots: [{ time: '08:00' }, { period: 'evening' }] }, 'times-mixed'],
      [{ slots: [{ period: 'bedtime', withMeal: true }] }, 'meal-at-bedtime'],
      [{ everyDays: 2, daysOfWeek: ['SU'] }, 'interval-with-weekdays'],
      [{ everyDays: 0 }, 'interval-invalid'],
      [{ start: '2026-02-30' }, 'date-invalid'],
      [{ end: '2025-12-31' }, 'end-before-start'],
      [{ stock: { dispensed: 1.5, unit: 'comprimé', dispensedOn: '2026-03-01' } }, 'stock-invalid'],
    ];
    for (const [fields, rule] of cases) {
      const error = await rejectionOf(source.medications.createPlan(newPlan(fields)));
      expect(error, rule).to.be.instanceOf(ValidationError);
      expect(ruleOf(error), rule).to.equal(rule);
    }
  });

  it('adds a new box to the stock (its units, or boxes of the plan’s box size); a stale version conflicts', async () => {
    const source = freshSource();
    const plan = await source.medications.createPlan(
      newPlan({ stock: { dispensed: 30, unit: 'comprimé', dispensedOn: '2026-03-01', unitsPerBox: 30 } }),
    );
    const oneBox = await source.medications.addBox(plan.id, plan.version);
    expect(oneBox.stock).to.deep.equal({ dispensed: 60, unit: 'comprimé', dispensedOn: '2026-03-01', unitsPerBox: 30 });
    const units = await source.medications.addBox(oneBox.id, oneBox.version, { units: 28 });
    expect(units.stock?.dispensed).to.equal(88);
    expect(await rejectionOf(source.medications.addBox(plan.id, plan.version))).to.be.instanceOf(ConflictError);
    const noSize = await source.medications.createPlan(newPlan({ stock: undefined }));
    expect(ruleOf(await rejectionOf(source.medications.addBox(noSize.id, noSize.version)))).to.equal('box-invalid');
    const first = await source.medications.addBox(noSize.id, noSize.version, { units: 20, on: '2026-03-05' });
    expect(first.stock).to.deep.equal({ dispensed: 20, unit: 'comprimé', dispensedOn: '2026-03-05' });
  });

  it('stops a plan (no dose after), refuses a second stop, and resumes it', async () => {
    const source = freshSource();
    const plan = await source.medications.createPlan(newPlan({ slots: [{ time: '08:00' }, { time: '20:00' }] }));
    const at = new Date('2026-03-02T12:00:00.000Z');
    const stopped = await source.medications.stopPlan(plan.id, plan.version, at);
    expect(stopped.stoppedAt).to.equal(at.toISOString());
    const doses = scheduledDoses([stopped], {
      start: new Date('2026-03-02T00:00:00Z'),
      end: new Date('2026-03-05T00:00:00Z'),
    });
    expect(doses.map((d) => d.localTime)).to.deep.equal(['2026-03-02T08:00:00']);
    expect(ruleOf(await rejectionOf(source.medications.stopPlan(stopped.id, stopped.version)))).to.equal(
      'already-stopped',
    );
    const resumed = await source.medications.resumePlan(stopped.id, stopped.version);
    expect(resumed.stoppedAt).to.equal(undefined);
    expect(ruleOf(await rejectionOf(source.medications.resumePlan(resumed.id, resumed.version)))).to.equal(
      'not-stopped',
    );
  });
});
