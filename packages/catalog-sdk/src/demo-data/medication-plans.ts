/**
 * Medication plans of each persona, as their prescriptions read: exact times
 * for levodopa, meal-time doses, weekly vitamin D, EPO on dialysis days.
 */
import type { DayPeriod, DoseSlot, MedicationPlan } from '../model/medication.js';
import type { Weekday } from '../model/common.js';
import { DEFAULT_TIME_ZONE } from '../model/common.js';
import { professionalName, vocabularyOf, type PersonaId } from './personas.js';
import { createSeededRandom, deriveSeed } from './random.js';
import { addDays, formatIsoDate, nextWeekday, weekdayOf, type CalendarDay } from './wall-clock.js';
import type { ProfessionalRole } from './vocabulary.js';

/**
 * Wall-clock times the demo patients take their « morning », « noon »… doses;
 * the pill organiser lets real patients set their own.
 */
export const DEMO_PERIOD_TIMES: Readonly<Record<DayPeriod, string>> = {
  morning: '08:00',
  noon: '12:30',
  evening: '19:30',
  bedtime: '22:30',
};

interface PlanSeed {
  slug: string;
  display: string;
  /** ATC code, public and non-identifying. */
  atc: string;
  dose: number;
  doseUnit: string;
  slots: DoseSlot[];
  daysOfWeek?: Weekday[];
  instructions: string;
  prescriber: ProfessionalRole;
  /** Years since the treatment started. */
  startedYearsAgo: number;
  /** Units per dispensing. */
  dispensed: number;
  lateToleranceMinutes?: number;
}

const at = (...times: string[]): DoseSlot[] => times.map((time) => ({ time }));
const during = (...periods: DayPeriod[]): DoseSlot[] => periods.map((period) => ({ period }));

const PLAN_SEEDS: Readonly<Record<PersonaId, readonly PlanSeed[]>> = {
  diabetes: [
    {
      slug: 'metformine',
      display: 'Metformine 1000 mg, comprimé pelliculé',
      atc: 'A10BA02',
      dose: 1,
      doseUnit: 'comprimé',
      slots: during('morning', 'evening'),
      instructions: "Au milieu du repas, avec un grand verre d'eau.",
      prescriber: 'gp',
      startedYearsAgo: 6,
      dispensed: 180,
    },
    {
      slug: 'insuline-glargine',
      display: 'Insuline glargine 100 unités/ml, stylo prérempli',
      atc: 'A10AE04',
      dose: 22,
      doseUnit: 'UI',
      slots: during('bedtime'),
      instructions: 'Injection sous-cutanée au coucher, en changeant de site. Adapter selon la glycémie du matin.',
      prescriber: 'specialist',
      startedYearsAgo: 2,
      dispensed: 1500,
      lateToleranceMinutes: 60,
    },
    {
      slug: 'atorvastatine',
      display: 'Atorvastatine 20 mg, comprimé',
      atc: 'C10AA05',
      dose: 1,
      doseUnit: 'comprimé',
      slots: during('evening'),
      instructions: 'Un comprimé le soir.',
      prescriber: 'gp',
      startedYearsAgo: 4,
      dispensed: 90,
    },
    {
      slug: 'empagliflozine',
      display: 'Empagliflozine 10 mg, comprimé',
      atc: 'A10BK03',
      dose: 1,
      doseUnit: 'comprimé',
      slots: during('morning'),
      instructions: 'Le matin. Boire suffisamment, arrêter en cas de déshydratation.',
      prescriber: 'specialist',
      startedYearsAgo: 1,
      dispensed: 90,
    },
  ],
  parkinson: [
    {
      slug: 'levodopa-carbidopa',
      display: 'Lévodopa/Carbidopa 100 mg/25 mg, comprimé sécable',
      atc: 'N04BA02',
      dose: 1,
      doseUnit: 'comprimé',
      slots: at('07:00', '11:00', '15:00', '19:00'),
      instructions: 'À heure fixe, 30 minutes avant ou 1 heure après un repas riche en protéines.',
      prescriber: 'specialist',
      startedYearsAgo: 6,
      dispensed: 120,
      lateToleranceMinutes: 15,
    },
    {
      slug: 'rasagiline',
      display: 'Rasagiline 1 mg, comprimé',
      atc: 'N04BD02',
      dose: 1,
      doseUnit: 'comprimé',
      slots: during('morning'),
      instructions: 'Un comprimé le matin, pendant ou en dehors des repas.',
      prescriber: 'specialist',
      startedYearsAgo: 5,
      dispensed: 30,
    },
    {
      slug: 'levodopa-lp',
      display: 'Lévodopa/Bensérazide 100 mg/25 mg LP, gélule',
      atc: 'N04BA02',
      dose: 1,
      doseUnit: 'gélule',
      slots: during('bedtime'),
      instructions: 'Au coucher, pour la raideur nocturne. Avaler sans ouvrir la gélule.',
      prescriber: 'specialist',
      startedYearsAgo: 2,
      dispensed: 30,
      lateToleranceMinutes: 30,
    },
    {
      slug: 'macrogol',
      display: 'Macrogol 4000, poudre pour solution buvable en sachet',
      atc: 'A06AD15',
      dose: 1,
      doseUnit: 'sachet',
      slots: during('morning'),
      instructions: "Un sachet dans un verre d'eau le matin.",
      prescriber: 'gp',
      startedYearsAgo: 3,
      dispensed: 30,
    },
  ],
  kidney: [
    {
      slug: 'sevelamer',
      display: 'Sevelamer (carbonate) 800 mg, comprimé',
      atc: 'V03AE02',
      dose: 1,
      doseUnit: 'comprimé',
      slots: during('morning', 'noon', 'evening'),
      instructions: 'Au début de chaque repas, chélateur du phosphore. Ne pas croquer.',
      prescriber: 'specialist',
      startedYearsAgo: 3,
      dispensed: 180,
    },
    {
      slug: 'cholecalciferol',
      display: 'Cholécalciférol 25 000 UI, solution buvable en ampoule',
      atc: 'A11CC05',
      dose: 1,
      doseUnit: 'ampoule',
      slots: during('morning'),
      daysOfWeek: ['SU'],
      instructions: 'Une ampoule le dimanche matin.',
      prescriber: 'specialist',
      startedYearsAgo: 3,
      dispensed: 4,
    },
    {
      slug: 'epoetine',
      display: 'Époétine bêta 4 000 UI, seringue préremplie',
      atc: 'B03XA01',
      dose: 1,
      doseUnit: 'injection',
      slots: at('11:00'),
      daysOfWeek: ['MO', 'WE', 'FR'],
      instructions: "Injectée par l'infirmière en fin de séance de dialyse.",
      prescriber: 'specialist',
      startedYearsAgo: 3,
      dispensed: 12,
      lateToleranceMinutes: 60,
    },
    {
      slug: 'amlodipine',
      display: 'Amlodipine 5 mg, gélule',
      atc: 'C08CA01',
      dose: 1,
      doseUnit: 'gélule',
      slots: during('evening'),
      instructions: 'Le soir. Ne pas prendre avant une séance si la tension est basse.',
      prescriber: 'specialist',
      startedYearsAgo: 4,
      dispensed: 30,
    },
  ],
};

/** Id of a persona's plan, e.g. `plan-parkinson-levodopa-carbidopa`. */
export function planId(persona: PersonaId, slug: string): string {
  return `plan-${persona}-${slug}`;
}

/** The persona's medication plans; renewals fall 1–3 months after `today`. */
export function buildMedicationPlans(persona: PersonaId, seed: number, today: CalendarDay): MedicationPlan[] {
  const random = createSeededRandom(deriveSeed(seed, `plans:${persona}`));
  const vocabulary = vocabularyOf(persona);
  return (PLAN_SEEDS[persona] ?? []).map((plan) => {
    const prescriber = vocabulary.careTeam.find((member) => member.role === plan.prescriber) ?? vocabulary.careTeam[0];
    // Renewals are at the doctor's, so on a weekday.
    let renewal = addDays(today, random.int(31, 88));
    if (weekdayOf(renewal) === 'SA' || weekdayOf(renewal) === 'SU') renewal = nextWeekday(renewal, 'MO');
    const medicationPlan: MedicationPlan = {
      id: planId(persona, plan.slug),
      medication: { display: plan.display, code: plan.atc, system: 'http://www.whocc.no/atc' },
      dose: plan.dose,
      doseUnit: plan.doseUnit,
      slots: plan.slots.map((slot) => ({ ...slot })),
      instructions: plan.instructions,
      start: formatIsoDate(addDays(today, -Math.round(plan.startedYearsAgo * 365) - random.int(0, 60))),
      renewalDate: formatIsoDate(renewal),
      stock: {
        dispensed: plan.dispensed,
        unit: plan.doseUnit,
        dispensedOn: formatIsoDate(addDays(today, -random.int(3, 25))),
      },
      timeZone: DEFAULT_TIME_ZONE,
      version: '1',
    };
    if (plan.daysOfWeek) medicationPlan.daysOfWeek = [...plan.daysOfWeek];
    if (plan.lateToleranceMinutes !== undefined) medicationPlan.lateToleranceMinutes = plan.lateToleranceMinutes;
    if (prescriber) medicationPlan.prescriber = professionalName(prescriber);
    return medicationPlan;
  });
}
