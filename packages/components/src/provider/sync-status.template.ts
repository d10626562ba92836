import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import type { ConflictChoice, SyncConflict, SyncState } from '@carnet/catalog-sdk';
import type { CarnetLocale } from '../shared/localization.js';

/** Where the record's times are read (the organiser's default zone). */
const TIME_ZONE = 'Europe/Paris';
const dateTimeFormatters = new Map<string, Intl.DateTimeFormat>();

/** A dose time never left ambiguous: « 7 décembre 2026 à 08:00 » (in `timeZone`). */
function formatDateTime(instant: string, locale: CarnetLocale, timeZone = TIME_ZONE, value = instant): string {
  const key = `${locale}|${timeZone}`;
  let formatter = dateTimeFormatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short', timeZone });
    dateTimeFormatters.set(key, formatter);
  }
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? instant : formatter.format(date);
}

/** « 3 modifications en attente d'envoi », singular for one. */
function pendingText(pending: number): string {
  return pending === 1
    ? msg("1 modification en attente d'envoi")
    : msg(str`${pending} modifications en attente d'envoi`);
}

/**
 * The sync state in plain words: « Hors connexion — 3 modifications en attente
 * d'envoi », « Envoi en cours… », « À jour ». Called at render time (locale).
 */
export function syncSentence(state: SyncState): string {
  if (state.status === 'syncing') return msg('Envoi en cours…');
  if (state.status === 'offline') {
    const cause =
      state.failure === 'server' || state.failure === 'busy'
        ? msg('Serveur indisponible')
        : state.failure === 'auth'
          ? msg('Connexion à renouveler')
          : msg('Hors connexion');
    return state.pending > 0
      ? `${cause} — ${pendingText(state.pending)}`
      : `${cause} — ${msg('affichage des données enregistrées sur cet appareil')}`;
  }
  return state.pending > 0 ? pendingText(state.pending) : msg('À jour');
}

/** « 1 modification à vérifier » / « 2 modifications à vérifier ». */
export function conflictsText(count: number): string {
  return count === 1 ? msg('1 modification à vérifier') : msg(str`${count} modifications à vérifier`);
}

/** What the sync line shows and does. */
export interface SyncLineView {
  state: SyncState;
  onReview: () => void;
}

/**
 * The line under the signed-in header. The sentence sits in a polite live
 * region (role `status`), so a screen reader hears « Envoi en cours… » then
 * « À jour » without losing its place.
 */
export function renderSyncLine({ state, onReview }: SyncLineView): TemplateResult {
  const conflicts = state.conflicts.length;
  return html`<div class="sync-line" part="sync-line" data-status=${state.status}>
    <p class="sync-status" part="sync-status" role="status">${syncSentence(state)}</p>
    ${
      conflicts > 0
        ? html`<p class="sync-conflicts" part="sync-conflicts">
            <span>${conflictsText(conflicts)}</span>
            <button type="button" class="action action--secondary touch-target" part="review-button" @click=${onReview}>
              ${msg('Choisir la version à garder')}
            </button>
          </p>`
        : nothing
    }
  </div>`;
}

/** What the conflict dialog shows and does. */
export interface ConflictDialogView {
  conflict: SyncConflict | undefined;
  locale: CarnetLocale;
  resolving: boolean;
  failed: boolean;
  onChoose: (choice: ConflictChoice) => void;
  onLater: () => void;
}

interface Side {
  heading: string;
  lines: string[];
}

function intakeLines(record: { status: string; takenAt?: string; note?: string } | undefined, locale: CarnetLocale) {
  if (!record) return [msg('Prise effacée')];
  const lines = [
    record.status === 'taken'
      ? record.takenAt
        ? msg(str`Prise le ${formatDateTime(record.takenAt, locale)}`)
        : msg('Prise')
      : msg('Non prise'),
  ];
  lines.push(record.note ? msg(str`Note : ${record.note}`) : msg('Pas de note'));
  return lines;
}

function documentLines(document: { title: string; tags: readonly string[]; favourite: boolean } | undefined): string[] {
  if (!document) return [msg('Document supprimé')];
  return [
    document.tags.length > 0 ? msg(str`Étiquettes : ${document.tags.join(', ')}`) : msg("Pas d'étiquette"),
    document.favourite ? msg('En favori') : msg('Pas en favori'),
  ];
}

/** A wall-clock date-time of the agenda (no zone), as written: « 7 décembre 2026 à 12:00 ». */
function formatWallClock(local: string, locale: CarnetLocale): string {
  return formatDateTime(local, locale, 'UTC', `${local.slice(0, 19)}Z`);
}

function agendaLines(
  event: { title: string; notes?: string; overrides: readonly { originalStart: string; note?: string }[] } | undefined,
  locale: CarnetLocale,
): string[] {
  if (!event) return [msg('Rendez-vous supprimé')];
  const notes = [
    ...(event.notes ? [msg(str`Note : ${event.notes}`)] : []),
    ...event.overrides.flatMap((override) =>
      override.note ? [msg(str`Note du ${formatWallClock(override.originalStart, locale)} : ${override.note}`)] : [],
    ),
  ];
  return [event.title, ...(notes.length > 0 ? notes : [msg('Pas de note')])];
}

/** The record the conflict is about, and both versions, in plain words. */
function describe(conflict: SyncConflict, locale: CarnetLocale): { subject: string; theirs: Side; mine: Side } {
  const theirsHeading =
    conflict.reason === 'rejected' ? msg('Version enregistrée') : msg('Version enregistrée entre-temps');
  const mineHeading = msg('Votre modification sur cet appareil');
  switch (conflict.entity) {
    case 'intake': {
      const scheduled = conflict.mine?.scheduledAt ?? conflict.theirs?.scheduledAt;
      return {
        subject: scheduled
          ? msg(str`Prise prévue le ${formatDateTime(scheduled, locale)}`)
          : msg('Une prise de traitement'),
        theirs: { heading: theirsHeading, lines: intakeLines(conflict.theirs, locale) },
        mine: { heading: mineHeading, lines: intakeLines(conflict.mine, locale) },
      };
    }
    case 'document': {
      const title = conflict.theirs?.title ?? conflict.mine?.title ?? '';
      const mine = conflict.theirs && conflict.changes ? { ...conflict.theirs, ...conflict.changes } : conflict.mine;
      return {
        subject: msg(str`Document « ${title} »`),
        theirs: { heading: theirsHeading, lines: documentLines(conflict.theirs) },
        mine: { heading: mineHeading, lines: documentLines(mine) },
      };
    }
    case 'agenda':
      return {
        subject: msg(str`Rendez-vous « ${conflict.theirs?.title ?? conflict.mine?.title ?? ''} »`),
        theirs: { heading: theirsHeading, lines: agendaLines(conflict.theirs, locale) },
        mine: { heading: mineHeading, lines: agendaLines(conflict.mine, locale) },
      };
    case 'plan':
      return {
        subject: msg(str`Traitement ${conflict.theirs?.medication.display ?? conflict.mine?.medication.display ?? ''}`),
        theirs: {
          heading: theirsHeading,
          lines: conflict.theirs ? [msg('Version du serveur')] : [msg('Traitement supprimé')],
        },
        mine: { heading: mineHeading, lines: conflict.mine ? [msg('Vos changements')] : [msg('Suppression')] },
      };
  }
}

function whyText(conflict: SyncConflict): string {
  switch (conflict.reason) {
    case 'changed':
      return msg(
        "Cette information a été modifiée ailleurs pendant que vous étiez hors connexion. Rien n'a été écrasé : choisissez la version à garder.",
      );
    case 'deleted':
      return msg(
        "Cette information a été supprimée ailleurs pendant que vous étiez hors connexion. Rien n'a été écrasé.",
      );
    case 'rejected':
      return msg("Le serveur a refusé cette modification. Elle est gardée sur cet appareil jusqu'à votre choix.");
  }
}

/** True when « mine » can be applied (a deleted document or plan cannot be changed). */
function canKeepMine(conflict: SyncConflict): boolean {
  if (conflict.entity === 'document' || conflict.entity === 'plan')
    return conflict.theirs !== undefined || conflict.reason === 'rejected';
  return conflict.mine !== undefined || conflict.theirs !== undefined;
}

function renderSide(side: Side, part: string): TemplateResult {
  return html`<section class="conflict-side" part=${part}>
    <h3 class="conflict-side-title">${side.heading}</h3>
    <ul class="conflict-lines">
      ${side.lines.map((line) => html`<li>${line}</li>`)}
    </ul>
  </section>`;
}

/**
 * The conflict dialog: what the record is, both versions side by side, and
 * the choices — keep the saved version, keep mine, or (notes) keep both.
 * « Plus tard » (the safe choice, focused first) leaves the conflict waiting.
 */
export function renderConflictDialog(view: ConflictDialogView): TemplateResult {
  const { conflict } = view;
  const described = conflict ? describe(conflict, view.locale) : undefined;
  return html`<dialog class="dialog conflict-dialog" part="conflict-dialog" aria-labelledby="conflict-title">
    ${
      conflict && described
        ? html`<h2 class="dialog-title" id="conflict-title">${msg('Deux versions différentes')}</h2>
            <p class="conflict-subject" part="conflict-subject">${described.subject}</p>
            <p class="conflict-why">${whyText(conflict)}</p>
            <div class="conflict-sides">
              ${renderSide(described.theirs, 'conflict-theirs')} ${renderSide(described.mine, 'conflict-mine')}
            </div>
            ${
              view.failed
                ? html`<p class="notice" role="alert">
                    ${msg("Ce choix n'a pas pu être enregistré. Il a peut-être déjà été fait dans un autre onglet.")}
                  </p>`
                : nothing
            }
            <div class="dialog-actions">
              <button
                type="button"
                class="action action--secondary touch-target"
                part="choose-theirs"
                ?disabled=${view.resolving}
                @click=${() => view.onChoose('theirs')}
              >
                ${conflict.theirs ? msg('Garder la version enregistrée') : msg('Abandonner ma modification')}
              </button>
              ${
                canKeepMine(conflict)
                  ? html`<button
                      type="button"
                      class="action action--secondary touch-target"
                      part="choose-mine"
                      ?disabled=${view.resolving}
                      @click=${() => view.onChoose('mine')}
                    >
                      ${msg('Garder ma modification')}
                    </button>`
                  : nothing
              }
              ${
                conflict.canKeepBoth
                  ? html`<button
                      type="button"
                      class="action action--secondary touch-target"
                      part="choose-both"
                      ?disabled=${view.resolving}
                      @click=${() => view.onChoose('both')}
                    >
                      ${msg('Garder les deux notes')}
                    </button>`
                  : nothing
              }
              <button
                type="button"
                class="action action--primary touch-target"
                part="conflict-later"
                autofocus
                @click=${view.onLater}
              >
                ${msg('Plus tard')}
              </button>
            </div>`
        : nothing
    }
  </dialog>`;
}

/** What the sign-out confirmation shows and does. */
export interface SignOutConfirmView {
  open: boolean;
  /** Changes that signing out would delete. */
  unsent: number;
  onStay: () => void;
  onConfirm: () => void;
}

/**
 * Asked before a sign-out that would delete changes not yet sent (device not
 * remembered). « Rester connecté·e » is the safe choice, focused first.
 */
export function renderSignOutConfirm({ open, unsent, onStay, onConfirm }: SignOutConfirmView): TemplateResult {
  return html`<dialog class="dialog conflict-dialog" part="sign-out-dialog" aria-labelledby="sign-out-title">
    ${
      open
        ? html`<h2 class="dialog-title" id="sign-out-title">${msg('Des modifications ne sont pas encore envoyées')}</h2>
            <p class="conflict-why">
              ${
                unsent === 1
                  ? msg(
                      "1 modification n'est pas encore sur votre espace santé. Si vous vous déconnectez maintenant, elle sera effacée de cet appareil et perdue.",
                    )
                  : msg(
                      str`${unsent} modifications ne sont pas encore sur votre espace santé. Si vous vous déconnectez maintenant, elles seront effacées de cet appareil et perdues.`,
                    )
              }
            </p>
            <div class="dialog-actions">
              <button
                type="button"
                class="action action--primary touch-target"
                part="stay-signed-in"
                autofocus
                @click=${onStay}
              >
                ${msg('Rester connecté·e')}
              </button>
              <button
                type="button"
                class="action action--secondary touch-target"
                part="sign-out-anyway"
                @click=${onConfirm}
              >
                ${msg('Se déconnecter et les effacer')}
              </button>
            </div>`
        : nothing
    }
  </dialog>`;
}
