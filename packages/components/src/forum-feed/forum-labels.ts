import { msg, str } from '@lit/localize';
import { ConflictError, ValidationError } from '@carnet/catalog-sdk';
import type { Pathology, ReportReason } from '@carnet/catalog-sdk';
import { toCarnetErrorDetail, userMessageFor } from '../shared/error-messages.js';

/** Every reason a patient can give when reporting, in the order they are offered. */
export const REPORT_REASONS: readonly ReportReason[] = [
  'medical-misinformation',
  'harassment',
  'personal-data',
  'spam',
  'other',
];

/** A report reason in the patient's words; called at render time to follow the locale. */
export function reportReasonLabel(reason: ReportReason): string {
  switch (reason) {
    case 'medical-misinformation':
      return msg('Information médicale fausse ou dangereuse');
    case 'harassment':
      return msg('Harcèlement ou propos blessants');
    case 'personal-data':
      return msg('Données personnelles exposées');
    case 'spam':
      return msg('Publicité ou spam');
    case 'other':
      return msg('Autre raison');
  }
}

/** The community's name, e.g. « Parkinson ». */
export function communityLabel(community: Pathology): string {
  switch (community) {
    case 'diabetes':
      return msg('Diabète');
    case 'parkinson':
      return msg('Maladie de Parkinson');
    case 'kidney':
      return msg('Maladie rénale chronique');
  }
}

/** « Aucune réponse », « 1 réponse », « 4 réponses ». */
export function replyCountLabel(count: number, formatted: string): string {
  if (count === 0) return msg('Aucune réponse');
  if (count === 1) return msg('1 réponse');
  return msg(str`${formatted} réponses`);
}

/** The sentence shown when a write failed, without health data. */
export function writeFailureMessage(error: unknown): string {
  if (error instanceof ConflictError) {
    return msg(
      'Ce message a été changé entre-temps, sur un autre appareil. La version à jour est affichée ; votre texte est conservé, vous pouvez réessayer.',
    );
  }
  if (error instanceof ValidationError && error.field === 'pseudonym') {
    return msg('Ce pseudonyme ne convient pas : 3 à 30 lettres, chiffres, espaces, tirets ou soulignés.');
  }
  if (error instanceof ValidationError && (error.field === 'body' || error.field === 'title')) {
    return msg('Le titre et le message ne peuvent pas être vides (10 000 caractères au plus).');
  }
  return userMessageFor(toCarnetErrorDetail(error).messageKey);
}
