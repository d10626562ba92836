import { msg, str } from '@lit/localize';
import type { GlucoseLevel, GlucoseUnit, MealContext } from '@carnet/catalog-sdk';
import type { CarnetLocale } from '../shared/localization.js';

/** « Avant le repas », « Après le repas », « Au coucher ». */
export function mealContextLabel(context: MealContext): string {
  switch (context) {
    case 'before-meal':
      return msg('Avant le repas');
    case 'after-meal':
      return msg('Après le repas');
    case 'bedtime':
      return msg('Au coucher');
  }
}

/** Where a value stands, in plain words and without alarm: « Basse », « Dans l'objectif »… */
export function levelLabel(level: GlucoseLevel): string {
  switch (level) {
    case 'very-low':
      return msg('Très basse');
    case 'low':
      return msg('Basse');
    case 'in-range':
      return msg("Dans l'objectif");
    case 'high':
      return msg('Haute');
    case 'very-high':
      return msg('Très haute');
  }
}

/** What to say once when a value just saved is out of range; calm, with what to do. */
export function levelAdvice(level: GlucoseLevel): string {
  switch (level) {
    case 'very-low':
    case 'low':
      return msg(
        'Cette valeur est sous votre objectif. Si vous ne vous êtes pas encore resucré, faites-le, puis recontrôlez dans 15 minutes.',
      );
    case 'very-high':
    case 'high':
      return msg('Cette valeur est au-dessus de votre objectif. Suivez ce qui a été convenu avec votre médecin.');
    case 'in-range':
      return msg('Cette valeur est dans votre objectif.');
  }
}

const numberFormats = new Map<string, Intl.NumberFormat>();

/** A glucose value with its unit in the locale's digits: « 5,6 mmol/L », « 112 mg/dL ». */
export function formatGlucose(value: number, unit: GlucoseUnit, locale: CarnetLocale): string {
  const key = `${locale}|${unit}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, { maximumFractionDigits: unit === 'mg/dL' ? 0 : 1 });
    numberFormats.set(key, format);
  }
  return `${format.format(value)} ${unit}`;
}

/** A percentage in the locale's words: « 78 % ». */
export function formatShare(fraction: number, locale: CarnetLocale): string {
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(fraction);
}

/** « 7 jours ». */
export function periodLabel(days: number): string {
  return msg(str`${days} jours`);
}

/** « 42 mesures importées, 7 déjà présentes » (what an import did). */
export function importReport(added: number, skipped: number): string {
  const addedText = added === 1 ? msg('1 mesure importée') : msg(str`${added} mesures importées`);
  const skippedText = skipped === 1 ? msg('1 déjà présente') : msg(str`${skipped} déjà présentes`);
  return skipped === 0 ? addedText : `${addedText}, ${skippedText}`;
}
