import { FhirHttpError } from '../fhir/http.js';
import type { ResourceJson } from './compartment.js';

/** Deepest nesting of objects and arrays accepted in a body (FHIR resources we store need about 10). */
export const MAX_JSON_DEPTH = 64;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_OBJECT = 0x7b;
const OPEN_ARRAY = 0x5b;
const CLOSE_OBJECT = 0x7d;
const CLOSE_ARRAY = 0x5d;

/**
 * One linear pass over the raw bytes, before `JSON.parse`: refuses nesting
 * deeper than `MAX_JSON_DEPTH` (400). Deeply nested input is what makes the
 * parser, and every later walk over the result, cost seconds or overflow the
 * stack; this scan costs one comparison per byte whatever the shape.
 */
export function checkJsonDepth(raw: Uint8Array, maxDepth = MAX_JSON_DEPTH): void {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < raw.length; i += 1) {
    const byte = raw[i];
    if (inString) {
      if (byte === BACKSLASH) i += 1;
      else if (byte === QUOTE) inString = false;
    } else if (byte === QUOTE) {
      inString = true;
    } else if (byte === OPEN_OBJECT || byte === OPEN_ARRAY) {
      depth += 1;
      if (depth > maxDepth) throw new FhirHttpError(400, 'too-costly', 'Request body is nested too deeply');
    } else if (byte === CLOSE_OBJECT || byte === CLOSE_ARRAY) {
      depth -= 1;
    }
  }
}

/** Property names that reach object prototypes in JavaScript consumers of the data. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** Refuses any property named `__proto__`, `constructor` or `prototype`, at any depth (400). */
export function checkPropertyNames(value: unknown): void {
  if (Array.isArray(value)) {
    for (const item of value) checkPropertyNames(item);
    return;
  }
  if (typeof value !== 'object' || value === null) return;
  for (const key of Object.keys(value)) {
    if (FORBIDDEN_KEYS.has(key)) throw new FhirHttpError(400, 'invalid', 'Forbidden property name in the resource');
    checkPropertyNames((value as Record<string, unknown>)[key]);
  }
}

const REQUEST_STATUS = ['routine', 'urgent', 'asap', 'stat'];
const UNITS_OF_TIME = ['s', 'min', 'h', 'd', 'wk', 'mo', 'a'];
const DAYS_OF_WEEK = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

/**
 * Coded elements with a *required* binding in R4, for the fields we store:
 * path (dots walk into objects and through arrays) to the codes allowed.
 * Medplum's `validateResource` checks types and cardinality but not these.
 */
const REQUIRED_CODES: Readonly<Record<string, Readonly<Record<string, readonly string[]>>>> = {
  DocumentReference: {
    status: ['current', 'superseded', 'entered-in-error'],
    docStatus: ['preliminary', 'final', 'amended', 'entered-in-error'],
    'relatesTo.code': ['replaces', 'transforms', 'signs', 'appends'],
  },
  Appointment: {
    status: [
      'proposed',
      'pending',
      'booked',
      'arrived',
      'fulfilled',
      'cancelled',
      'noshow',
      'entered-in-error',
      'checked-in',
      'waitlist',
    ],
    'participant.status': ['accepted', 'declined', 'tentative', 'needs-action'],
    'participant.required': ['required', 'optional', 'information-only'],
  },
  MedicationRequest: {
    status: ['active', 'on-hold', 'cancelled', 'completed', 'entered-in-error', 'stopped', 'draft', 'unknown'],
    intent: ['proposal', 'plan', 'order', 'original-order', 'reflex-order', 'filler-order', 'instance-order', 'option'],
    priority: REQUEST_STATUS,
    'dosageInstruction.timing.repeat.periodUnit': UNITS_OF_TIME,
    'dosageInstruction.timing.repeat.durationUnit': UNITS_OF_TIME,
    'dosageInstruction.timing.repeat.dayOfWeek': DAYS_OF_WEEK,
  },
  MedicationAdministration: {
    status: ['in-progress', 'not-done', 'on-hold', 'completed', 'entered-in-error', 'stopped', 'unknown'],
  },
  Communication: {
    status: [
      'preparation',
      'in-progress',
      'not-done',
      'on-hold',
      'stopped',
      'completed',
      'entered-in-error',
      'unknown',
    ],
    priority: REQUEST_STATUS,
  },
};

/** Every value found at a dotted path, walking through arrays. */
function valuesAt(value: unknown, path: readonly string[]): unknown[] {
  if (Array.isArray(value)) return value.flatMap((item) => valuesAt(item, path));
  if (path.length === 0) return [value];
  if (typeof value !== 'object' || value === null) return [];
  const [head = '', ...rest] = path;
  return valuesAt((value as Record<string, unknown>)[head], rest);
}

/** Refuses a code outside its required value set (400). */
export function checkRequiredCodes(resource: ResourceJson): void {
  const bindings = REQUIRED_CODES[resource.resourceType] ?? {};
  for (const [path, codes] of Object.entries(bindings)) {
    for (const value of valuesAt(resource, path.split('.'))) {
      if (value !== undefined && !(typeof value === 'string' && codes.includes(value))) {
        throw new FhirHttpError(400, 'code-invalid', `Invalid code in ${path}`);
      }
    }
  }
}
