/**
 * Carnet catalogue SDK: the public API. Nothing outside this file is public.
 * @packageDocumentation
 */
export * from './errors/errors.js';
export * from './model/common.js';
export * from './model/document.js';
export * from './model/document-file.js';
export * from './model/agenda.js';
export * from './model/medication.js';
export * from './model/forum.js';
export * from './model/care-team.js';
export * from './model/message.js';
export * from './model/access.js';
export * from './model/moderation.js';
export * from './model/sharing.js';
export * from './model/medical-profile.js';
export * from './model/tracker.js';
export * from './trackers/index.js';
export * from './model/fhir/index.js';
export type * from './sources/data-source.js';
export * from './sources/local/local-data-source.js';
export * from './medication/index.js';
export * from './recurrence/index.js';
export * from './search/index.js';
export * from './reminders/index.js';
export * from './auth/index.js';
export * from './fhir/index.js';
export * from './sources/fhir/index.js';
export * from './offline/index.js';
export * from './catalog/index.js';
export type * from './model/patient-record.js';
