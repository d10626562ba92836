import { html } from 'lit';
import type { TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { CarnetLocale } from '../shared/localization.js';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

// Intl formatters are costly to build; one per locale is enough.
const relativeFormatters = new Map<CarnetLocale, Intl.RelativeTimeFormat>();
const fullFormatters = new Map<CarnetLocale, Intl.DateTimeFormat>();

/** « il y a 3 heures » / "3 hours ago", « hier » / "yesterday": how long ago `instant` was at `now`. */
export function formatRelativeTime(instant: string, now: Date, locale: CarnetLocale): string {
  let formatter = relativeFormatters.get(locale);
  if (!formatter) {
    formatter = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
    relativeFormatters.set(locale, formatter);
  }
  const elapsed = Date.parse(instant) - now.getTime();
  if (Number.isNaN(elapsed)) return '';
  const span = Math.abs(elapsed);
  if (span < MINUTE) return formatter.format(0, 'second');
  if (span < HOUR) return formatter.format(Math.round(elapsed / MINUTE), 'minute');
  if (span < DAY) return formatter.format(Math.round(elapsed / HOUR), 'hour');
  if (span < 30 * DAY) return formatter.format(Math.round(elapsed / DAY), 'day');
  if (span < 365 * DAY) return formatter.format(Math.round(elapsed / (30 * DAY)), 'month');
  return formatter.format(Math.round(elapsed / (365 * DAY)), 'year');
}

/** The full date and time, e.g. « lundi 23 novembre 2026 à 10:00 ». */
export function formatFullDate(instant: string, locale: CarnetLocale): string {
  let formatter = fullFormatters.get(locale);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(locale, { dateStyle: 'full', timeStyle: 'short' });
    fullFormatters.set(locale, formatter);
  }
  const date = new Date(instant);
  return Number.isNaN(date.getTime()) ? '' : formatter.format(date);
}

/** A `<time>` saying how long ago, with the machine date and the full date as its title. */
export function renderRelativeTime(instant: string, now: Date, locale: CarnetLocale, id?: string): TemplateResult {
  return html`<time id=${ifDefined(id)} datetime=${instant} title=${formatFullDate(instant, locale)}
    >${formatRelativeTime(instant, now, locale)}</time
  >`;
}
