// Rules both data sources apply to medical profile entries: the same input is accepted or refused everywhere.
import { ValidationError } from '../../errors/errors.js';
import {
  ALLERGY_CATEGORIES,
  ALLERGY_SEVERITIES,
  BLOOD_GROUPS,
  type Allergy,
  type MedicalProfile,
  type MedicalProfileEntries,
  type MedicalProfileEntryKind,
  type NewMedicalProfileEntry,
} from '../../model/medical-profile.js';
import { optionalText, requireText } from './validation.js';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function optionalDay(field: string, value: unknown): string | undefined {
  if (value === undefined || value === '') return undefined;
  if (typeof value !== 'string' || !ISO_DATE.test(value) || Number.isNaN(Date.parse(value)))
    throw new ValidationError(field, 'must be a day (YYYY-MM-DD)');
  return value;
}

function oneOf<T extends string>(field: string, value: unknown, allowed: readonly T[]): T {
  if (!allowed.includes(value as T)) throw new ValidationError(field, `must be one of ${allowed.join(', ')}`);
  return value as T;
}

function withOptional<T extends object>(entry: T, field: string, value: string | undefined): T {
  return value === undefined ? entry : { ...entry, [field]: value };
}

/**
 * The entry's fields checked and trimmed (what both sources store); rejects
 * with `ValidationError` naming the field.
 */
export function checkProfileEntry<K extends MedicalProfileEntryKind>(
  kind: K,
  entry: NewMedicalProfileEntry<K>,
): NewMedicalProfileEntry<K> {
  const fields = entry as Record<string, unknown>;
  let checked: Record<string, unknown>;
  switch (kind) {
    case 'allergy':
      checked = withOptional(
        {
          substance: requireText('substance', fields['substance'], 200),
          type: oneOf('type', fields['type'], ['allergy', 'intolerance'] as const),
          category: oneOf('category', fields['category'], ALLERGY_CATEGORIES),
          severity: oneOf('severity', fields['severity'], ALLERGY_SEVERITIES),
        },
        'reaction',
        optionalText('reaction', fields['reaction'], 500),
      );
      break;
    case 'condition':
      checked = withOptional(
        withOptional(
          { name: requireText('name', fields['name'], 300) },
          'since',
          optionalDay('since', fields['since']),
        ),
        'note',
        optionalText('note', fields['note'], 1000),
      );
      break;
    case 'vaccination': {
      const date = optionalDay('date', fields['date']);
      if (date === undefined) throw new ValidationError('date', 'must not be empty');
      checked = withOptional(
        { vaccine: requireText('vaccine', fields['vaccine'], 300), date },
        'note',
        optionalText('note', fields['note'], 1000),
      );
      break;
    }
    case 'bloodGroup':
      checked = { group: oneOf('group', fields['group'], BLOOD_GROUPS) };
      break;
    case 'contact': {
      const phone = requireText('phone', fields['phone'], 40);
      if (!/^\+?[0-9 ().-]{6,}$/.test(phone)) throw new ValidationError('phone', 'must be a phone number');
      checked = {
        name: requireText('name', fields['name'], 200),
        relationship: requireText('relationship', fields['relationship'], 100),
        phone,
      };
      break;
    }
    default:
      throw new ValidationError('kind', 'is not a medical profile entry');
  }
  return checked as NewMedicalProfileEntry<K>;
}

const SEVERITY_ORDER: Record<Allergy['severity'], number> = { high: 0, unknown: 1, low: 2 };

/** The profile from its entries, in the order the widgets show them. */
export function assembleProfile(entries: {
  [K in MedicalProfileEntryKind]: MedicalProfileEntries[K][];
}): MedicalProfile {
  const byText = (a: string, b: string): number => a.localeCompare(b, 'fr');
  const profile: MedicalProfile = {
    allergies: [...entries.allergy].sort(
      (a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || byText(a.substance, b.substance),
    ),
    conditions: [...entries.condition].sort((a, b) => byText(a.name, b.name)),
    vaccinations: [...entries.vaccination].sort((a, b) => b.date.localeCompare(a.date) || byText(a.vaccine, b.vaccine)),
    contacts: [...entries.contact].sort((a, b) => byText(a.name, b.name)),
  };
  const [bloodGroup] = entries.bloodGroup;
  if (bloodGroup) profile.bloodGroup = bloodGroup;
  return profile;
}
