import { expect } from '@open-wc/testing';
import type { Weekday } from '../model/common.js';
import type { MedicationPlan } from '../model/medication.js';
import { medicationRequestToPlan, planToMedicationRequest } from '../model/fhir/medication.js';
import { generatePersona, PERSONAS } from '../demo-data/index.js';
import { describeDoseSchedule } from './dose-description.js';
import { planToDoseSchedule } from './dose-schedule.js';
import { scheduledDoses } from './scheduled-doses.js';
import { timingToRRule } from './timing-rrule.js';
import { plan, range } from './test-helpers/plans.js';

/** Every plan of every demo persona, as the seeds and the local demo record hold them. */
const demoPlans: MedicationPlan[] = PERSONAS.flatMap(
  (persona) => generatePersona(persona.id, { documentCount: 0 }).medicationPlans,
);

/** The shape of a plan's FHIR Timing (bounds left out): what the words must follow. */
function timingShape(p: MedicationPlan): string {
  const repeat = { ...planToMedicationRequest(p, { patientId: 'p' }).dosageInstruction?.[0]?.timing?.repeat };
  delete repeat.boundsPeriod;
  return JSON.stringify(repeat);
}

/** BYDAY days and INTERVAL of an RRULE value. */
function ruleDays(rrule: string): { byDay: Weekday[]; interval: number } {
  const parts = new Map(rrule.split(';').map((part) => part.split('=') as [string, string]));
  return {
    byDay: (parts.get('BYDAY')?.split(',') ?? []) as Weekday[],
    interval: Number(parts.get('INTERVAL') ?? '1'),
  };
}

describe('describeDoseSchedule', () => {
  it('covers every Timing shape of the demo data, each described with the days its FHIR Timing gives', () => {
    const shapes = new Map<string, MedicationPlan>();
    for (const p of demoPlans) shapes.set(timingShape(p), p);
    // Exact times, moments (1 to 3 a day), bedtime, weekly on Sunday, Monday/Wednesday/Friday.
    expect(shapes.size).to.be.at.least(7);
    for (const [shape, p] of shapes) {
      const description = describeDoseSchedule(p);
      const timing = planToMedicationRequest(p, { patientId: 'p' }).dosageInstruction?.[0]?.timing ?? {};
      const conversion = timingToRRule(timing);
      expect(conversion.lossy, shape).to.deep.equal([]);
      const first = conversion.rrules[0];
      expect(first, shape).to.not.equal(undefined);
      const { byDay, interval } = ruleDays(first?.rrule ?? '');
      if (description.days.kind === 'weekdays') expect(description.days.weekdays, shape).to.deep.equal(byDay);
      else expect(byDay.length === 0 || byDay.length === 7, shape).to.equal(true);
      expect(description.days.kind === 'every-n-days' ? description.days.interval : 1, shape).to.equal(interval);
      // The same doses a day, in the same order, as the grid's rules.
      expect(description.dosesPerDay, shape).to.equal(conversion.rrules.length);
      const grid = planToDoseSchedule(p).map((rule) => rule.slot.time ?? rule.period);
      expect(
        description.moments.map((m) => (m.kind === 'time' ? m.time : m.period)),
        shape,
      ).to.deep.equal(grid);
    }
  });

  it('says the weekly vitamin D is on Sundays only and epoetin on Monday, Wednesday and Friday', () => {
    const byName = (name: string): MedicationPlan => {
      const found = demoPlans.find((p) => p.medication.display.startsWith(name));
      if (!found) throw new Error(`no demo plan ${name}`);
      return found;
    };
    const vitaminD = describeDoseSchedule(byName('Cholécalciférol'));
    expect(vitaminD.days).to.deep.equal({ kind: 'weekdays', weekdays: ['SU'] });
    expect(vitaminD.moments).to.deep.equal([{ kind: 'period', period: 'morning', withMeal: false, dose: 1 }]);
    const epoetin = describeDoseSchedule(byName('Époétine'));
    expect(epoetin.days).to.deep.equal({ kind: 'weekdays', weekdays: ['MO', 'WE', 'FR'] });
    expect(epoetin.moments).to.deep.equal([{ kind: 'time', time: '11:00', dose: 1 }]);
    expect(describeDoseSchedule(byName('Metformine')).days).to.deep.equal({ kind: 'every-day' });
  });

  it('describes « tous les 2 jours » and « 3 fois par jour aux repas », and they survive FHIR', () => {
    const everyOtherDay = plan({ slots: [{ period: 'morning' }, { period: 'evening' }], everyDays: 2 });
    const withMeals = plan({
      slots: [
        { period: 'morning', withMeal: true },
        { period: 'noon', withMeal: true },
        { period: 'evening', withMeal: true },
      ],
    });
    expect(describeDoseSchedule(everyOtherDay).days).to.deep.equal({ kind: 'every-n-days', interval: 2 });
    const meals = describeDoseSchedule(withMeals);
    expect(meals).to.include({ withMeals: true, dosesPerDay: 3 });
    for (const p of [everyOtherDay, withMeals]) {
      const request = planToMedicationRequest(p, { patientId: 'p' });
      expect(medicationRequestToPlan(request)).to.deep.equal(p);
      expect(timingToRRule(request.dosageInstruction?.[0]?.timing ?? {}).lossy).to.deep.equal([]);
    }
    const timing = planToMedicationRequest(everyOtherDay, { patientId: 'p' }).dosageInstruction?.[0]?.timing ?? {};
    expect(timingToRRule(timing).rrules.map((r) => r.rrule)).to.deep.equal([
      'FREQ=DAILY;INTERVAL=2',
      'FREQ=DAILY;INTERVAL=2',
    ]);
    expect(
      planToMedicationRequest(withMeals, { patientId: 'p' }).dosageInstruction?.[0]?.timing?.repeat?.when,
    ).to.deep.equal(['CM', 'CD', 'CV']);
  });

  it('schedules every 2 days from the start, whatever range is asked', () => {
    const everyOtherDay = plan({ slots: [{ time: '08:00' }], everyDays: 2, start: '2026-03-01' });
    const days = scheduledDoses([everyOtherDay], range('2026-03-04T00:00:00Z', '2026-03-10T00:00:00Z')).map((d) =>
      d.localTime.slice(0, 10),
    );
    expect(days).to.deep.equal(['2026-03-05', '2026-03-07', '2026-03-09']);
  });

  it('schedules no dose after a plan is stopped', () => {
    const stopped = plan({ slots: [{ time: '08:00' }, { time: '20:00' }], stoppedAt: '2026-03-02T12:00:00.000Z' });
    const doses = scheduledDoses([stopped], range('2026-03-01T00:00:00Z', '2026-03-04T00:00:00Z'));
    expect(doses.map((d) => d.localTime)).to.deep.equal([
      '2026-03-01T08:00:00',
      '2026-03-01T20:00:00',
      '2026-03-02T08:00:00',
    ]);
  });
});
