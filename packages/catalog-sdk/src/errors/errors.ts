/**
 * Typed errors of the Carnet SDK. Every error carries a stable `code`, a
 * `messageKey` that user interfaces translate, and a developer message.
 * None of them ever carries health data (titles, bodies, names, values).
 */

import type { AuthErrorReason } from '../auth/auth-error.js';
import type { FhirErrorCode } from '../fhir/fhir-error.js';

/** Keys that components translate into a user-facing sentence. */
export type CarnetMessageKey =
  | 'error.mapping'
  | 'error.conflict'
  | 'error.not-found'
  | 'error.storage'
  | 'error.validation'
  | 'error.auth'
  | 'error.network'
  | 'error.server'
  | 'error.forbidden'
  | 'error.unknown'
  | 'error.messaging-unavailable';

/** Codes of the errors the SDK raises itself: unreadable data, stale versions, missing records, bad input, the local store. */
export type LocalErrorCode = 'mapping' | 'conflict' | 'not-found' | 'validation' | 'storage' | 'messaging-unavailable';

/**
 * Stable machine-readable code of every error the SDK throws on purpose: the
 * local ones, a FHIR request's (`FhirErrorCode`) and a session's (`AuthErrorReason`).
 */
export type CarnetErrorCode = LocalErrorCode | FhirErrorCode | AuthErrorReason;

/** Base class of every error the SDK throws on purpose. */
export class CarnetError extends Error {
  /** Stable machine-readable code. */
  readonly code: CarnetErrorCode;
  /** Translation key for a user-facing message. */
  readonly messageKey: CarnetMessageKey;

  constructor(
    code: CarnetErrorCode,
    messageKey: CarnetMessageKey,
    developerMessage: string,
    options?: { cause?: unknown },
  ) {
    super(developerMessage, options);
    this.name = 'CarnetError';
    this.code = code;
    this.messageKey = messageKey;
  }
}

/**
 * A FHIR resource could not be turned into a domain object (or the reverse).
 * `field` names the offending path, e.g. `DocumentReference.content[0].attachment`.
 */
export class MappingError extends CarnetError {
  /** FHIR resource type being mapped. */
  readonly resourceType: string;
  /** Path of the missing or malformed field. */
  readonly field: string;

  constructor(resourceType: string, field: string, reason: string) {
    super('mapping', 'error.mapping', `${resourceType}: ${field} ${reason}`);
    this.name = 'MappingError';
    this.resourceType = resourceType;
    this.field = field;
  }
}

/**
 * An update was based on a version that is no longer the current one:
 * someone (another tab, another device, a clinician) changed the record meanwhile.
 */
export class ConflictError extends CarnetError {
  /** Kind of record, e.g. `HealthDocument`. */
  readonly entity: string;
  /** Identifier of the record. */
  readonly id: string;
  /** Version the update was based on. */
  readonly expectedVersion: string;
  /** Version currently stored, when known. */
  readonly currentVersion: string | undefined;

  constructor(entity: string, id: string, expectedVersion: string, currentVersion?: string) {
    super(
      'conflict',
      'error.conflict',
      `${entity}/${id}: update based on version ${expectedVersion} but current is ${currentVersion ?? 'unknown'}`,
    );
    this.name = 'ConflictError';
    this.entity = entity;
    this.id = id;
    this.expectedVersion = expectedVersion;
    this.currentVersion = currentVersion;
  }
}

/** The record does not exist (or is not visible to this patient). */
export class NotFoundError extends CarnetError {
  readonly entity: string;
  readonly id: string;
  constructor(entity: string, id: string) {
    super('not-found', 'error.not-found', `${entity}/${id} not found`);
    this.name = 'NotFoundError';
    this.entity = entity;
    this.id = id;
  }
}

/**
 * Which rule a medication plan broke, for interfaces to word it next to the right field:
 * - `medication-missing`: no medicine name; `dose-invalid`: the dose is not a positive number;
 *   `dose-unit-missing`: no unit (« comprimé »);
 * - `no-dose-time`: no moment or time to take it; `time-invalid`: a time is not `HH:mm`;
 *   `moment-invalid`: an unknown moment; `times-mixed`: exact times and moments together;
 *   `meal-at-bedtime`: « with a meal » on the bedtime moment;
 * - `weekday-invalid`: a day that is not a weekday; `interval-invalid`: « every n days » is not
 *   a whole number from 1 to 366; `interval-with-weekdays`: both an interval and weekdays;
 * - `date-invalid`: a date is not `YYYY-MM-DD`; `end-before-start`: the last day is before the first;
 * - `stock-invalid`: units or units per box are not whole numbers; `box-invalid`: a new box of no units;
 * - `already-stopped`: stopping a stopped plan; `not-stopped`: resuming a plan that runs.
 */
export type PlanValidationRule =
  | 'medication-missing'
  | 'dose-invalid'
  | 'dose-unit-missing'
  | 'no-dose-time'
  | 'time-invalid'
  | 'moment-invalid'
  | 'times-mixed'
  | 'meal-at-bedtime'
  | 'weekday-invalid'
  | 'interval-invalid'
  | 'interval-with-weekdays'
  | 'date-invalid'
  | 'end-before-start'
  | 'stock-invalid'
  | 'box-invalid'
  | 'already-stopped'
  | 'not-stopped';

/** Input given to a repository is not acceptable (e.g. empty title). */
export class ValidationError extends CarnetError {
  /** The field at fault, e.g. `slots[0].time`. */
  readonly field: string;
  /** The rule broken, when the SDK names one (medication plans do). */
  readonly rule: PlanValidationRule | undefined;
  constructor(field: string, reason: string, rule?: PlanValidationRule) {
    super('validation', 'error.validation', `${field} ${reason}`);
    this.name = 'ValidationError';
    this.field = field;
    this.rule = rule;
  }
}

/** The local store (IndexedDB) could not be opened or written. */
export class StorageError extends CarnetError {
  constructor(developerMessage: string, options?: { cause?: unknown }) {
    super('storage', 'error.storage', developerMessage, options);
    this.name = 'StorageError';
  }
}

/**
 * Nothing can be sent from here: the record lives on this device only (local
 * mode), with no secure-messaging server behind it. User interfaces offer to
 * download the document or to share it with the device's share sheet instead.
 */
export class MessagingUnavailableError extends CarnetError {
  constructor(developerMessage = 'Messages cannot be sent from an on-device record: there is no messaging server') {
    super('messaging-unavailable', 'error.messaging-unavailable', developerMessage);
    this.name = 'MessagingUnavailableError';
  }
}
