import type { AgendaEvent, IntakeRecord, MedicationPlan } from '@carnet/catalog-sdk';
import { expect } from '../test-helpers/fixture.js';
import { dialysisDays, isDialysisSession } from './dialysis-days.js';
import { doseOutcome, toleranceMinutesOf } from './dose-state.js';
import { parseMealTimes } from './organiser-attributes.js';
import { addDays, mondayOf } from './organiser-calendar.js';
import { formatDoseAmount, formatWeekSpan, shortMedicationName } from './organiser-format.js';
import { plansUnderPreset, presetFor } from './presets.js';
import { buildWeekGrid, intakesByDose } from './week-grid.model.js';
import { daysTodayFirst } from './week-grid.template.js';

const WEEK = ['2026-03-09', '2026-03-10', '2026-03-11', '2026-03-12', '2026-03-13', '2026-03-14', '2026-03-15'];
const NOW = new Date('2026-03-11T10:10:00.000Z');

function plan(overrides: Partial<MedicationPlan>): MedicationPlan {
  return {
    id: 'plan-a',
    medication: { display: 'Lévodopa/Carbidopa 100 mg/25 mg, comprimé' },
    dose: 1,
    doseUnit: 'comprimé',
    slots: [{ time: '07:00' }, { time: '11:00' }],
    start: '2025-01-01',
    timeZone: 'Europe/Paris',
    version: '1',
    ...overrides,
  };
}

function intake(overrides: Partial<IntakeRecord>): IntakeRecord {
  return {
    id: 'i',
    planId: 'plan-a',
    scheduledAt: '2026-03-11T06:00:00.000Z',
    status: 'taken',
    version: '1',
    ...overrides,
  };
}

describe('pill organiser model', () => {
  it('gives a dose its state by the plan tolerance, like computeAdherence', () => {
    const dose = { scheduledAt: '2026-03-11T10:00:00.000Z' };
    const at = (iso: string): Date => new Date(iso);
    expect(doseOutcome(dose, undefined, 15, at('2026-03-11T10:15:00.000Z')).state).to.equal('to-take');
    expect(doseOutcome(dose, undefined, 15, at('2026-03-11T10:16:00.000Z')).state).to.equal('missed');
    expect(doseOutcome(dose, { status: 'taken', takenAt: '2026-03-11T10:15:00.000Z' }, 15, NOW).state).to.equal(
      'taken',
    );
    expect(doseOutcome(dose, { status: 'taken', takenAt: '2026-03-11T10:25:00.000Z' }, 15, NOW)).to.deep.equal({
      state: 'taken-late',
      minutesLate: 25,
    });
    expect(doseOutcome(dose, { status: 'taken' }, 15, NOW).state).to.equal('taken');
    expect(doseOutcome(dose, { status: 'skipped' }, 15, NOW).state).to.equal('skipped');
    expect(toleranceMinutesOf({})).to.equal(60);
    expect(toleranceMinutesOf({ lateToleranceMinutes: 10 })).to.equal(10);
  });

  it('fills the Parkinson tolerance only in plans that set none', () => {
    const plans = [plan({ id: 'a' }), plan({ id: 'b', lateToleranceMinutes: 30 })];
    expect(plansUnderPreset(plans, presetFor('parkinson')).map((p) => p.lateToleranceMinutes)).to.deep.equal([15, 30]);
    expect(plansUnderPreset(plans, presetFor('kidney')).map((p) => p.lateToleranceMinutes)).to.deep.equal([
      undefined,
      30,
    ]);
    expect(presetFor(undefined)).to.deep.equal({
      rows: 'periods',
      rowLabels: 'moments',
      lateToleranceMinutes: undefined,
      lateBadge: false,
      dialysisDays: false,
    });
    expect(presetFor('diabetes').rowLabels).to.equal('meals');
  });

  it('builds the week: moment rows by default, exact-time rows for Parkinson, states from records', () => {
    const plans = [
      plan({}),
      plan({ id: 'plan-b', medication: { display: 'Rasagiline 1 mg' }, slots: [{ period: 'morning' }] }),
    ];
    const records = intakesByDose([intake({ takenAt: '2026-03-11T06:40:00.000Z' })]);
    const input = { plans, intakes: records, monday: '2026-03-09', now: NOW, timeZone: 'Europe/Paris' };
    const neutral = buildWeekGrid({ ...input, preset: presetFor(undefined) });
    expect(neutral.days).to.deep.equal(WEEK);
    expect(neutral.today).to.equal('2026-03-11');
    expect(neutral.rows.map((row) => row.key)).to.deep.equal([
      'period:morning',
      'period:noon',
      'period:evening',
      'period:bedtime',
    ]);
    expect(neutral.doses).to.have.length(21);
    const morningWednesday = neutral.rows[0]?.cells[2] ?? [];
    expect(morningWednesday.map((d) => `${d.plan.id} ${d.time} ${d.state}`)).to.deep.equal([
      'plan-a 07:00 taken',
      'plan-b 08:00 missed',
    ]);
    const parkinson = buildWeekGrid({
      ...input,
      plans: plansUnderPreset(plans, presetFor('parkinson')),
      preset: presetFor('parkinson'),
    });
    // Only the rows that hold doses: two exact times and the morning of the second plan.
    expect(parkinson.rows.map((row) => row.key)).to.deep.equal(['time:07:00', 'period:morning', 'time:11:00']);
    expect(parkinson.rows[0]?.cells[2]?.[0]?.state).to.equal('taken-late');
    expect(parkinson.rows[0]?.cells[2]?.[0]?.minutesLate).to.equal(40);
  });

  it('finds dialysis days in the agenda, or from dialysis-day plans when the agenda has none', () => {
    const session: AgendaEvent = {
      id: 'e',
      title: "Séance d'hémodialyse",
      kind: 'appointment',
      start: '2025-01-06T07:30:00',
      end: '2025-01-06T11:30:00',
      timeZone: 'Europe/Paris',
      rrule: 'FREQ=WEEKLY;BYDAY=MO,WE,FR',
      exdates: ['2026-03-13T07:30:00'],
      overrides: [],
      reminders: [],
      version: '1',
    };
    expect(isDialysisSession(session)).to.equal(true);
    expect(isDialysisSession({ kind: 'exam', title: 'Bilan sanguin pré-dialyse' })).to.equal(false);
    expect([...dialysisDays([session], [], WEEK, 'Europe/Paris')]).to.deep.equal(['2026-03-09', '2026-03-11']);
    const epo = plan({ daysOfWeek: ['TU', 'SA'], instructions: 'En fin de séance de dialyse.' });
    expect([...dialysisDays([], [epo, plan({ id: 'x' })], WEEK, 'Europe/Paris')]).to.deep.equal([
      '2026-03-10',
      '2026-03-14',
    ]);
    expect(dialysisDays([], [plan({})], WEEK, 'Europe/Paris').size).to.equal(0);
  });

  it('reads meal times from JSON, dropping what is not a time', () => {
    expect(parseMealTimes('{"breakfast":"07:30","lunch":"25:00","dinner":19,"bedtime":"22:00","x":"1"}')).to.deep.equal(
      {
        breakfast: '07:30',
        bedtime: '22:00',
      },
    );
    expect(parseMealTimes('not json')).to.equal(undefined);
    expect(parseMealTimes('[]')).to.deep.equal({});
    expect(parseMealTimes(null)).to.equal(undefined);
  });

  it('orders days today first, and finds Mondays', () => {
    expect(daysTodayFirst(WEEK, '2026-03-13')).to.deep.equal([...WEEK.slice(4), ...WEEK.slice(0, 4)]);
    expect(daysTodayFirst(WEEK, '2026-04-01')).to.deep.equal(WEEK);
    expect(mondayOf('2026-03-15')).to.equal('2026-03-09');
    expect(mondayOf('2026-03-09')).to.equal('2026-03-09');
    expect(addDays('2026-03-28', 2)).to.equal('2026-03-30');
  });

  it('words doses and weeks through Intl', () => {
    expect(formatDoseAmount(1, 'comprimé', 'fr')).to.equal('1\u00a0comprimé');
    expect(formatDoseAmount(2, 'comprimé', 'fr')).to.equal('2\u00a0comprimés');
    expect(formatDoseAmount(22, 'UI', 'en')).to.equal('22\u00a0UI');
    expect(formatDoseAmount(0.5, 'comprimé', 'fr')).to.equal('0,5\u00a0comprimé');
    expect(shortMedicationName('Metformine 1000 mg, comprimé pelliculé')).to.equal('Metformine 1000 mg');
    expect(formatWeekSpan('2026-03-30', '2026-04-05', 'fr')).to.equal('30 mars – 5 avril 2026');
  });
});
