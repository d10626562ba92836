import { msg } from '@lit/localize';
import { CarnetError } from '@carnet/catalog-sdk';
import type { AuthErrorReason, CarnetMessageKey } from '@carnet/catalog-sdk';
import type { CarnetErrorDetail } from '../events/carnet-error.js';

/**
 * The sentence shown to the patient for an SDK message key. Called at render
 * time so it follows the current locale.
 */
export function userMessageFor(messageKey: CarnetMessageKey): string {
  switch (messageKey) {
    case 'error.storage':
      return msg("Votre carnet n'a pas pu être ouvert sur cet appareil.");
    case 'error.not-found':
      return msg("Ce contenu n'existe plus dans votre carnet.");
    case 'error.conflict':
      return msg('Ce contenu a été changé entre-temps, sur un autre appareil ou par une autre personne.');
    case 'error.validation':
      return msg('Certaines informations ne sont pas valides.');
    case 'error.mapping':
      return msg("Une donnée reçue n'a pas pu être lue.");
    case 'error.auth':
      return msg("La connexion à votre espace santé n'a pas abouti.");
    case 'error.network':
      return msg("Le serveur n'a pas pu être joint. Vérifiez votre connexion, puis réessayez.");
    case 'error.server':
      return msg('Le serveur de santé a rencontré un problème. Réessayez dans un instant.');
    case 'error.forbidden':
      return msg("Vous n'avez pas accès à cette partie du carnet.");
    case 'error.unknown':
      return msg("Une erreur inattendue s'est produite.");
    case 'error.messaging-unavailable':
      return msg(
        "Votre carnet est enregistré sur cet appareil seulement : rien ne peut être envoyé d'ici. Téléchargez le document ou partagez-le depuis votre appareil.",
      );
  }
}

/**
 * The sentence shown to the patient when signing in (or staying signed in)
 * failed, by `AuthError` reason; says what to do next. Called at render time.
 */
export function userMessageForAuthReason(reason: AuthErrorReason): string {
  switch (reason) {
    case 'callback_state_mismatch':
      return msg(
        "La connexion n'a pas pu être vérifiée : elle ne correspond à aucune demande faite depuis cette page. Reconnectez-vous.",
      );
    case 'access_denied':
      return msg('La connexion a été refusée ou annulée. Vous pouvez réessayer quand vous le souhaitez.');
    case 'login_required':
      return msg('Votre session a expiré, reconnectez-vous.');
    case 'invalid_grant':
      return msg('Cette demande de connexion a expiré ou a déjà servi. Reconnectez-vous.');
    case 'network':
      return msg('Le service de connexion ne répond pas. Vérifiez votre connexion, puis réessayez.');
    case 'popup_blocked':
      return msg(
        'Votre navigateur a bloqué la fenêtre de connexion. Autorisez les fenêtres de ce site, puis réessayez.',
      );
    case 'popup_closed':
      return msg('La fenêtre de connexion a été fermée avant la fin. Reconnectez-vous pour continuer.');
    case 'configuration':
      return msg("La connexion à l'espace santé est mal réglée sur ce site. Prévenez l'association qui le publie.");
    case 'unknown':
      return userMessageFor('error.auth');
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
