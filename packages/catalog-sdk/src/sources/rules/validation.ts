// Rules both data sources (FHIR and local) apply to every field: one place, so both accept and refuse the same input.
import type { IsoDate, IsoInstant, LocalDateTime, RecordVersion } from '../../model/common.js';
import { ConflictError, NotFoundError, ValidationError } from '../../errors/errors.js';

/** A new record identifier. */
export function newId(): string {
  return crypto.randomUUID();
}

/** The version after `version`: decimal versions count up, anything else restarts the count. */
export function nextVersion(version: RecordVersion): RecordVersion {
  return /^\d+$/.test(version) ? (BigInt(version) + 1n).toString() : '1';
}

/**
 * The stored record an update was based on. Rejects with `NotFoundError` when it
 * is gone and with `ConflictError` when it changed since `baseVersion`.
 */
export function checkBaseVersion<T extends { version: RecordVersion }>(
  entity: string,
  id: string,
  stored: T | undefined,
  baseVersion: RecordVersion,
): T {
  if (!stored) throw new NotFoundError(entity, id);
  if (stored.version !== baseVersion) throw new ConflictError(entity, id, baseVersion, stored.version);
  return stored;
}

/** A required text, trimmed; rejects empty or too long ones. */
export function requireText(field: string, value: unknown, maxLength = 500): string {
  if (typeof value !== 'string') throw new ValidationError(field, 'must be a text');
  const trimmed = value.trim();
  if (trimmed === '') throw new ValidationError(field, 'must not be empty');
  if (trimmed.length > maxLength) throw new ValidationError(field, `must be at most ${maxLength} characters`);
  return trimmed;
}

/** An optional text, trimmed; empty becomes absent. */
export function optionalText(field: string, value: unknown, maxLength = 2000): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw new ValidationError(field, 'must be a text');
  const trimmed = value.trim();
  if (trimmed === '') return undefined;
  if (trimmed.length > maxLength) throw new ValidationError(field, `must be at most ${maxLength} characters`);
  return trimmed;
}

function isCalendarDate(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;
const ISO_INSTANT = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2}))?$/;

function hasValidParts(match: RegExpExecArray): boolean {
  const [, year, month, day, hour = '0', minute = '0', second = '0'] = match;
  return (
    isCalendarDate(Number(year), Number(month), Number(day)) &&
    Number(hour) < 24 &&
    Number(minute) < 60 &&
    Number(second) < 60
  );
}

/**
 * An instant in canonical form (`toISOString()`, UTC): stored instants compare
 * as strings, so index order is time order whatever offset the caller used.
 */
export function toInstant(field: string, value: unknown): IsoInstant {
  if (typeof value !== 'string') throw new ValidationError(field, 'must be an ISO 8601 instant');
  const match = ISO_INSTANT.exec(value);
  const time = Date.parse(value);
  if (!match || !hasValidParts(match) || Number.isNaN(time)) {
    throw new ValidationError(field, 'must be an ISO 8601 instant with an offset');
  }
  return new Date(time).toISOString();
}

/** An optional instant, canonical when present. */
export function optionalInstant(field: string, value: unknown): IsoInstant | undefined {
  return value === undefined || value === null ? undefined : toInstant(field, value);
}

/** A calendar date `YYYY-MM-DD`. */
export function requireIsoDate(field: string, value: unknown): IsoDate {
  const match = typeof value === 'string' ? ISO_DATE.exec(value) : null;
  if (!match || !hasValidParts(match)) throw new ValidationError(field, 'must be a date YYYY-MM-DD');
  return match[0];
}

/** A wall-clock date-time `YYYY-MM-DDTHH:mm[:ss]` without offset. */
export function requireLocalDateTime(field: string, value: unknown): LocalDateTime {
  const match = typeof value === 'string' ? LOCAL_DATE_TIME.exec(value) : null;
  if (!match || !hasValidParts(match))
    throw new ValidationError(field, 'must be a wall-clock date-time YYYY-MM-DDTHH:mm');
  return match[0];
}

/** An IANA time zone the browser knows. */
export function requireTimeZone(field: string, value: unknown): string {
  if (typeof value !== 'string' || value.trim() === '') throw new ValidationError(field, 'must be an IANA time zone');
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
  } catch {
    throw new ValidationError(field, 'is not a known time zone');
  }
  return value;
}

/**
 * The patient's tags: trimmed, duplicates (ignoring case) dropped, first spelling
 * and order kept. A tag that is empty once trimmed is a mistake, not a no-op.
 */
export function normaliseTags(tags: unknown): string[] {
  if (!Array.isArray(tags)) throw new ValidationError('tags', 'must be a list');
  const seen = new Set<string>();
  const result: string[] = [];
  for (const tag of tags) {
    const trimmed = requireText('tags', tag, 60);
    const folded = trimmed.toLocaleLowerCase('fr');
    if (seen.has(folded)) continue;
    seen.add(folded);
    result.push(trimmed);
  }
  return result;
}

/** Rejects a value outside a fixed list. */
export function requireOneOf<T extends string>(field: string, value: unknown, allowed: readonly T[]): T {
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    throw new ValidationError(field, `must be one of ${allowed.join(', ')}`);
  }
  return value as T;
}

/** Throws the signal's reason when the caller gave up. */
export function throwIfAborted(signal: AbortSignal | undefined): void {
  signal?.throwIfAborted();
}

/** The same record without its `undefined` properties, so stored records stay tidy. */
export function compact<T extends object>(record: T): T {
  const result = { ...record };
  for (const key of Object.keys(result) as (keyof T)[]) {
    if (result[key] === undefined) delete result[key];
  }
  return result;
}

/** A flag that must be `true` or `false`. */
export function requireBoolean(field: string, value: unknown): boolean {
  if (typeof value !== 'boolean') throw new ValidationError(field, 'must be true or false');
  return value;
}
