import { expect } from '@open-wc/testing';
import type { IntakeRecord, MedicationPlan } from '../model/medication.js';
import { addDays } from './calendar-days.js';
import { averageDailyUse, computeStock, medicationReminders } from './stock.js';
import { plan, skipped, taken } from './test-helpers/plans.js';

const now = new Date('2026-06-10T18:30:00Z'); // 20:30 in Paris, 10 June
const morningAt = (date: string): string => `${date}T06:00:00.000Z`; // 08:00 CEST
const eveningAt = (date: string): string => `${date}T17:30:00.000Z`; // 19:30 CEST

/** One tablet in the morning, two in the evening: 3 a day. */
function metformin(dispensed: number, fields: Partial<MedicationPlan> = {}): MedicationPlan {
  return plan({
    slots: [{ period: 'morning' }, { period: 'evening', quantity: 2 }],
    stock: { dispensed, unit: 'comprimé', dispensedOn: '2026-06-01' },
    ...fields,
  });
}

/** Both doses taken each day from 1 June for `days` days. */
function takenDays(days: number): IntakeRecord[] {
  return Array.from({ length: days }, (_, i) => addDays('2026-06-01', i)).flatMap((date) => [
    taken('plan-1', morningAt(date), 5),
    taken('plan-1', eveningAt(date), 5),
  ]);
}

describe('computeStock', () => {
  it('subtracts the units of taken doses since dispensing, per-slot quantities included', () => {
    const status = computeStock(metformin(90), takenDays(5), { now });
    expect(status).to.deep.equal({
      remaining: 75,
      unit: 'comprimé',
      daysLeft: 25,
      runsOutOn: '2026-07-05',
      low: false,
      renewalDue: false,
      runsOutBeforeRenewal: false,
    });
  });

  it('skipped doses consume nothing; doses before the dispensing day came from the last box', () => {
    const intakes = [
      ...takenDays(5),
      skipped('plan-1', morningAt('2026-06-06')),
      skipped('plan-1', eveningAt('2026-06-06')),
      taken('plan-1', eveningAt('2026-05-31')),
    ];
    expect(computeStock(metformin(90), intakes, { now })?.remaining).to.equal(75);
  });

  it('counts a dose recorded twice once, an off-schedule intake at the plan’s dose, and ignores other plans', () => {
    const intakes = [
      taken('plan-1', eveningAt('2026-06-02')),
      taken('plan-1', eveningAt('2026-06-02'), 10),
      taken('plan-1', '2026-06-03T10:00:00.000Z'),
      taken('plan-2', morningAt('2026-06-03')),
    ];
    expect(computeStock(metformin(90), intakes, { now })?.remaining).to.equal(87);
  });

  it('is low at 7 days left or fewer, not at 8', () => {
    const seven = computeStock(metformin(36), takenDays(5), { now });
    expect([seven?.remaining, seven?.daysLeft, seven?.low]).to.deep.equal([21, 7, true]);
    const eight = computeStock(metformin(39), takenDays(5), { now });
    expect([eight?.remaining, eight?.daysLeft, eight?.low]).to.deep.equal([24, 8, false]);
  });

  it('honours a threshold in days or in units', () => {
    expect(computeStock(metformin(39), takenDays(5), { now, lowStockDays: 10 })?.low).to.equal(true);
    expect(computeStock(metformin(39), takenDays(5), { now, lowStockUnits: 24 })?.low).to.equal(true);
    expect(computeStock(metformin(39), takenDays(5), { now, lowStockUnits: 23 })?.low).to.equal(false);
  });

  it('averages a weekly schedule over the week and never goes below zero', () => {
    const weekly = plan({
      daysOfWeek: ['MO'],
      slots: [{ period: 'morning' }],
      stock: { dispensed: 4, unit: 'ampoule', dispensedOn: '2026-06-01' },
    });
    expect(averageDailyUse(weekly)).to.be.closeTo(1 / 7, 1e-12);
    expect(computeStock(weekly, [], { now })).to.include({
      remaining: 4,
      daysLeft: 28,
      runsOutOn: '2026-07-08',
      low: false,
    });
    expect(computeStock(metformin(10), takenDays(5), { now })).to.include({ remaining: 0, daysLeft: 0, low: true });
  });

  it('announces the renewal 14 days ahead and once past', () => {
    const due = (renewalDate: string, renewalNoticeDays?: number): boolean | undefined =>
      computeStock(metformin(90, { renewalDate }), [], { now, renewalNoticeDays })?.renewalDue;
    expect(due('2026-06-24')).to.equal(true);
    expect(due('2026-06-25')).to.equal(false);
    expect(due('2026-06-01')).to.equal(true);
    expect(due('2026-06-25', 15)).to.equal(true);
    expect(computeStock(metformin(90, { renewalDate: '2026-06-24' }), [], { now })?.renewalDate).to.equal('2026-06-24');
  });

  it('gives nothing for a plan without stock, and no days left for a plan without doses', () => {
    expect(computeStock(plan(), [], { now })).to.equal(undefined);
    const noDoses = computeStock(metformin(90, { slots: [] }), [], { now });
    expect(noDoses).to.include({ remaining: 90, daysLeft: undefined, low: false });
    expect(noDoses?.runsOutOn).to.equal(undefined);
  });
});

describe('medicationReminders', () => {
  it('lists low stock and due renewals of running plans, by date', () => {
    const low = metformin(36, { id: 'plan-1', renewalDate: '2026-06-20' });
    const fine = metformin(300, { id: 'plan-2', medication: { display: 'Atorvastatine' }, renewalDate: '2026-12-01' });
    const ended = metformin(1, { id: 'plan-3', end: '2026-06-09', renewalDate: '2026-06-11' });
    const renewalOnly = plan({ id: 'plan-4', medication: { display: 'Ramipril' }, renewalDate: '2026-06-12' });
    const reminders = medicationReminders([low, fine, ended, renewalOnly], takenDays(5), { now });
    expect(reminders).to.deep.equal([
      { planId: 'plan-4', kind: 'renewal', date: '2026-06-12', medication: 'Ramipril' },
      {
        planId: 'plan-1',
        kind: 'stock-before-renewal',
        date: '2026-06-17',
        renewalDate: '2026-06-20',
        medication: 'Lévodopa/Carbidopa 100 mg/25 mg, comprimé',
      },
      {
        planId: 'plan-1',
        kind: 'renewal',
        date: '2026-06-20',
        medication: 'Lévodopa/Carbidopa 100 mg/25 mg, comprimé',
      },
    ]);
  });

  it('warns when the stock runs out before the renewal date (rasagiline: 18 days left, renewal in 36)', () => {
    // 30 tablets from 23 May, one each morning, all taken: 12 gone on 3 June, 18 days left.
    const rasagiline = plan({
      id: 'plan-rasagiline',
      medication: { display: 'Rasagiline 1 mg, comprimé' },
      slots: [{ period: 'morning' }],
      stock: { dispensed: 30, unit: 'comprimé', dispensedOn: '2026-05-23' },
      renewalDate: '2026-07-09',
    });
    const day = new Date('2026-06-03T18:00:00Z');
    const intakes = Array.from({ length: 12 }, (_, i) =>
      taken('plan-rasagiline', morningAt(addDays('2026-05-23', i)), 5),
    );
    const status = computeStock(rasagiline, intakes, { now: day });
    expect(status).to.include({ daysLeft: 18, runsOutOn: '2026-06-21', low: false, runsOutBeforeRenewal: true });
    expect(medicationReminders([rasagiline], intakes, { now: day })).to.deep.equal([
      {
        planId: 'plan-rasagiline',
        kind: 'stock-before-renewal',
        date: '2026-06-21',
        renewalDate: '2026-07-09',
        medication: 'Rasagiline 1 mg, comprimé',
      },
    ]);
    // Months of stock before a far renewal: the patient buys a box in time, no warning yet.
    const months = { ...rasagiline, stock: { dispensed: 90, unit: 'comprimé', dispensedOn: '2026-05-23' } };
    expect(medicationReminders([{ ...months, renewalDate: '2026-12-01' }], intakes, { now: day })).to.deep.equal([]);
  });

  it('gives nothing for a stopped plan', () => {
    const stopped = metformin(36, { renewalDate: '2026-06-20', stoppedAt: '2026-06-09T10:00:00.000Z' });
    expect(medicationReminders([stopped], takenDays(5), { now })).to.deep.equal([]);
  });

  it('gives nothing when stock and renewal are fine', () => {
    expect(medicationReminders([metformin(300, { renewalDate: '2026-09-01' })], [], { now })).to.deep.equal([]);
  });
});
