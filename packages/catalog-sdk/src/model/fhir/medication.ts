/**
 * MedicationPlan ↔ FHIR R4 `MedicationRequest`.
 */
import type { Dosage, MedicationRequest, MedicationRequestDispenseRequest } from '@medplum/fhirtypes';
import { DEFAULT_TIME_ZONE } from '../common.js';
import type { Medication, MedicationPlan, MedicationStock } from '../medication.js';
import { repeatToSlots, slotQuantityExtensions, slotsToRepeat } from './dose-timing.js';
import { ExtensionReader, dateTimeExtension, integerExtension, stringExtension } from './extensions.js';
import { patientReference, type FhirPatientContext } from './patient.js';
import {
  fail,
  isDate,
  isFhirId,
  nonEmpty,
  optionalArray,
  optionalDate,
  optionalInteger,
  optionalObject,
  optionalString,
  readResource,
  requireDate,
  requireId,
  requireObject,
  requireQuantityValue,
  requireString,
  requireVersion,
  withoutUndefined,
  type JsonObject,
} from './read.js';
import {
  DISPENSED_ON_EXTENSION_URL,
  LATE_TOLERANCE_EXTENSION_URL,
  STOPPED_AT_EXTENSION_URL,
  TIME_ZONE_EXTENSION_URL,
  UNITS_PER_BOX_EXTENSION_URL,
} from './urls.js';
import { isKnownTimeZone } from '../../time/zone.js';

const RT = 'MedicationRequest';
const DOSAGE = `${RT}.dosageInstruction[0]`;

/**
 * Reads a `MedicationRequest` as a medication plan, from `dosageInstruction[0]`:
 * `timing.repeat` (timeOfDay or MORN/NOON/EVE/HS, dayOfWeek, boundsPeriod),
 * `doseAndRate[0].doseQuantity`, `patientInstruction` (else `text`). Stock is
 * `dispenseRequest.quantity` with our `dispensed-on` extension; the renewal date is
 * `dispenseRequest.validityPeriod.end`. Dates are calendar dates `YYYY-MM-DD`.
 *
 * @throws MappingError naming the field when the resource is malformed, including a
 *   `when` code that is not one of the four moments of the pill organiser
 */
export function medicationRequestToPlan(resource: MedicationRequest): MedicationPlan {
  const r = readResource(resource, RT);
  const id = requireId(r, RT);
  const version = requireVersion(r, RT);
  const dosages = optionalArray(`${RT}.dosageInstruction`, r.dosageInstruction);
  if (dosages.length === 0) fail(DOSAGE, 'is missing');
  const dosage = requireObject(DOSAGE, dosages[0]);
  const timing = optionalObject(`${DOSAGE}.timing`, dosage.timing);
  const repeat = optionalObject(`${DOSAGE}.timing.repeat`, timing?.repeat);
  const bounds = optionalObject(`${DOSAGE}.timing.repeat.boundsPeriod`, repeat?.boundsPeriod);
  const { slots, daysOfWeek, everyDays } = repeatToSlots(`${DOSAGE}.timing.repeat`, repeat, DOSAGE, dosage);
  const doseAndRate = optionalArray(`${DOSAGE}.doseAndRate`, dosage.doseAndRate);
  const dose = requireObject(
    `${DOSAGE}.doseAndRate[0].doseQuantity`,
    requireObject(`${DOSAGE}.doseAndRate[0]`, doseAndRate[0]).doseQuantity,
  );
  const extensions = new ExtensionReader(RT, r.extension);
  const timeZone = extensions.string(TIME_ZONE_EXTENSION_URL) ?? DEFAULT_TIME_ZONE;
  if (!isKnownTimeZone(timeZone)) fail(`${RT}.extension[time-zone].valueString`, 'is not an IANA time zone');
  const dispense = optionalObject(`${RT}.dispenseRequest`, r.dispenseRequest);
  const validity = optionalObject(`${RT}.dispenseRequest.validityPeriod`, dispense?.validityPeriod);
  const requester = optionalObject(`${RT}.requester`, r.requester);
  return withoutUndefined<MedicationPlan>({
    id,
    medication: readMedication(r),
    dose: requireQuantityValue(`${DOSAGE}.doseAndRate[0].doseQuantity.value`, dose.value),
    doseUnit: requireString(`${DOSAGE}.doseAndRate[0].doseQuantity.unit`, dose.unit),
    slots,
    daysOfWeek,
    everyDays,
    instructions:
      optionalString(`${DOSAGE}.patientInstruction`, dosage.patientInstruction) ??
      optionalString(`${DOSAGE}.text`, dosage.text),
    prescriber: requester && optionalString(`${RT}.requester.display`, requester.display),
    start: requireDate(`${DOSAGE}.timing.repeat.boundsPeriod.start`, bounds?.start),
    end: optionalDate(`${DOSAGE}.timing.repeat.boundsPeriod.end`, bounds?.end),
    renewalDate: validity && optionalDate(`${RT}.dispenseRequest.validityPeriod.end`, validity.end),
    stock: dispense && readStock(dispense),
    stoppedAt: readStoppedAt(r, extensions),
    lateToleranceMinutes: extensions.integer(LATE_TOLERANCE_EXTENSION_URL),
    timeZone,
    version,
  });
}

/** When a `stopped` request was stopped (our extension); other statuses run. */
function readStoppedAt(r: JsonObject, extensions: ExtensionReader): string | undefined {
  const at = extensions.instant(STOPPED_AT_EXTENSION_URL);
  if (r.status !== 'stopped') return undefined;
  if (at === undefined) fail(`${RT}.extension[stopped-at]`, 'is missing on a stopped request');
  return at;
}

/** The medicine from `medicationCodeableConcept` (text, else the first coding's display). */
function readMedication(r: JsonObject): Medication {
  const path = `${RT}.medicationCodeableConcept`;
  if (r.medicationCodeableConcept === undefined && r.medicationReference !== undefined) {
    fail(path, 'is missing (medicationReference is not supported)');
  }
  const concept = requireObject(path, r.medicationCodeableConcept);
  const codings = optionalArray(`${path}.coding`, concept.coding);
  const first = codings.length > 0 ? requireObject(`${path}.coding[0]`, codings[0]) : undefined;
  const display =
    optionalString(`${path}.text`, concept.text) ??
    (first && optionalString(`${path}.coding[0].display`, first.display));
  if (display === undefined) fail(`${path}.text`, 'is missing');
  return withoutUndefined<Medication>({
    display,
    code: first && optionalString(`${path}.coding[0].code`, first.code),
    system: first && optionalString(`${path}.coding[0].system`, first.system),
  });
}

/** Stock from `dispenseRequest.quantity` and the `dispensed-on` extension. */
function readStock(dispense: JsonObject): MedicationStock | undefined {
  const path = `${RT}.dispenseRequest`;
  const quantity = optionalObject(`${path}.quantity`, dispense.quantity);
  if (!quantity) return undefined;
  const dispensedOn = new ExtensionReader(path, dispense.extension).date(DISPENSED_ON_EXTENSION_URL);
  if (dispensedOn === undefined) fail(`${path}.extension[dispensed-on]`, 'is missing');
  return withoutUndefined<MedicationStock>({
    dispensed: requireQuantityValue(`${path}.quantity.value`, quantity.value),
    unit: requireString(`${path}.quantity.unit`, quantity.unit),
    dispensedOn,
    unitsPerBox: new ExtensionReader(path, dispense.extension).integer(UNITS_PER_BOX_EXTENSION_URL),
  });
}

/** Checks the plan's calendar dates before writing them. */
function checkPlanDates(plan: MedicationPlan): void {
  if (!isDate(plan.start)) fail('MedicationPlan.start', 'is not a calendar date YYYY-MM-DD');
  if (plan.end !== undefined && !isDate(plan.end)) fail('MedicationPlan.end', 'is not a calendar date YYYY-MM-DD');
  if (plan.renewalDate !== undefined && !isDate(plan.renewalDate))
    fail('MedicationPlan.renewalDate', 'is not a calendar date YYYY-MM-DD');
  if (plan.stock !== undefined && !isDate(plan.stock.dispensedOn))
    fail('MedicationPlan.stock.dispensedOn', 'is not a calendar date YYYY-MM-DD');
}

/**
 * Writes a medication plan as an active `MedicationRequest` (intent `order`).
 * Slots go to `dosageInstruction[0].timing.repeat`; a slot's own quantity, the late
 * tolerance, the time zone and the dispensing date go to Carnet extensions.
 * An empty `id` or `version` is left out (the server assigns them).
 *
 * @throws MappingError when a date, slot, zone or id cannot be expressed
 */
export function planToMedicationRequest(plan: MedicationPlan, context: FhirPatientContext): MedicationRequest {
  if (plan.id !== '' && !isFhirId(plan.id)) fail('MedicationPlan.id', 'is not a valid FHIR id');
  if (!isKnownTimeZone(plan.timeZone)) fail('MedicationPlan.timeZone', 'is not an IANA time zone');
  checkPlanDates(plan);
  const medication = plan.medication;
  const dosage: Dosage = withoutUndefined<Dosage>({
    extension: nonEmpty(slotQuantityExtensions(plan.slots)),
    text: plan.instructions,
    patientInstruction: plan.instructions,
    timing: {
      repeat: {
        boundsPeriod: withoutUndefined({ start: plan.start, end: plan.end }),
        ...slotsToRepeat(plan.slots, plan.daysOfWeek, plan.everyDays),
      },
    },
    doseAndRate: [
      {
        doseQuantity: {
          value: requireQuantityValue('MedicationPlan.dose', plan.dose),
          unit: requireString('MedicationPlan.doseUnit', plan.doseUnit),
        },
      },
    ],
  });
  const dispenseRequest = withoutUndefined<MedicationRequestDispenseRequest>({
    extension:
      plan.stock &&
      nonEmpty([
        { url: DISPENSED_ON_EXTENSION_URL, valueDate: plan.stock.dispensedOn },
        integerExtension(
          UNITS_PER_BOX_EXTENSION_URL,
          optionalInteger('MedicationPlan.stock.unitsPerBox', plan.stock.unitsPerBox),
        ),
      ]),
    validityPeriod: plan.renewalDate === undefined ? undefined : { end: plan.renewalDate },
    quantity: plan.stock && {
      value: requireQuantityValue('MedicationPlan.stock.dispensed', plan.stock.dispensed),
      unit: requireString('MedicationPlan.stock.unit', plan.stock.unit),
    },
  });
  return withoutUndefined<MedicationRequest>({
    resourceType: RT,
    id: plan.id || undefined,
    meta: plan.version ? { versionId: plan.version } : undefined,
    extension: nonEmpty([
      integerExtension(
        LATE_TOLERANCE_EXTENSION_URL,
        optionalInteger('MedicationPlan.lateToleranceMinutes', plan.lateToleranceMinutes),
      ),
      stringExtension(TIME_ZONE_EXTENSION_URL, plan.timeZone),
      dateTimeExtension(STOPPED_AT_EXTENSION_URL, plan.stoppedAt),
    ]),
    status: plan.stoppedAt === undefined ? 'active' : 'stopped',
    intent: 'order',
    medicationCodeableConcept: withoutUndefined({
      text: requireString('MedicationPlan.medication.display', medication.display),
      coding:
        medication.code === undefined
          ? undefined
          : [withoutUndefined({ system: medication.system, code: medication.code, display: medication.display })],
    }),
    subject: patientReference(context.patientId),
    requester: plan.prescriber === undefined ? undefined : { display: plan.prescriber },
    dosageInstruction: [dosage],
    dispenseRequest: Object.keys(dispenseRequest).length > 0 ? dispenseRequest : undefined,
  });
}
