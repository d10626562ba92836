/** Languages Carnet speaks to people: French (the source language) and English. */
export type CarnetLocale = 'fr' | 'en';

/** Every language Carnet speaks, French first. */
export const CARNET_LOCALES: readonly CarnetLocale[] = ['fr', 'en'];

/** Conditions Carnet is tuned for; also the forum communities. */
export type Pathology = 'diabetes' | 'parkinson' | 'kidney';

/** All pathologies, in display order. */
export const PATHOLOGIES: readonly Pathology[] = ['diabetes', 'parkinson', 'kidney'];

/**
 * Version of a stored record (FHIR `meta.versionId`, the ETag). Every update
 * names the version it was based on; a stale one is rejected with `ConflictError`.
 */
export type RecordVersion = string;

/** An ISO 8601 instant with offset or `Z`, e.g. `2026-03-29T06:30:00.000Z`. */
export type IsoInstant = string;

/** An ISO 8601 calendar date, e.g. `2026-03-29`. */
export type IsoDate = string;

/**
 * A wall-clock date-time without offset, e.g. `2026-03-29T02:30:00`, read in
 * the time zone that travels with it (IANA name such as `Europe/Paris`).
 */
export type LocalDateTime = string;

/** Day of the week, RFC 5545 style. */
export type Weekday = 'MO' | 'TU' | 'WE' | 'TH' | 'FR' | 'SA' | 'SU';

/** The days of the week, Monday first. */
export const WEEKDAYS: readonly Weekday[] = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];

/** Default time zone of Carnet users. */
export const DEFAULT_TIME_ZONE = 'Europe/Paris';

/** Canonical base of Carnet's FHIR extensions and code systems. */
export const CARNET_FHIR_BASE = 'https://carnet.example.org/fhir';
