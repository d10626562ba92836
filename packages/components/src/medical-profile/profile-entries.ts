/** One line of words per profile entry, shared by the profile and the emergency card. */
import { msg, str } from '@lit/localize';
import type {
  Allergy,
  EmergencyContact,
  MedicalCondition,
  MedicalProfileEntries,
  MedicalProfileEntryKind,
  Vaccination,
} from '@carnet/catalog-sdk';
import type { CarnetLocale } from '../shared/localization.js';
import { allergyTypeLabel, categoryLabel, severityLabel } from './profile-labels.js';

const dayFormatters = new Map<CarnetLocale, Intl.DateTimeFormat>();

/**
 * A calendar day in words, day first as the date fields are typed
 * (« 1 mars 2019 », "1 March 2019"); never moved by a time zone.
 */
export function dayInWords(day: string, locale: CarnetLocale): string {
  let formatter = dayFormatters.get(locale);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'fr-FR', { dateStyle: 'long', timeZone: 'UTC' });
    dayFormatters.set(locale, formatter);
  }
  const date = new Date(`${day}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? day : formatter.format(date);
}

/** The name an entry goes by: the substance, the person, the vaccine… */
export function entryName<K extends MedicalProfileEntryKind>(kind: K, entry: MedicalProfileEntries[K]): string {
  switch (kind) {
    case 'allergy':
      return (entry as Allergy).substance;
    case 'contact':
      return (entry as EmergencyContact).name;
    case 'bloodGroup':
      return (entry as MedicalProfileEntries['bloodGroup']).group;
    case 'condition':
      return (entry as MedicalCondition).name;
    default:
      return (entry as Vaccination).vaccine;
  }
}

/** « Allergie · Médicament · Grave ». */
export function allergyFacts(allergy: Allergy): string {
  return [allergyTypeLabel(allergy.type), categoryLabel(allergy.category), severityLabel(allergy.severity)].join(' · ');
}

/** « depuis le 1 mars 2019 », or nothing. */
export function conditionSince(condition: MedicalCondition, locale: CarnetLocale): string {
  if (!condition.since) return '';
  const since = dayInWords(condition.since, locale);
  return msg(str`depuis le ${since}`);
}
