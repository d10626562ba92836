import { msg, str } from '@lit/localize';
import type { ModerationRecord, ReportReasonCount } from '@carnet/catalog-sdk';
import { reportReasonLabel } from '../forum-feed/forum-labels.js';
import type { PendingAction } from './moderation.controller.js';

/** « Signalé par 2 personnes », never who. */
export function reporterCountLabel(count: number): string {
  if (count === 0) return msg('Aucun signalement en cours');
  return count === 1 ? msg('Signalé par 1 personne') : msg(str`Signalé par ${count} personnes`);
}

/** One reason with how many gave it: « Information médicale fausse ou dangereuse (2) ». */
export function reasonCountLabel({ reason, count }: ReportReasonCount): string {
  return count === 1 ? reportReasonLabel(reason) : msg(str`${reportReasonLabel(reason)} (${count})`);
}

/** The confirmation dialog's title. */
export function confirmTitle(pending: PendingAction): string {
  switch (pending.action) {
    case 'hide':
      return msg(str`Masquer le message de ${pending.pseudonym} ?`);
    case 'restore':
      return msg(str`Rétablir le message de ${pending.pseudonym} ?`);
    case 'suspend':
      return msg(str`Suspendre ${pending.pseudonym} ?`);
    case 'unsuspend':
      return msg(str`Lever la suspension de ${pending.pseudonym} ?`);
  }
}

/** What the action will do, in plain words. */
export function confirmDescription(pending: PendingAction): string {
  switch (pending.action) {
    case 'hide':
      return msg(
        'Les membres ne verront plus ce message. Son auteur verra qu’il a été masqué et la raison ci-dessous, jamais qui l’a signalé.',
      );
    case 'restore':
      return msg('Le message redevient visible pour tous les membres et ses signalements sont effacés.');
    case 'suspend':
      return msg(str`${pending.pseudonym} pourra toujours lire la communauté mais ne pourra plus publier.`);
    case 'unsuspend':
      return msg(str`${pending.pseudonym} pourra de nouveau publier.`);
  }
}

/** The confirming button's words. */
export function confirmLabel(action: PendingAction['action']): string {
  switch (action) {
    case 'hide':
      return msg('Masquer le message');
    case 'restore':
      return msg('Rétablir le message');
    case 'suspend':
      return msg('Suspendre le pseudonyme');
    case 'unsuspend':
      return msg('Lever la suspension');
  }
}

/** What was done, announced politely once the platform recorded it. */
export function doneAnnouncement(action: PendingAction['action'], pseudonym: string): string {
  switch (action) {
    case 'hide':
      return msg(str`Message de ${pseudonym} masqué.`);
    case 'restore':
      return msg(str`Message de ${pseudonym} rétabli.`);
    case 'suspend':
      return msg(str`${pseudonym} est suspendu.`);
    case 'unsuspend':
      return msg(str`Suspension de ${pseudonym} levée.`);
  }
}

/** One entry of the trail in words. */
export function recordLabel(record: ModerationRecord): string {
  switch (record.action) {
    case 'hide':
      return msg('Message masqué');
    case 'restore':
      return msg('Message rétabli');
    case 'auto-hide':
      return msg('Message masqué automatiquement après plusieurs signalements');
    case 'suspend':
      return msg(str`${record.target} suspendu`);
    case 'unsuspend':
      return msg(str`Suspension de ${record.target} levée`);
  }
}
