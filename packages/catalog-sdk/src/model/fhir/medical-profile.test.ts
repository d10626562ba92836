import { expect } from '@open-wc/testing';
import type { Resource } from '@medplum/fhirtypes';
import { MappingError } from '../../errors/errors.js';
import {
  allergyIntoleranceToAllergy,
  allergyToAllergyIntolerance,
  bloodGroupToObservation,
  conditionToMedicalCondition,
  emergencyContactToRelatedPerson,
  immunizationToVaccination,
  medicalConditionToCondition,
  observationToBloodGroup,
  relatedPersonToEmergencyContact,
  vaccinationToImmunization,
} from './medical-profile.js';

const context = { patientId: 'kidney-patient' };

function stored<T extends Resource>(resource: T): T {
  return { ...resource, id: 'r1', meta: { ...resource.meta, versionId: '1' } };
}

describe('medical profile ↔ FHIR', () => {
  it('round-trips every kind of entry through its FHIR resource', () => {
    const allergy = {
      id: 'r1',
      version: '1',
      substance: 'Pénicilline',
      type: 'allergy',
      category: 'medication',
      severity: 'high',
      reaction: 'Œdème de Quincke',
    } as const;
    const resource = allergyToAllergyIntolerance({ ...allergy, id: '', version: '' }, context);
    expect(resource).to.deep.include({
      criticality: 'high',
      category: ['medication'],
      patient: { reference: 'Patient/kidney-patient' },
    });
    expect(allergyIntoleranceToAllergy(stored(resource))).to.deep.equal(allergy);

    const condition = { id: 'r1', version: '1', name: 'Insuffisance rénale chronique', since: '2019-03-01' };
    expect(conditionToMedicalCondition(stored(medicalConditionToCondition(condition, context)))).to.deep.equal(
      condition,
    );

    const vaccination = { id: 'r1', version: '1', vaccine: 'Grippe saisonnière', date: '2025-10-14' };
    expect(immunizationToVaccination(stored(vaccinationToImmunization(vaccination, context)))).to.deep.equal(
      vaccination,
    );

    const observation = bloodGroupToObservation({ id: '', version: '', group: 'AB-' }, context);
    expect(observation.code?.coding?.[0]).to.include({ system: 'http://loinc.org', code: '882-1' });
    expect(observationToBloodGroup(stored(observation))).to.deep.equal({ id: 'r1', version: '1', group: 'AB-' });

    const contact = { id: 'r1', version: '1', name: 'Claire Martin', relationship: 'Fille', phone: '06 12 34 56 78' };
    const person = emergencyContactToRelatedPerson({ ...contact, id: '', version: '' }, context);
    expect(person.relationship?.[0]?.coding?.[0]).to.deep.equal({
      system: 'http://terminology.hl7.org/CodeSystem/v2-0131',
      code: 'C',
    });
    expect(relatedPersonToEmergencyContact(stored(person))).to.deep.equal(contact);
  });

  it('names the missing field of a malformed resource', () => {
    expect(() =>
      allergyIntoleranceToAllergy({ resourceType: 'AllergyIntolerance', id: 'a', meta: { versionId: '1' } } as never),
    ).to.throw(MappingError, 'AllergyIntolerance.code');
  });
});
