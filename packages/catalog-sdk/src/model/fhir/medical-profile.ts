/**
 * Medical profile entries ↔ FHIR R4: `AllergyIntolerance`, `Condition`,
 * `Immunization`, `Observation` (blood group, LOINC 882-1) and `RelatedPerson`
 * (emergency contact: relationship coded v2-0131 `C`, so it is never taken for a caregiver's account).
 */
import type {
  AllergyIntolerance,
  CodeableConcept,
  Condition,
  Immunization,
  Observation,
  RelatedPerson,
} from '@medplum/fhirtypes';
import {
  ALLERGY_CATEGORIES,
  BLOOD_GROUPS,
  type Allergy,
  type AllergySeverity,
  type BloodGroup,
  type BloodGroupRecord,
  type EmergencyContact,
  type MedicalCondition,
  type Vaccination,
} from '../medical-profile.js';
import type { FhirPatientContext } from './patient.js';
import {
  fail,
  isObject,
  optionalArray,
  optionalDate,
  optionalString,
  readResource,
  referenceTo,
  requireCode,
  requireDate,
  requireId,
  requireObject,
  requireString,
  requireVersion,
  withoutUndefined,
  type JsonObject,
} from './read.js';

/** HL7 v2 table 0131 (contact role), whose code `C` is « Emergency Contact ». */
export const CONTACT_ROLE_SYSTEM = 'http://terminology.hl7.org/CodeSystem/v2-0131';
/** The contact-role code of an emergency contact. */
export const EMERGENCY_CONTACT_CODE = 'C';

/** LOINC « ABO and Rh group [Type] in Blood ». */
export const BLOOD_GROUP_LOINC = '882-1';

// SNOMED CT « Blood group X Rh(D) positive/negative ».
const BLOOD_GROUP_SNOMED: Record<BloodGroup, string> = {
  'A+': '278149003',
  'A-': '278152006',
  'B+': '278150003',
  'B-': '278153001',
  'AB+': '278151004',
  'AB-': '278154007',
  'O+': '278147001',
  'O-': '278148006',
};

const SNOMED = 'http://snomed.info/sct';
const LOINC = 'http://loinc.org';

function meta(version: string): { versionId: string } | undefined {
  return version === '' ? undefined : { versionId: version };
}

function idOf(id: string): string | undefined {
  return id === '' ? undefined : id;
}

/** `code.text`, else the first coding's display. */
function conceptText(path: string, value: unknown): string {
  const concept = requireObject(path, value);
  const text = optionalString(`${path}.text`, concept.text);
  if (text !== undefined) return text;
  for (const [i, coding] of optionalArray(`${path}.coding`, concept.coding).entries()) {
    if (!isObject(coding)) fail(`${path}.coding[${i}]`, 'is not an object');
    const display = optionalString(`${path}.coding[${i}].display`, coding.display);
    if (display !== undefined) return display;
  }
  return fail(`${path}.text`, 'is missing');
}

function firstNote(path: string, value: unknown): string | undefined {
  const [note] = optionalArray(path, value);
  return note === undefined ? undefined : requireString(`${path}[0].text`, requireObject(`${path}[0]`, note).text);
}

function clinicalStatus(code: string, system: string): CodeableConcept {
  return { coding: [{ system, code }] };
}

const SEVERITY_FROM_CRITICALITY: Record<string, AllergySeverity> = {
  high: 'high',
  low: 'low',
  'unable-to-assess': 'unknown',
};

/** Reads an `AllergyIntolerance`: substance from `code`, first category, criticality, first reaction's text. */
export function allergyIntoleranceToAllergy(resource: AllergyIntolerance): Allergy {
  const RT = 'AllergyIntolerance';
  const r = readResource(resource, RT);
  const [category] = optionalArray(`${RT}.category`, r.category);
  const [reaction] = optionalArray(`${RT}.reaction`, r.reaction);
  let reactionText: string | undefined;
  if (reaction !== undefined) {
    const first = requireObject(`${RT}.reaction[0]`, reaction);
    reactionText = optionalString(`${RT}.reaction[0].description`, first.description);
    const [manifestation] = optionalArray(`${RT}.reaction[0].manifestation`, first.manifestation);
    if (reactionText === undefined && manifestation !== undefined)
      reactionText = conceptText(`${RT}.reaction[0].manifestation[0]`, manifestation);
  }
  const criticality = optionalString(`${RT}.criticality`, r.criticality);
  return withoutUndefined<Allergy>({
    id: requireId(r, RT),
    version: requireVersion(r, RT),
    substance: conceptText(`${RT}.code`, r.code),
    type: r.type === 'intolerance' ? 'intolerance' : 'allergy',
    category: category === undefined ? 'medication' : requireCode(`${RT}.category[0]`, category, ALLERGY_CATEGORIES),
    severity: (criticality && SEVERITY_FROM_CRITICALITY[criticality]) || 'unknown',
    reaction: reactionText,
  });
}

/** Writes an allergy as an active, patient-reported `AllergyIntolerance`. */
export function allergyToAllergyIntolerance(allergy: Allergy, context: FhirPatientContext): AllergyIntolerance {
  const RT = 'AllergyIntolerance';
  return withoutUndefined<AllergyIntolerance>({
    resourceType: RT,
    id: idOf(allergy.id),
    meta: meta(allergy.version),
    clinicalStatus: clinicalStatus('active', 'http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical'),
    type: allergy.type,
    category: [allergy.category],
    criticality: allergy.severity === 'unknown' ? 'unable-to-assess' : allergy.severity,
    code: { text: allergy.substance },
    patient: referenceTo(`${RT}.patient`, 'Patient', context.patientId),
    reaction: allergy.reaction
      ? [{ manifestation: [{ text: allergy.reaction }], description: allergy.reaction }]
      : undefined,
  });
}

/** Reads a `Condition`: name from `code`, `onsetDateTime`'s day, first note. */
export function conditionToMedicalCondition(resource: Condition): MedicalCondition {
  const RT = 'Condition';
  const r = readResource(resource, RT);
  const onset = optionalString(`${RT}.onsetDateTime`, r.onsetDateTime);
  return withoutUndefined<MedicalCondition>({
    id: requireId(r, RT),
    version: requireVersion(r, RT),
    name: conceptText(`${RT}.code`, r.code),
    since: onset === undefined ? undefined : optionalDate(`${RT}.onsetDateTime`, onset.slice(0, 10)),
    note: firstNote(`${RT}.note`, r.note),
  });
}

/** Writes a condition as an active problem-list `Condition`. */
export function medicalConditionToCondition(condition: MedicalCondition, context: FhirPatientContext): Condition {
  const RT = 'Condition';
  return withoutUndefined<Condition>({
    resourceType: RT,
    id: idOf(condition.id),
    meta: meta(condition.version),
    clinicalStatus: clinicalStatus('active', 'http://terminology.hl7.org/CodeSystem/condition-clinical'),
    category: [
      { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-category', code: 'problem-list-item' }] },
    ],
    code: { text: condition.name },
    subject: referenceTo(`${RT}.subject`, 'Patient', context.patientId),
    onsetDateTime: condition.since,
    note: condition.note ? [{ text: condition.note }] : undefined,
  });
}

/** Reads an `Immunization`: vaccine from `vaccineCode`, the day of `occurrenceDateTime`, first note. */
export function immunizationToVaccination(resource: Immunization): Vaccination {
  const RT = 'Immunization';
  const r = readResource(resource, RT);
  const occurrence = requireString(`${RT}.occurrenceDateTime`, r.occurrenceDateTime);
  return withoutUndefined<Vaccination>({
    id: requireId(r, RT),
    version: requireVersion(r, RT),
    vaccine: conceptText(`${RT}.vaccineCode`, r.vaccineCode),
    date: requireDate(`${RT}.occurrenceDateTime`, occurrence.slice(0, 10)),
    note: firstNote(`${RT}.note`, r.note),
  });
}

/** Writes a vaccination as a completed, patient-reported `Immunization`. */
export function vaccinationToImmunization(vaccination: Vaccination, context: FhirPatientContext): Immunization {
  const RT = 'Immunization';
  return withoutUndefined<Immunization>({
    resourceType: RT,
    id: idOf(vaccination.id),
    meta: meta(vaccination.version),
    status: 'completed',
    vaccineCode: { text: vaccination.vaccine },
    patient: referenceTo(`${RT}.patient`, 'Patient', context.patientId),
    occurrenceDateTime: vaccination.date,
    primarySource: false,
    note: vaccination.note ? [{ text: vaccination.note }] : undefined,
  });
}

/** Reads a blood group `Observation` (LOINC 882-1): the group from `valueCodeableConcept` (SNOMED code or text). */
export function observationToBloodGroup(resource: Observation): BloodGroupRecord {
  const RT = 'Observation';
  const r = readResource(resource, RT);
  const value = requireObject(`${RT}.valueCodeableConcept`, r.valueCodeableConcept);
  let group: BloodGroup | undefined;
  for (const coding of optionalArray(`${RT}.valueCodeableConcept.coding`, value.coding)) {
    if (!isObject(coding) || coding.system !== SNOMED) continue;
    group = BLOOD_GROUPS.find((candidate) => BLOOD_GROUP_SNOMED[candidate] === coding.code);
  }
  group ??= requireCode(`${RT}.valueCodeableConcept.text`, value.text, BLOOD_GROUPS);
  return { id: requireId(r, RT), version: requireVersion(r, RT), group };
}

/** Writes a blood group as a final `Observation` coded LOINC 882-1 with the SNOMED CT group. */
export function bloodGroupToObservation(record: BloodGroupRecord, context: FhirPatientContext): Observation {
  const RT = 'Observation';
  return withoutUndefined<Observation>({
    resourceType: RT,
    id: idOf(record.id),
    meta: meta(record.version),
    status: 'final',
    category: [
      { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/observation-category', code: 'laboratory' }] },
    ],
    code: { coding: [{ system: LOINC, code: BLOOD_GROUP_LOINC, display: 'ABO and Rh group [Type] in Blood' }] },
    subject: referenceTo(`${RT}.subject`, 'Patient', context.patientId),
    valueCodeableConcept: {
      coding: [{ system: SNOMED, code: BLOOD_GROUP_SNOMED[record.group] }],
      text: record.group,
    },
  });
}

function phoneOf(RT: string, r: JsonObject): string {
  for (const [i, contact] of optionalArray(`${RT}.telecom`, r.telecom).entries()) {
    const path = `${RT}.telecom[${i}]`;
    if (!isObject(contact)) fail(path, 'is not an object');
    if (contact.system === 'phone') return requireString(`${path}.value`, contact.value);
  }
  return fail(`${RT}.telecom`, 'has no phone');
}

/** Reads an emergency contact `RelatedPerson`: `name[0].text`, `relationship[0].text`, first phone. */
export function relatedPersonToEmergencyContact(resource: RelatedPerson): EmergencyContact {
  const RT = 'RelatedPerson';
  const r = readResource(resource, RT);
  const [name] = optionalArray(`${RT}.name`, r.name);
  const [relationship] = optionalArray(`${RT}.relationship`, r.relationship);
  return {
    id: requireId(r, RT),
    version: requireVersion(r, RT),
    name: requireString(`${RT}.name[0].text`, requireObject(`${RT}.name[0]`, name).text),
    relationship: conceptText(`${RT}.relationship[0]`, relationship),
    phone: phoneOf(RT, r),
  };
}

/** True for a `RelatedPerson` whose relationship says « emergency contact » (v2-0131 `C`). */
export function isEmergencyContact(resource: RelatedPerson): boolean {
  return (resource.relationship ?? []).some((relationship) =>
    (relationship.coding ?? []).some(
      (coding) => coding.system === CONTACT_ROLE_SYSTEM && coding.code === EMERGENCY_CONTACT_CODE,
    ),
  );
}

/** Writes an emergency contact as a `RelatedPerson` of the patient, relationship coded v2-0131 `C`. */
export function emergencyContactToRelatedPerson(contact: EmergencyContact, context: FhirPatientContext): RelatedPerson {
  const RT = 'RelatedPerson';
  return withoutUndefined<RelatedPerson>({
    resourceType: RT,
    id: idOf(contact.id),
    meta: meta(contact.version),
    active: true,
    patient: referenceTo(`${RT}.patient`, 'Patient', context.patientId),
    relationship: [
      { coding: [{ system: CONTACT_ROLE_SYSTEM, code: EMERGENCY_CONTACT_CODE }], text: contact.relationship },
    ],
    name: [{ text: contact.name }],
    telecom: [{ system: 'phone', value: contact.phone, use: 'mobile' }],
  });
}
