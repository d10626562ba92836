/** Carnet's typed DOM events and the helper that dispatches them. */
export type { CarnetErrorDetail, CarnetErrorEvent } from './carnet-error.js';
export type { CarnetRecordOpenDetail, CarnetRecordOpenEvent } from './carnet-record-open.js';
export type { CarnetSessionChangeDetail, CarnetSessionChangeEvent } from './carnet-session-change.js';
export type { CarnetPostCreateDetail, CarnetPostCreateEvent } from './carnet-post-create.js';
export type { CarnetPostReportDetail, CarnetPostReportEvent } from './carnet-post-report.js';
export type { CarnetDocumentOpenDetail, CarnetDocumentOpenEvent } from './carnet-document-open.js';
export type { CarnetDocumentChangeDetail, CarnetDocumentChangeEvent } from './carnet-document-change.js';
export type { CarnetDocumentSendDetail, CarnetDocumentSendEvent } from './carnet-document-send.js';
export type { CarnetIntakeChangeDetail, CarnetIntakeChangeEvent } from './carnet-intake-change.js';
export type { CarnetPlanChangeDetail, CarnetPlanChangeEvent, PlanChange } from './carnet-plan-change.js';
export type { AgendaChangeScope, CarnetEventChangeDetail, CarnetEventChangeEvent } from './carnet-event-change.js';
export type { CarnetOccurrenceNoteDetail, CarnetOccurrenceNoteEvent } from './carnet-occurrence-note.js';
export type { CarnetMessageSendDetail, CarnetMessageSendEvent } from './carnet-message-send.js';
export type { CarnetModerationActionDetail, CarnetModerationActionEvent } from './carnet-moderation-action.js';
export type { CarnetSharingChangeDetail, CarnetSharingChangeEvent } from './carnet-sharing-change.js';
export type { CarnetProfileChangeDetail, CarnetProfileChangeEvent } from './carnet-profile-change.js';
export { emit } from './emit.js';
export type { CarnetEventDetail, CarnetEventName, EmitOptions } from './emit.js';
