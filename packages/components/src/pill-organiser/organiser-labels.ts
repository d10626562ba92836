/**
 * Words of the pill organiser in the patient's language. Functions, called at
 * render time, so they follow the current locale.
 */
import { msg } from '@lit/localize';
import type { DayPeriod } from '@carnet/catalog-sdk';
import type { DoseState } from './dose-state.js';

/** Name of a row: a moment of the day, or the meal it goes with (diabetes preset). */
export function periodLabel(period: DayPeriod, naming: 'moments' | 'meals'): string {
  if (naming === 'meals') {
    switch (period) {
      case 'morning':
        return msg('Petit-déjeuner');
      case 'noon':
        return msg('Déjeuner');
      case 'evening':
        return msg('Dîner');
      case 'bedtime':
        return msg('Coucher');
    }
  }
  switch (period) {
    case 'morning':
      return msg('Matin');
    case 'noon':
      return msg('Midi');
    case 'evening':
      return msg('Soir');
    case 'bedtime':
      return msg('Coucher');
  }
}

/** The state of a dose in words (never shown by colour alone). */
export function stateLabel(state: DoseState): string {
  switch (state) {
    case 'to-take':
      return msg('à prendre');
    case 'taken':
      return msg('prise');
    case 'taken-late':
      return msg('prise en retard');
    case 'skipped':
      return msg('sautée');
    case 'missed':
      return msg('manquée');
  }
}

/** A glyph beside the state's words (decorative: the words carry the meaning). */
export function stateIcon(state: DoseState): string {
  switch (state) {
    case 'to-take':
      return '○';
    case 'taken':
      return '✓';
    case 'taken-late':
      return '◷';
    case 'skipped':
      return '↷';
    case 'missed':
      return '✗';
  }
}

/** Why a dose was not taken: stored as a code, shown in the patient's language. */
export type SkipReason = 'side-effects' | 'doctor-advice' | 'out-of-stock' | 'unwell' | 'other';

/** Every skip reason, in the order of the select. */
export const SKIP_REASONS: readonly SkipReason[] = ['side-effects', 'doctor-advice', 'out-of-stock', 'unwell', 'other'];

/** The words of a skip reason; a reason recorded elsewhere is shown as written. */
export function skipReasonLabel(reason: string): string {
  switch (reason) {
    case 'side-effects':
      return msg('Effets indésirables');
    case 'doctor-advice':
      return msg('Sur avis médical');
    case 'out-of-stock':
      return msg('Plus de médicament');
    case 'unwell':
      return msg('Malade (nausées, vomissements…)');
    case 'other':
      return msg('Autre raison');
    default:
      return reason;
  }
}
