/**
 * Internal readers for FHIR JSON that is typed but may be anything at runtime.
 * Each reader checks one value and throws `MappingError` naming its path, so a
 * mapper never crashes with a TypeError and never returns a half-filled object.
 * Messages describe the problem only: never the offending (health) value.
 */
import { MappingError } from '../../errors/errors.js';
import type { IsoDate, IsoInstant, LocalDateTime } from '../common.js';

/** A JSON object read from an untrusted resource. */
export type JsonObject = Record<string, unknown>;

/** Throws a `MappingError` for `path`; the resource type is the path's first segment. */
export function fail(path: string, reason: string): never {
  const resourceType = path.split(/[.[]/)[0] ?? path;
  throw new MappingError(resourceType, path, reason);
}

/** True for a plain JSON object (not null, not an array). */
export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Checks the value is an object of the expected `resourceType`. */
export function readResource(value: unknown, resourceType: string): JsonObject {
  if (!isObject(value)) fail(resourceType, 'is not a FHIR resource object');
  if (value.resourceType !== resourceType) fail(`${resourceType}.resourceType`, `is not ${resourceType}`);
  return value;
}

const FHIR_ID = /^[A-Za-z0-9\-.]{1,64}$/;

/** True for a valid FHIR logical id. */
export function isFhirId(value: unknown): value is string {
  return typeof value === 'string' && FHIR_ID.test(value);
}

/** Reads a resource's logical id. */
export function requireId(resource: JsonObject, resourceType: string): string {
  const id = resource.id;
  if (id === undefined) fail(`${resourceType}.id`, 'is missing');
  if (!isFhirId(id)) fail(`${resourceType}.id`, 'is not a valid FHIR id');
  return id;
}

/**
 * Reads `meta.versionId`. It is required: every record read from a server has one,
 * and the version is what makes updates safe (If-Match).
 */
export function requireVersion(resource: JsonObject, resourceType: string): string {
  const meta = requireObject(`${resourceType}.meta`, resource.meta);
  return requireString(`${resourceType}.meta.versionId`, meta.versionId);
}

/** Reads an optional object. */
export function optionalObject(path: string, value: unknown): JsonObject | undefined {
  if (value === undefined) return undefined;
  if (!isObject(value)) fail(path, 'is not an object');
  return value;
}

/** Reads a required object. */
export function requireObject(path: string, value: unknown): JsonObject {
  if (value === undefined) fail(path, 'is missing');
  return optionalObject(path, value) as JsonObject;
}

/** Reads an optional array; absent reads as empty. */
export function optionalArray(path: string, value: unknown): readonly unknown[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) fail(path, 'is not an array');
  return value;
}

/** Reads an optional string; FHIR forbids empty strings, so they are rejected. */
export function optionalString(path: string, value: unknown): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string') fail(path, 'is not a string');
  if (value.trim() === '') fail(path, 'is empty');
  return value;
}

/** Reads a required non-empty string. */
export function requireString(path: string, value: unknown): string {
  if (value === undefined) fail(path, 'is missing');
  return optionalString(path, value) as string;
}

/** Reads an optional boolean. */
export function optionalBoolean(path: string, value: unknown): boolean | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'boolean') fail(path, 'is not a boolean');
  return value;
}

/** Reads an optional integer of at least `min`. */
export function optionalInteger(path: string, value: unknown, min = 0): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value)) fail(path, 'is not an integer');
  if (value < min) fail(path, `is below ${min}`);
  return value;
}

/** Reads a required integer of at least `min`. */
export function requireInteger(path: string, value: unknown, min = 0): number {
  if (value === undefined) fail(path, 'is missing');
  return optionalInteger(path, value, min) as number;
}

/** Reads a required finite number of at least 0. */
export function requireQuantityValue(path: string, value: unknown): number {
  if (value === undefined) fail(path, 'is missing');
  if (typeof value !== 'number' || !Number.isFinite(value)) fail(path, 'is not a number');
  if (value < 0) fail(path, 'is negative');
  return value;
}

/** Reads a required code among `allowed`. */
export function requireCode<T extends string>(path: string, value: unknown, allowed: readonly T[]): T {
  const code = requireString(path, value);
  if (!(allowed as readonly string[]).includes(code)) fail(path, 'is not a known code');
  return code as T;
}

function isCalendarDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const daysInMonth = new Date(Date.UTC(2000, month, 0)).getUTCDate();
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return day <= (month === 2 ? (leap ? 29 : 28) : daysInMonth);
}

function isClock(hour: number, minute: number, second: number): boolean {
  return hour < 24 && minute < 60 && second < 60;
}

const INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d{1,9})?(Z|[+-](\d{2}):(\d{2}))$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;
const TIME_OF_DAY = /^(\d{2}):(\d{2})(?::(\d{2}))?$/;

const num = (text: string | undefined): number => (text === undefined ? 0 : Number(text));

/** True for an ISO 8601 instant with seconds and an offset (FHIR `instant`). */
export function isInstant(value: unknown): value is IsoInstant {
  if (typeof value !== 'string') return false;
  const m = INSTANT.exec(value);
  if (!m) return false;
  const offsetOk = m[8] === 'Z' || (num(m[9]) < 24 && num(m[10]) < 60);
  return offsetOk && isCalendarDate(num(m[1]), num(m[2]), num(m[3])) && isClock(num(m[4]), num(m[5]), num(m[6]));
}

/** Reads an optional instant, kept exactly as written. */
export function optionalInstant(path: string, value: unknown): IsoInstant | undefined {
  if (value === undefined) return undefined;
  if (!isInstant(value)) fail(path, 'is not an ISO 8601 instant with offset');
  return value;
}

/** Reads a required instant, kept exactly as written. */
export function requireInstant(path: string, value: unknown): IsoInstant {
  if (value === undefined) fail(path, 'is missing');
  return optionalInstant(path, value) as IsoInstant;
}

/** True for a calendar date `YYYY-MM-DD`. */
export function isDate(value: unknown): value is IsoDate {
  if (typeof value !== 'string') return false;
  const m = DATE.exec(value);
  return m !== null && isCalendarDate(num(m[1]), num(m[2]), num(m[3]));
}

/** Reads an optional calendar date `YYYY-MM-DD`. */
export function optionalDate(path: string, value: unknown): IsoDate | undefined {
  if (value === undefined) return undefined;
  if (!isDate(value)) fail(path, 'is not a calendar date YYYY-MM-DD');
  return value;
}

/** Reads a required calendar date `YYYY-MM-DD`. */
export function requireDate(path: string, value: unknown): IsoDate {
  if (value === undefined) fail(path, 'is missing');
  return optionalDate(path, value) as IsoDate;
}

/** True for a wall-clock date-time `YYYY-MM-DDTHH:mm[:ss]` without offset. */
export function isLocalDateTime(value: unknown): value is LocalDateTime {
  if (typeof value !== 'string') return false;
  const m = LOCAL_DATE_TIME.exec(value);
  return m !== null && isCalendarDate(num(m[1]), num(m[2]), num(m[3])) && isClock(num(m[4]), num(m[5]), num(m[6]));
}

/** Reads a required wall-clock date-time. */
export function requireLocalDateTime(path: string, value: unknown): LocalDateTime {
  if (value === undefined) fail(path, 'is missing');
  if (!isLocalDateTime(value)) fail(path, 'is not a wall-clock date-time YYYY-MM-DDTHH:mm:ss');
  return value;
}

/** True for a time of day `HH:mm` or `HH:mm:ss`. */
export function isTimeOfDay(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const m = TIME_OF_DAY.exec(value);
  return m !== null && isClock(num(m[1]), num(m[2]), num(m[3]));
}

/**
 * Reads the id out of a Reference to `resourceType` (`Type/id`, relative or absolute,
 * optionally versioned with `/_history/n`).
 */
export function requireReferenceId(path: string, value: unknown, resourceType: string): string {
  const reference = requireString(`${path}.reference`, requireObject(path, value).reference);
  const m = new RegExp(`(?:^|/)${resourceType}/([A-Za-z0-9\\-.]{1,64})(?:/_history/[^/]+)?$`).exec(reference);
  if (!m?.[1]) fail(`${path}.reference`, `is not a reference to a ${resourceType}`);
  return m[1];
}

/** Builds a relative reference, checking the id first (domain → FHIR). */
export function referenceTo(path: string, resourceType: string, id: string): { reference: string } {
  if (!isFhirId(id)) fail(path, 'is not a valid FHIR id');
  return { reference: `${resourceType}/${id}` };
}

/** Copies an object without its `undefined` members, so results deep-equal cleanly. */
export function withoutUndefined<T extends object>(value: T): T {
  const copy = { ...value } as Record<string, unknown>;
  for (const key of Object.keys(copy)) if (copy[key] === undefined) delete copy[key];
  return copy as T;
}

/** `undefined` for an empty array: FHIR forbids empty arrays. */
export function nonEmpty<T>(items: readonly (T | undefined)[]): T[] | undefined {
  const present = items.filter((item): item is T => item !== undefined);
  return present.length > 0 ? present : undefined;
}
