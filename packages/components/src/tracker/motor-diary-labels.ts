/**
 * Words of the Parkinson's motor diary: states, slot times (« 8 h 00 »),
 * durations (« 1 h 30 »), days; always in the provider's locale.
 */
import { msg, str } from '@lit/localize';
import type { MotorState } from '@carnet/catalog-sdk';
import type { CarnetLocale } from '../shared/localization.js';

/** What a tap on a slot does: set a state, or clear the slot. */
export type MotorBrush = MotorState | 'clear';

/** Every brush, in the order the picker offers them. */
export const MOTOR_BRUSHES: readonly MotorBrush[] = ['off', 'on', 'on-dyskinesia', 'asleep', 'clear'];

/** The state as said in a slot's label: « off », « on avec dyskinésies »; `undefined`: « non noté ». */
export function motorStateWords(state: MotorState | undefined): string {
  switch (state) {
    case 'off':
      return msg('off');
    case 'on':
      return msg('on');
    case 'on-dyskinesia':
      return msg('on avec dyskinésies');
    case 'asleep':
      return msg('endormi');
    case undefined:
      return msg('non noté');
  }
}

/** The picker's button for a brush: « Off », « On avec dyskinésies », « Effacer ». */
export function brushLabel(brush: MotorBrush): string {
  switch (brush) {
    case 'off':
      return msg('Off');
    case 'on':
      return msg('On');
    case 'on-dyskinesia':
      return msg('On avec dyskinésies');
    case 'asleep':
      return msg('Endormi');
    case 'clear':
      return msg('Effacer');
  }
}

/** What each brush means, under its button. */
export function brushHint(brush: MotorBrush): string {
  switch (brush) {
    case 'off':
      return msg('bloqué, raide, lent');
    case 'on':
      return msg('je bouge bien');
    case 'on-dyskinesia':
      return msg('mouvements involontaires gênants');
    case 'asleep':
      return msg('je dormais');
    case 'clear':
      return msg('rien de noté');
  }
}

const formats = new Map<string, Intl.DateTimeFormat>();

function cached(key: string, make: () => Intl.DateTimeFormat): Intl.DateTimeFormat {
  let format = formats.get(key);
  if (!format) {
    format = make();
    formats.set(key, format);
  }
  return format;
}

/** A slot's time in the device's zone: « 8 h 00 » in French, "8:00 AM" in English. */
export function formatSlotTime(at: string | Date, locale: CarnetLocale): string {
  const date = typeof at === 'string' ? new Date(at) : at;
  if (locale === 'fr') return `${date.getHours()} h ${String(date.getMinutes()).padStart(2, '0')}`;
  return cached(`time:${locale}`, () => new Intl.DateTimeFormat(locale, { hour: 'numeric', minute: '2-digit' })).format(
    date,
  );
}

/** « 8 h 00 – 8 h 30 ». */
export function formatSlotRange(start: string, end: string, locale: CarnetLocale): string {
  return `${formatSlotTime(start, locale)} – ${formatSlotTime(end, locale)}`;
}

/** « 8 h 00 – 8 h 30 : off »: a slot and its state, as its label and announcements say it. */
export function slotStateText(start: string, end: string, state: MotorState | undefined, locale: CarnetLocale): string {
  const range = formatSlotRange(start, end, locale);
  const words = motorStateWords(state);
  return msg(str`${range} : ${words}`);
}

/** The hour heading of a row of two slots: « 8 h » / "8 AM". */
export function formatHour(at: string, locale: CarnetLocale): string {
  const date = new Date(at);
  if (locale === 'fr') return `${date.getHours()} h`;
  return cached(`hour:${locale}`, () => new Intl.DateTimeFormat(locale, { hour: 'numeric' })).format(date);
}

/** A length of time: « 1 h 30 », « 30 min », « 2 h », « 0 min ». */
export function formatMinutes(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return msg(str`${rest} min`);
  if (rest === 0) return msg(str`${hours} h`);
  const padded = String(rest).padStart(2, '0');
  return msg(str`${hours} h ${padded}`);
}

/** « jeudi 4 mars 2026 » / "Thursday, March 4, 2026". */
export function formatDiaryDay(day: Date, locale: CarnetLocale): string {
  return cached(
    `day:${locale}`,
    () => new Intl.DateTimeFormat(locale, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }),
  ).format(day);
}

/** « jeu. 4 mars » / "Thu, Mar 4". */
export function formatShortDay(day: Date, locale: CarnetLocale): string {
  return cached(
    `short:${locale}`,
    () => new Intl.DateTimeFormat(locale, { weekday: 'short', day: 'numeric', month: 'short' }),
  ).format(day);
}
