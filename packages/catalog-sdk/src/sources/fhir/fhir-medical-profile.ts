/** The medical profile on a FHIR server: one resource type per kind of entry. */
import type {
  AllergyIntolerance,
  Condition,
  Immunization,
  Observation,
  RelatedPerson,
  Resource,
} from '@medplum/fhirtypes';
import type {
  MedicalProfile,
  MedicalProfileEntries,
  MedicalProfileEntryKind,
  NewMedicalProfileEntry,
} from '../../model/medical-profile.js';
import {
  BLOOD_GROUP_LOINC,
  allergyIntoleranceToAllergy,
  allergyToAllergyIntolerance,
  bloodGroupToObservation,
  conditionToMedicalCondition,
  emergencyContactToRelatedPerson,
  immunizationToVaccination,
  isEmergencyContact,
  medicalConditionToCondition,
  observationToBloodGroup,
  relatedPersonToEmergencyContact,
  vaccinationToImmunization,
} from '../../model/fhir/medical-profile.js';
import type { FhirPatientContext } from '../../model/fhir/patient.js';
import type { FhirSearchParams } from '../../fhir/fhir-client.js';
import type { MedicalProfileRepository } from '../data-source.js';
import { assembleProfile, checkProfileEntry } from '../rules/medical-profile.js';
import { patientIdOf, versionOf, type FhirSourceContext } from './fhir-context.js';

/** How one kind of entry lives on the server. */
interface KindMapping<K extends MedicalProfileEntryKind> {
  type: Resource['resourceType'];
  search(patientId: string): FhirSearchParams;
  /** Keeps the resources that are entries of this kind (default: all). */
  keep?(resource: Resource): boolean;
  read(resource: Resource): MedicalProfileEntries[K];
  write(entry: MedicalProfileEntries[K], context: FhirPatientContext): Resource;
}

type Mappings = { [K in MedicalProfileEntryKind]: KindMapping<K> };

const MAPPINGS: Mappings = {
  allergy: {
    type: 'AllergyIntolerance',
    search: (patient) => ({ patient }),
    read: (resource) => allergyIntoleranceToAllergy(resource as AllergyIntolerance),
    write: allergyToAllergyIntolerance,
  },
  condition: {
    type: 'Condition',
    search: (patient) => ({ patient, 'clinical-status': 'active' }),
    read: (resource) => conditionToMedicalCondition(resource as Condition),
    write: medicalConditionToCondition,
  },
  vaccination: {
    type: 'Immunization',
    search: (patient) => ({ patient }),
    read: (resource) => immunizationToVaccination(resource as Immunization),
    write: vaccinationToImmunization,
  },
  bloodGroup: {
    type: 'Observation',
    search: (patient) => ({ patient, code: `http://loinc.org|${BLOOD_GROUP_LOINC}` }),
    read: (resource) => observationToBloodGroup(resource as Observation),
    write: bloodGroupToObservation,
  },
  contact: {
    type: 'RelatedPerson',
    search: (patient) => ({ patient }),
    // Caregivers are RelatedPersons too: only emergency contacts are profile entries.
    keep: (resource) => isEmergencyContact(resource as RelatedPerson),
    read: (resource) => relatedPersonToEmergencyContact(resource as RelatedPerson),
    write: emergencyContactToRelatedPerson,
  },
};

/** The patient's medical profile on a FHIR server; updates and deletes are conditional on the version. */
export class FhirMedicalProfileRepository implements MedicalProfileRepository {
  constructor(private readonly context: FhirSourceContext) {}

  private async list<K extends MedicalProfileEntryKind>(
    kind: K,
    signal: AbortSignal | undefined,
  ): Promise<MedicalProfileEntries[K][]> {
    const mapping = MAPPINGS[kind] as KindMapping<K>;
    const result = await this.context.client.search<Resource>(
      mapping.type,
      { ...mapping.search(patientIdOf(this.context)), _count: 200 },
      { all: true, ...(signal === undefined ? {} : { signal }) },
    );
    return result.resources
      .filter((resource) => mapping.keep?.(resource) ?? true)
      .map((resource) => mapping.read(resource));
  }

  async get(options: { signal?: AbortSignal } = {}): Promise<MedicalProfile> {
    const { signal } = options;
    const [allergy, condition, vaccination, bloodGroup, contact] = await Promise.all([
      this.list('allergy', signal),
      this.list('condition', signal),
      this.list('vaccination', signal),
      this.list('bloodGroup', signal),
      this.list('contact', signal),
    ]);
    // The latest blood group on record wins (the first written stays in the history).
    const latest = bloodGroup.sort((a, b) => Number(b.version) - Number(a.version)).slice(0, 1);
    return assembleProfile({ allergy, condition, vaccination, bloodGroup: latest, contact });
  }

  async add<K extends MedicalProfileEntryKind>(
    kind: K,
    entry: NewMedicalProfileEntry<K>,
  ): Promise<MedicalProfileEntries[K]> {
    const mapping = MAPPINGS[kind] as KindMapping<K>;
    const fields = checkProfileEntry(kind, entry);
    const context = { patientId: patientIdOf(this.context) };
    if (kind === 'bloodGroup') {
      // One blood group on record: the new one replaces the old.
      for (const old of await this.list('bloodGroup', undefined))
        await this.context.client.delete(mapping.type, old.id, { ifMatch: old.version });
    }
    const draft = { ...fields, id: '', version: '' } as MedicalProfileEntries[K];
    const created = await this.context.client.create(mapping.write(draft, context));
    return mapping.read(versionOf(created));
  }

  async update<K extends MedicalProfileEntryKind>(
    kind: K,
    entry: MedicalProfileEntries[K],
  ): Promise<MedicalProfileEntries[K]> {
    const mapping = MAPPINGS[kind] as KindMapping<K>;
    const fields = checkProfileEntry(kind, entry);
    const resource = mapping.write({ ...fields, id: entry.id, version: entry.version } as MedicalProfileEntries[K], {
      patientId: patientIdOf(this.context),
    });
    const updated = await this.context.client.update(resource, { ifMatch: entry.version });
    return mapping.read(versionOf(updated));
  }

  async remove(kind: MedicalProfileEntryKind, id: string, baseVersion: string): Promise<void> {
    await this.context.client.delete(MAPPINGS[kind].type, id, { ifMatch: baseVersion });
  }
}
