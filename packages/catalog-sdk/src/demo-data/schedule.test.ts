import { expect } from '@open-wc/testing';
import type { AgendaEvent } from '../model/agenda.js';
import { AGENDA_EVENT_KINDS } from '../model/agenda.js';
import { DEFAULT_REFERENCE_DATE, generatePersona, type PersonaId } from './index.js';
import { INTAKE_HISTORY_DAYS } from './intakes.js';

const PERSONA_IDS: readonly PersonaId[] = ['diabetes', 'parkinson', 'kidney'];
const NOW = new Date(DEFAULT_REFERENCE_DATE);
const LOCAL = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/;
const WEEKDAYS = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'];

function weekdayOfLocal(local: string): string {
  return WEEKDAYS[new Date(`${local.slice(0, 10)}T00:00:00Z`).getUTCDay()] ?? '';
}

/** Weekdays named in a rule's BYDAY, without ordinals (`2TU` → `TU`). */
function byDays(event: AgendaEvent): string[] {
  const match = /BYDAY=([^;]+)/.exec(event.rrule ?? '');
  return match?.[1]?.split(',').map((day) => day.replace(/^-?\d+/, '')) ?? [];
}

function findEvent(persona: PersonaId, rrule: string): AgendaEvent | undefined {
  return generatePersona(persona, { documentCount: 0 }).agendaEvents.find((e) => e.rrule === rrule);
}

describe('generatePersona — agenda, medication plans and intakes', () => {
  it('writes well-formed Europe/Paris wall-clock events with reminders', () => {
    for (const persona of PERSONA_IDS) {
      const { agendaEvents } = generatePersona(persona, { documentCount: 0 });
      expect(agendaEvents.length).to.be.within(5, 12);
      expect(new Set(agendaEvents.map((e) => e.id)).size).to.equal(agendaEvents.length);
      for (const event of agendaEvents) {
        expect(event.timeZone).to.equal('Europe/Paris');
        expect(event.start).to.match(LOCAL);
        expect(event.end).to.match(LOCAL);
        expect(event.end > event.start, event.id).to.equal(true);
        expect(AGENDA_EVENT_KINDS).to.include(event.kind);
        expect(event.reminders.length).to.be.above(0);
        for (const local of [
          ...event.exdates,
          ...event.overrides.flatMap((o) => [o.originalStart, o.start ?? o.originalStart]),
        ]) {
          expect(local).to.match(LOCAL);
        }
      }
      const oneOffs = agendaEvents.filter((e) => !e.rrule);
      expect(oneOffs.some((e) => Date.parse(`${e.start}Z`) > NOW.getTime())).to.equal(true);
      expect(oneOffs.some((e) => Date.parse(`${e.start}Z`) < NOW.getTime())).to.equal(true);
    }
  });

  it('has at least one exdate and one moved occurrence per persona, both on real occurrences', () => {
    for (const persona of PERSONA_IDS) {
      const { agendaEvents } = generatePersona(persona, { documentCount: 0 });
      const exdated = agendaEvents.filter((e) => e.exdates.length > 0);
      const overridden = agendaEvents.filter((e) => e.overrides.length > 0);
      expect(exdated.length, persona).to.be.above(0);
      expect(overridden.length, persona).to.be.above(0);
      for (const event of [...exdated, ...overridden]) {
        const time = event.start.slice(11);
        for (const local of [...event.exdates, ...event.overrides.map((o) => o.originalStart)]) {
          expect(local.slice(11)).to.equal(time);
          expect(local > event.start).to.equal(true);
          if (byDays(event).length > 0) expect(byDays(event)).to.include(weekdayOfLocal(local));
        }
      }
      const move = overridden[0]?.overrides[0];
      expect(move?.start).to.not.equal(move?.originalStart);
      expect(move?.note).to.match(/^Séance (décalée|avancée) au (mercredi|jeudi)/);
    }
  });

  it('gives kidney the Monday/Wednesday/Friday 07:30–11:30 dialysis and a monthly pre-dialysis exam', () => {
    const dialysis = findEvent('kidney', 'FREQ=WEEKLY;BYDAY=MO,WE,FR');
    expect(dialysis?.start.slice(11)).to.equal('07:30:00');
    expect(dialysis?.end.slice(11)).to.equal('11:30:00');
    expect(weekdayOfLocal(dialysis?.start ?? '')).to.equal('MO');
    const { agendaEvents } = generatePersona('kidney', { documentCount: 0 });
    const bloodTest = agendaEvents.find((e) => e.title === 'Bilan sanguin pré-dialyse');
    expect(bloodTest?.kind).to.equal('exam');
    expect(bloodTest?.rrule).to.match(/^FREQ=MONTHLY/);
    expect(
      agendaEvents.some((e) => e.rrule?.startsWith('FREQ=MONTHLY') && e.practitioner?.includes('néphrologue')),
    ).to.equal(true);
  });

  it('gives Parkinson twice-weekly physiotherapy, a 6-monthly neurologist and speech therapy', () => {
    expect(findEvent('parkinson', 'FREQ=WEEKLY;BYDAY=TU,FR')?.title).to.match(/^Kinésithérapie/);
    const { agendaEvents } = generatePersona('parkinson', { documentCount: 0 });
    expect(agendaEvents.find((e) => e.rrule?.startsWith('FREQ=MONTHLY;INTERVAL=6'))?.practitioner).to.contain(
      'neurologue',
    );
    expect(agendaEvents.some((e) => e.title.startsWith('Orthophonie') && e.rrule?.startsWith('FREQ=WEEKLY'))).to.equal(
      true,
    );
  });

  it('gives diabetes a 3-monthly endocrinologist, a yearly eye exam and a linked renewal', () => {
    const { agendaEvents, medicationPlans } = generatePersona('diabetes', { documentCount: 0 });
    expect(
      agendaEvents.some(
        (e) => e.rrule?.startsWith('FREQ=MONTHLY;INTERVAL=3') && e.practitioner?.includes('endocrinologue'),
      ),
    ).to.equal(true);
    expect(agendaEvents.some((e) => e.rrule === 'FREQ=YEARLY')).to.equal(true);
    const renewal = agendaEvents.find((e) => e.kind === 'prescription-renewal');
    expect(renewal?.rrule).to.equal('FREQ=MONTHLY;INTERVAL=3');
    const plan = medicationPlans.find((p) => p.id === renewal?.medicationPlanId);
    expect(plan?.medication.display).to.match(/^Metformine/);
    // The series lands on the plan's renewal date, in whole months from its start.
    expect(plan?.renewalDate?.slice(8)).to.equal(renewal?.start.slice(8, 10));
  });

  it('links every renewal event to an existing plan and every intake to a plan', () => {
    for (const persona of PERSONA_IDS) {
      const { agendaEvents, medicationPlans, intakes } = generatePersona(persona, { documentCount: 0 });
      const planIds = new Set(medicationPlans.map((p) => p.id));
      const renewals = agendaEvents.filter((e) => e.kind === 'prescription-renewal');
      expect(renewals.length, persona).to.be.above(0);
      for (const event of agendaEvents) {
        if (event.medicationPlanId !== undefined) expect(planIds.has(event.medicationPlanId)).to.equal(true);
      }
      for (const event of renewals) expect(event.medicationPlanId).to.be.a('string');
      for (const intake of intakes) expect(planIds.has(intake.planId), intake.planId).to.equal(true);
    }
  });

  it('prescribes levodopa at four exact times with a 15-minute tolerance, rasagiline in the morning, one at bedtime', () => {
    const { medicationPlans, careTeam } = generatePersona('parkinson', { documentCount: 0 });
    const levodopa = medicationPlans.find((p) => p.id === 'plan-parkinson-levodopa-carbidopa');
    const times = levodopa?.slots.map((s) => s.time).filter((t) => t !== undefined) ?? [];
    expect(times.length).to.be.at.least(3);
    expect(times).to.deep.equal(['07:00', '11:00', '15:00', '19:00']);
    expect(levodopa?.lateToleranceMinutes).to.equal(15);
    expect(medicationPlans.find((p) => p.medication.display.startsWith('Rasagiline'))?.slots).to.deep.equal([
      { period: 'morning' },
    ]);
    expect(medicationPlans.some((p) => p.slots.some((s) => s.period === 'bedtime'))).to.equal(true);
    expect(careTeam.map((m) => m.name)).to.include(levodopa?.prescriber);
  });

  it('schedules kidney vitamin D on Sundays and EPO on dialysis days, diabetes metformin twice a day', () => {
    const kidney = generatePersona('kidney', { documentCount: 0 }).medicationPlans;
    expect(kidney.find((p) => p.id === 'plan-kidney-cholecalciferol')?.daysOfWeek).to.deep.equal(['SU']);
    expect(kidney.find((p) => p.id === 'plan-kidney-epoetine')?.daysOfWeek).to.deep.equal(['MO', 'WE', 'FR']);
    expect(kidney.find((p) => p.id === 'plan-kidney-sevelamer')?.slots.map((s) => s.period)).to.deep.equal([
      'morning',
      'noon',
      'evening',
    ]);
    const diabetes = generatePersona('diabetes', { documentCount: 0 }).medicationPlans;
    expect(diabetes.find((p) => p.id === 'plan-diabetes-metformine')?.slots.map((s) => s.period)).to.deep.equal([
      'morning',
      'evening',
    ]);
    expect(diabetes.find((p) => p.id === 'plan-diabetes-insuline-glargine')?.doseUnit).to.equal('UI');
  });

  it('sets every renewal date 1 to 3 months after now, with stock and French instructions', () => {
    for (const persona of PERSONA_IDS) {
      for (const plan of generatePersona(persona, { documentCount: 0 }).medicationPlans) {
        const days = (Date.parse(`${plan.renewalDate ?? ''}T00:00:00Z`) - NOW.getTime()) / 86_400_000;
        expect(days, plan.id).to.be.within(28, 92);
        expect(plan.stock?.dispensed).to.be.above(0);
        expect(plan.instructions).to.be.a('string').and.not.equal('');
        expect(plan.start < (plan.renewalDate ?? '')).to.equal(true);
      }
    }
  });

  it('records two weeks of intakes with deterministic ids, mostly taken, some late and some skipped', () => {
    for (const persona of PERSONA_IDS) {
      const { intakes, medicationPlans } = generatePersona(persona, { documentCount: 0 });
      expect(new Set(intakes.map((i) => i.id)).size).to.equal(intakes.length);
      const earliest = NOW.getTime() - INTAKE_HISTORY_DAYS * 86_400_000;
      for (const intake of intakes) {
        expect(intake.id).to.match(new RegExp(`^intake-${intake.planId}-\\d{12}$`));
        expect(Date.parse(intake.scheduledAt)).to.be.within(earliest, NOW.getTime());
        if (intake.status === 'taken') expect(Date.parse(intake.takenAt ?? '')).to.be.at.most(NOW.getTime());
        else expect(intake.reason).to.be.a('string');
      }
      const taken = intakes.filter((i) => i.status === 'taken').length;
      expect(taken / intakes.length).to.be.above(0.8);
      for (const plan of medicationPlans)
        expect(
          intakes.some((i) => i.planId === plan.id),
          plan.id,
        ).to.equal(true);
    }
    const all = PERSONA_IDS.flatMap((p) => generatePersona(p, { documentCount: 0 }).intakes);
    expect(all.filter((i) => i.status === 'skipped').length).to.be.above(2);
    const reasons = new Set(all.map((i) => i.reason).filter(Boolean));
    expect(reasons.size).to.be.above(1);
  });

  it('keeps weekly plans to their days: EPO on MO/WE/FR, vitamin D on Sundays', () => {
    const { intakes } = generatePersona('kidney', { documentCount: 0 });
    const dayOf = (id: string): string => {
      const stamp = id.slice(-12);
      return weekdayOfLocal(`${stamp.slice(0, 4)}-${stamp.slice(4, 6)}-${stamp.slice(6, 8)}T00:00:00`);
    };
    const epo = intakes.filter((i) => i.planId === 'plan-kidney-epoetine');
    expect(epo.length).to.be.within(3, 6);
    for (const intake of epo) expect(['MO', 'WE', 'FR']).to.include(dayOf(intake.id));
    for (const intake of intakes.filter((i) => i.planId === 'plan-kidney-cholecalciferol'))
      expect(dayOf(intake.id)).to.equal('SU');
  });

  it('puts a 07:00 Paris dose at 06:00Z in winter and 05:00Z in summer', () => {
    const winter = generatePersona('parkinson', { documentCount: 0 }).intakes.find((i) => i.id.endsWith('0700'));
    expect(winter?.scheduledAt).to.match(/T06:00:00\.000Z$/);
    const summer = generatePersona('parkinson', { documentCount: 0, now: new Date('2026-07-20T09:00:00Z') });
    const summerDose = summer.intakes.find(
      (i) => i.planId === 'plan-parkinson-levodopa-carbidopa' && i.id.endsWith('0700'),
    );
    expect(summerDose?.id).to.match(/^intake-plan-parkinson-levodopa-carbidopa-202607\d{2}0700$/);
    expect(summerDose?.scheduledAt).to.match(/T05:00:00\.000Z$/);
  });

  it('follows the October clock change inside the two-week window', () => {
    const { intakes } = generatePersona('parkinson', { documentCount: 0, now: new Date('2026-11-02T12:00:00Z') });
    const morning = intakes.filter((i) => i.planId === 'plan-parkinson-levodopa-carbidopa' && i.id.endsWith('0700'));
    const summerTime = morning.filter((i) => i.id.slice(-12, -4) < '20261025');
    const winterTime = morning.filter((i) => i.id.slice(-12, -4) >= '20261025');
    expect(summerTime.length).to.be.at.least(2);
    expect(winterTime.length).to.be.at.least(2);
    const isoDay = (id: string): string => `${id.slice(-12, -8)}-${id.slice(-8, -6)}-${id.slice(-6, -4)}`;
    for (const intake of summerTime) expect(intake.scheduledAt).to.equal(`${isoDay(intake.id)}T05:00:00.000Z`);
    for (const intake of winterTime) expect(intake.scheduledAt).to.equal(`${isoDay(intake.id)}T06:00:00.000Z`);
  });
});
