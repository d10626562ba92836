/**
 * Pathology presets of the pill organiser, chosen by the provider's `pathology`:
 * Parkinson's shows exact-time rows and a tighter late window, kidney disease
 * highlights dialysis days, diabetes names rows after meals.
 */
import type { MedicationPlan, Pathology } from '@carnet/catalog-sdk';

/** Minutes of tolerance under the Parkinson's preset for plans that set none. */
export const PARKINSON_LATE_TOLERANCE_MINUTES = 15;

/** How the organiser is tuned for a condition. */
export interface OrganiserPreset {
  /** `periods`: four rows (morning … bedtime); `exact-times`: one row per prescribed time. */
  rows: 'periods' | 'exact-times';
  /** Row names: moments of the day, or meals (« petit-déjeuner », « déjeuner »…). */
  rowLabels: 'moments' | 'meals';
  /** Tolerance for plans without their own `lateToleranceMinutes`; undefined keeps the SDK default. */
  lateToleranceMinutes: number | undefined;
  /** Whether doses taken late carry a visible « prise en retard » badge. */
  lateBadge: boolean;
  /** Whether dialysis days are looked up and highlighted. */
  dialysisDays: boolean;
}

const NEUTRAL: OrganiserPreset = {
  rows: 'periods',
  rowLabels: 'moments',
  lateToleranceMinutes: undefined,
  lateBadge: false,
  dialysisDays: false,
};

/** The preset for a condition; the neutral one when none is chosen. */
export function presetFor(pathology: Pathology | undefined): OrganiserPreset {
  switch (pathology) {
    case 'parkinson':
      return {
        ...NEUTRAL,
        rows: 'exact-times',
        lateToleranceMinutes: PARKINSON_LATE_TOLERANCE_MINUTES,
        lateBadge: true,
      };
    case 'kidney':
      return { ...NEUTRAL, dialysisDays: true };
    case 'diabetes':
      return { ...NEUTRAL, rowLabels: 'meals' };
    default:
      return NEUTRAL;
  }
}

/**
 * The plans as the preset reads them: a plan without its own tolerance gets the
 * preset's, so the grid's « en retard » and the adherence figures agree.
 */
export function plansUnderPreset(plans: readonly MedicationPlan[], preset: OrganiserPreset): MedicationPlan[] {
  const tolerance = preset.lateToleranceMinutes;
  if (tolerance === undefined) return [...plans];
  return plans.map((plan) =>
    plan.lateToleranceMinutes === undefined ? { ...plan, lateToleranceMinutes: tolerance } : plan,
  );
}
