/**
 * The demo personas' medical profiles: what an emergency team would need about
 * each (the kidney persona is allergic to penicillin and her daughter is the one
 * to call). Written with the SDK's mappers, like the rest of the seed.
 */
import type { Resource } from '@medplum/fhirtypes';
import {
  type MedicalProfileEntries,
  type MedicalProfileEntryKind,
  type NewMedicalProfileEntry,
  type Pathology,
  allergyToAllergyIntolerance,
  bloodGroupToObservation,
  emergencyContactToRelatedPerson,
  medicalConditionToCondition,
  vaccinationToImmunization,
} from '@carnet/catalog-sdk';

type Entry = { [K in MedicalProfileEntryKind]: { kind: K; entry: NewMedicalProfileEntry<K> } }[MedicalProfileEntryKind];

const PROFILES: Record<Pathology, Entry[]> = {
  kidney: [
    {
      kind: 'allergy',
      entry: {
        substance: 'Pénicilline',
        type: 'allergy',
        category: 'medication',
        severity: 'high',
        reaction: 'Œdème de Quincke',
      },
    },
    {
      kind: 'allergy',
      entry: { substance: 'Produits de contraste iodés', type: 'allergy', category: 'medication', severity: 'low' },
    },
    { kind: 'contact', entry: { name: 'Claire Martin', relationship: 'Fille', phone: '06 12 34 56 78' } },
    { kind: 'bloodGroup', entry: { group: 'A+' } },
    { kind: 'condition', entry: { name: 'Insuffisance rénale chronique stade 5 (hémodialyse)', since: '2019-03-01' } },
    { kind: 'condition', entry: { name: 'Hypertension artérielle', since: '2012-06-01' } },
    { kind: 'vaccination', entry: { vaccine: 'Hépatite B (rappel)', date: '2025-02-11' } },
    { kind: 'vaccination', entry: { vaccine: 'Grippe saisonnière', date: '2025-10-14' } },
  ],
  diabetes: [
    {
      kind: 'allergy',
      entry: {
        substance: 'Sulfamides',
        type: 'allergy',
        category: 'medication',
        severity: 'high',
        reaction: 'Éruption cutanée',
      },
    },
    { kind: 'contact', entry: { name: 'Julien Bernard', relationship: 'Conjoint', phone: '06 23 45 67 89' } },
    { kind: 'bloodGroup', entry: { group: 'O+' } },
    { kind: 'condition', entry: { name: 'Diabète de type 1 (pompe à insuline)', since: '2004-09-01' } },
    { kind: 'vaccination', entry: { vaccine: 'Grippe saisonnière', date: '2025-10-20' } },
  ],
  parkinson: [
    {
      kind: 'allergy',
      entry: {
        substance: 'Métoclopramide',
        type: 'intolerance',
        category: 'medication',
        severity: 'high',
        reaction: 'Aggravation des symptômes parkinsoniens',
      },
    },
    { kind: 'contact', entry: { name: 'Sophie Petit', relationship: 'Fille', phone: '06 34 56 78 90' } },
    { kind: 'bloodGroup', entry: { group: 'B+' } },
    { kind: 'condition', entry: { name: 'Maladie de Parkinson', since: '2017-05-01' } },
    { kind: 'vaccination', entry: { vaccine: 'Pneumocoque', date: '2024-11-05' } },
  ],
};

function toResource(item: Entry, id: string, patientId: string): Resource {
  const context = { patientId };
  const stored = <K extends MedicalProfileEntryKind>(entry: NewMedicalProfileEntry<K>): MedicalProfileEntries[K] =>
    ({ ...entry, id, version: '1' }) as MedicalProfileEntries[K];
  switch (item.kind) {
    case 'allergy':
      return allergyToAllergyIntolerance(stored<'allergy'>(item.entry), context);
    case 'contact':
      return emergencyContactToRelatedPerson(stored<'contact'>(item.entry), context);
    case 'bloodGroup':
      return bloodGroupToObservation(stored<'bloodGroup'>(item.entry), context);
    case 'condition':
      return medicalConditionToCondition(stored<'condition'>(item.entry), context);
    case 'vaccination':
      return vaccinationToImmunization(stored<'vaccination'>(item.entry), context);
  }
}

/** The FHIR resources of a persona's medical profile, with stable ids. */
export function medicalProfileResources(pathology: Pathology, patientId: string): Resource[] {
  return PROFILES[pathology].map((item, index) => toResource(item, `${patientId}-profile-${index + 1}`, patientId));
}
