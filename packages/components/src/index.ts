/**
 * Carnet web components. Importing this module registers every element; each
 * element also has its own entry point (`@carnet/components/provider`, ...).
 * @packageDocumentation
 */
export { CarnetProvider } from './provider/provider.js';
export type { ProviderRecordStatus, SignInMode } from './provider/provider.js';
export { CarnetRecordSummary } from './record-summary/record-summary.js';
export type { RecordSummary } from './record-summary/record-summary.data.js';
export { CarnetAgenda } from './agenda/agenda.js';
export type { AgendaView } from './agenda/agenda.js';
export { CarnetForumFeed } from './forum-feed/forum-feed.js';
export { CarnetDocumentBrowser } from './document-browser/document-browser.js';
export { CarnetMessages } from './messages/messages.js';
export { CarnetAccessHistory } from './access-history/access-history.js';
export { CarnetModeration } from './moderation/moderation.js';
export { CarnetSharing } from './sharing/sharing.js';
export { CarnetAppCatalogue } from './app-catalogue/app-catalogue.js';
export { CarnetMedicalProfile } from './medical-profile/medical-profile.js';
export { CarnetEmergencyCard } from './emergency-card/emergency-card.js';
export { CarnetReminders } from './reminders/reminders.js';
export { CarnetTracker } from './tracker/tracker.js';
export { CarnetPillOrganiser, PRINT_PREVIEW_CLASS } from './pill-organiser/pill-organiser.js';
export type { DoseState, SkipReason } from './pill-organiser/pill-organiser.js';

export * from './events/index.js';
export * from './context/index.js';

export { defineElement } from './shared/define.js';
export type { CarnetElementConstructor } from './shared/define.js';
export { CARNET_VERSION } from './shared/version.js';
export { CARNET_LOCALES, DEFAULT_CARNET_LOCALE, getCarnetLocale, setCarnetLocale } from './shared/localization.js';
export type { CarnetLocale } from './shared/localization.js';
