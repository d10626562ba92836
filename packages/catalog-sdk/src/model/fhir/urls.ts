import { CARNET_FHIR_BASE } from '../common.js';

/**
 * Canonical URLs of Carnet's own FHIR extensions and code systems.
 * Everything Carnet adds to standard R4 resources lives under {@link CARNET_FHIR_BASE}.
 * Sub-extensions of complex extensions use short names (`originalStart`, `note`, ...).
 */

const extension = (name: string): string => `${CARNET_FHIR_BASE}/StructureDefinition/${name}`;
const codeSystem = (name: string): string => `${CARNET_FHIR_BASE}/CodeSystem/${name}`;

/** Code system of the patient's own document tags (`meta.tag`, code = display = the tag). */
export const USER_TAG_SYSTEM = codeSystem('user-tag');
/** Code system of the favourite flag (`meta.tag`, code {@link FAVOURITE_CODE}). */
export const FAVOURITE_SYSTEM = codeSystem('favourite');
/** The one code of {@link FAVOURITE_SYSTEM}. */
export const FAVOURITE_CODE = 'favourite';
/** Code system of `Communication.category`: `community` (forum) or `document-sending`. */
export const COMMUNICATION_CATEGORY_SYSTEM = codeSystem('communication-category');
/** Code system naming a forum community (`diabetes`, `parkinson`, `kidney`). */
export const COMMUNITY_SYSTEM = codeSystem('community');
/** Code system of agenda event kinds (`Appointment.appointmentType`). */
export const AGENDA_EVENT_KIND_SYSTEM = codeSystem('agenda-event-kind');
/** French national professional identifier (RPPS) identifier system. */
export const RPPS_SYSTEM = 'urn:oid:1.2.250.1.71.4.2.1';
/** HL7 extension marking an element whose value is unknown. */
export const DATA_ABSENT_REASON_URL = 'http://hl7.org/fhir/StructureDefinition/data-absent-reason';

/** IANA time zone of an appointment or a medication plan (valueString). */
export const TIME_ZONE_EXTENSION_URL = extension('time-zone');
/** RFC 5545 RRULE value of a recurring appointment (valueString). */
export const RECURRENCE_RULE_EXTENSION_URL = extension('recurrence-rule');
/** Wall-clock start of an appointment in its time zone (valueString, `YYYY-MM-DDTHH:mm:ss`). */
export const WALL_CLOCK_START_EXTENSION_URL = extension('wall-clock-start');
/** Wall-clock end of an appointment in its time zone (valueString). */
export const WALL_CLOCK_END_EXTENSION_URL = extension('wall-clock-end');
/** Whole-day appointment flag (valueBoolean). */
export const ALL_DAY_EXTENSION_URL = extension('all-day');
/** Wall-clock start of an occurrence removed from a series (valueString, repeated). */
export const EXDATE_EXTENSION_URL = extension('exdate');
/** One moved, cancelled or annotated occurrence (complex, repeated). */
export const OCCURRENCE_OVERRIDE_EXTENSION_URL = extension('occurrence-override');
/** A reminder before an appointment (complex with `minutesBefore`, repeated). */
export const REMINDER_EXTENSION_URL = extension('reminder');
/** The medication plan an appointment derives from (valueReference to a MedicationRequest). */
export const MEDICATION_PLAN_EXTENSION_URL = extension('medication-plan');
/** Minutes after the scheduled time a dose still counts as on time (valueInteger). */
export const LATE_TOLERANCE_EXTENSION_URL = extension('late-tolerance-minutes');
/** Dose of one slot when it differs from the plan's dose (complex: `slot`, `quantity`). */
export const DOSE_SLOT_QUANTITY_EXTENSION_URL = extension('dose-slot-quantity');
/** Date of the last dispensing, on `MedicationRequest.dispenseRequest` (valueDate). */
export const DISPENSED_ON_EXTENSION_URL = extension('dispensed-on');
/** Units in one box of a medicine, on `MedicationRequest.dispenseRequest` (valueInteger). */
export const UNITS_PER_BOX_EXTENSION_URL = extension('units-per-box');
/** When the patient stopped a treatment, on a `stopped` `MedicationRequest` (valueDateTime, an instant). */
export const STOPPED_AT_EXTENSION_URL = extension('stopped-at');
/** Scheduled instant of a dose, on `MedicationAdministration` (valueDateTime). */
export const SCHEDULED_AT_EXTENSION_URL = extension('scheduled-at');
/** Marks a record the patient reported themselves (valueBoolean). */
export const PATIENT_REPORTED_EXTENSION_URL = extension('patient-reported');
/** Forum author's pseudonym (valueString); a real name never appears. */
export const AUTHOR_PSEUDONYM_EXTENSION_URL = extension('author-pseudonym');
/** Moderation state of a forum post, `visible` or `hidden` (valueCode). */
export const MODERATION_STATE_EXTENSION_URL = extension('moderation-state');
/** Number of reports on a forum post (valueInteger). */
export const REPORT_COUNT_EXTENSION_URL = extension('report-count');
/** When a forum post was last edited (valueDateTime). */
export const EDITED_AT_EXTENSION_URL = extension('edited-at');
/** Latest activity in a forum thread (valueDateTime). */
export const LAST_ACTIVITY_AT_EXTENSION_URL = extension('last-activity-at');
/** Number of replies in a forum thread (valueInteger). */
export const REPLY_COUNT_EXTENSION_URL = extension('reply-count');
/** Organisation a professional works for (valueString). */
export const ORGANISATION_EXTENSION_URL = extension('organisation');
/** Why a moderator hid a post (shown to its author). */
export const MODERATION_REASON_EXTENSION_URL = extension('moderation-reason');
/** Per reader, set by the platform: the thread has activity the reader has not read. */
export const UNREAD_EXTENSION_URL = extension('unread');
/** Per reader, set by the platform: the reader follows the thread. */
export const FOLLOWED_EXTENSION_URL = extension('followed');
/** Per reader, set by the platform: the reader wrote this post or thread. */
export const OWN_EXTENSION_URL = extension('own');
/** On a community `Group`: the reader's own pseudonym there (absent when not a member). */
export const MEMBER_PSEUDONYM_EXTENSION_URL = extension('member-pseudonym');
/** On a community `Group`, per reader: true when the reader moderates it (valueBoolean). */
export const MODERATOR_EXTENSION_URL = extension('reader-moderates');
/**
 * On a community `Group`, for its moderators only: one suspended pseudonym
 * (valueString), repeated for each.
 */
export const SUSPENDED_PSEUDONYM_EXTENSION_URL = extension('suspended-pseudonym');
/**
 * On a reported post, for moderators only: one report, repeated for each
 * distinct reporter, with nested `reason` (valueCode), `comment` (valueString,
 * optional) and `at` (valueDateTime). Never names the reporter.
 */
export const REPORT_EXTENSION_URL = extension('report');
/** Code system of the parts of the record a caregiver may be given (`Consent.provision.provision.class`). */
export const RECORD_PART_SYSTEM = codeSystem('record-part');
/**
 * When a glucose value was measured relative to meals, on `Observation`
 * (valueCode: `before-meal`, `after-meal` — about two hours after — or `bedtime`).
 */
export const MEAL_CONTEXT_EXTENSION_URL = extension('meal-context');
/** Marks a measurement read from a device's export rather than typed (valueBoolean). */
export const IMPORTED_EXTENSION_URL = extension('imported');
/** On a body weight `Observation`: taken `before-dialysis` or `after-dialysis` (valueCode). */
export const DIALYSIS_MOMENT_EXTENSION_URL = extension('dialysis-moment');
/** On a body weight `Observation`: start instant of the dialysis session it belongs to (valueDateTime). */
export const DIALYSIS_SESSION_EXTENSION_URL = extension('dialysis-session');
/**
 * Code system of the `Observation.code` Carnet gives to patient-reported
 * observations no LOINC code covers. Today one code: `motor-state`, the motor
 * state of a Parkinson's diary over a half-hour `effectivePeriod`.
 */
export const OBSERVATION_CODE_SYSTEM = codeSystem('observation-code');
/**
 * Code system of the states of a Parkinson's motor diary, in
 * `Observation.valueCodeableConcept`: `off`, `on`, `on-dyskinesia`, `asleep`.
 */
export const MOTOR_STATE_SYSTEM = codeSystem('motor-state');
