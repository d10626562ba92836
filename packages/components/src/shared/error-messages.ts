import { msg } from '@lit/localize';
import { CarnetError } from '@carnet/catalog-sdk';
import type { CarnetErrorDetail } from '../events/carnet-error.js';

/**
 * The sentence shown to the patient for an SDK message key. Called at render
 * time so it follows the current locale.
 */
export function userMessageFor(messageKey: string): string {
  switch (messageKey) {
    case 'error.storage':
      return msg("Votre carnet n'a pas pu être ouvert sur cet appareil.");
    case 'error.not-found':
      return msg("Ce contenu n'existe plus dans votre carnet.");
    case 'error.conflict':
      return msg('Ce contenu a été modifié ailleurs entre-temps.');
    case 'error.validation':
      return msg('Certaines informations ne sont pas valides.');
    case 'error.mapping':
      return msg("Une donnée reçue n'a pas pu être lue.");
    default:
      return msg("Une erreur inattendue s'est produite.");
  }
}

/**
 * What may be said about a failure outside the element: codes and the SDK's
 * developer message (which never holds health data); other errors by name only.
 */
export function toCarnetErrorDetail(error: unknown): CarnetErrorDetail {
  if (error instanceof CarnetError) {
    return { code: error.code, messageKey: error.messageKey, message: error.message };
  }
  const name = error instanceof Error ? error.name : typeof error;
  return { code: 'unknown', messageKey: 'error.unknown', message: `Unexpected failure (${name})` };
}
