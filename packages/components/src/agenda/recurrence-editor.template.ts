import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { msg } from '@lit/localize';
import { WEEKDAYS } from '@carnet/catalog-sdk';
import type { CarnetLocale } from '../shared/localization.js';
import { addDays, startOfWeek } from './agenda-dates.js';
import type { AgendaFormat } from './agenda-format.js';
import { dateShape, frequencyLabel } from './agenda-labels.js';
import { describeRecurrence, recurrenceToRRule } from '@carnet/catalog-sdk';
import type { RecurrenceFrequency } from '@carnet/catalog-sdk';
import { draftTimes } from './event-draft.js';
import type { DraftErrors, EventDraft } from './event-draft.js';
import { draftRule } from './series-edits.js';
import { live } from 'lit/directives/live.js';
import { formatDateField } from '../shared/date-time-fields.js';

/** What the recurrence editor shows. */
export interface RecurrenceEditorOptions {
  draft: EventDraft;
  errors: DraftErrors;
  locale: CarnetLocale;
  format: AgendaFormat;
  /** The last day as typed, while it does not read as a date. */
  typedUntil?: string;
  onReplaceCustomRule(): void;
}

const FREQUENCIES: readonly RecurrenceFrequency[] = ['none', 'daily', 'weekly', 'monthly', 'yearly'];

function intervalUnit(frequency: RecurrenceFrequency): string {
  switch (frequency) {
    case 'weekly':
      return msg('semaine(s)');
    case 'monthly':
      return msg('mois');
    case 'yearly':
      return msg('an(s)');
    default:
      return msg('jour(s)');
  }
}

/** The rule in plain words, as the patient will read it in the agenda. */
export function recurrenceSentence(draft: EventDraft, locale: CarnetLocale): string {
  const rule = draftRule(draft, draftTimes(draft).start);
  return rule ? describeRecurrence(rule, locale) : msg('Ne se répète pas');
}

function renderWeekdays(draft: EventDraft, format: AgendaFormat): TemplateResult {
  // Any Monday gives the weekday names in order.
  const monday = startOfWeek(draft.date || '2026-01-05');
  return html`<fieldset class="weekdays" part="recurrence-weekdays">
    <legend>${msg('Les jours')}</legend>
    ${WEEKDAYS.map(
      (day, index) =>
        html`<label class="check">
          <input type="checkbox" name="weekday" value=${day} .checked=${draft.recurrence.weekdays.includes(day)} />
          ${format.weekdayLong(addDays(monday, index))}
        </label>`,
    )}
  </fieldset>`;
}

function renderMonthlyMode(draft: EventDraft, locale: CarnetLocale): TemplateResult {
  const start = draftTimes(draft).start;
  const phrase = (mode: 'day-of-month' | 'nth-weekday'): string =>
    describeRecurrence(
      recurrenceToRRule({ ...draft.recurrence, interval: 1, end: { type: 'never' }, monthlyMode: mode }, start) ?? '',
      locale,
    );
  const mode = draft.recurrence.monthlyMode ?? 'day-of-month';
  return html`<fieldset class="monthly" part="recurrence-monthly">
    <legend>${msg('Chaque mois')}</legend>
    <label class="check">
      <input type="radio" name="monthlyMode" value="day-of-month" .checked=${mode === 'day-of-month'} />
      ${phrase('day-of-month')}
    </label>
    <label class="check">
      <input type="radio" name="monthlyMode" value="nth-weekday" .checked=${mode === 'nth-weekday'} />
      ${phrase('nth-weekday')}
    </label>
  </fieldset>`;
}

function renderEnd(options: RecurrenceEditorOptions): TemplateResult {
  const { draft, errors } = options;
  const end = draft.recurrence.end;
  return html`<fieldset class="recurrence-end" part="recurrence-end">
    <legend>${msg('Fin de la répétition')}</legend>
    <label class="check">
      <input type="radio" name="endType" value="never" .checked=${end.type === 'never'} />
      ${msg('Jamais')}
    </label>
    <div class="check">
      <input type="radio" id="end-count" name="endType" value="count" .checked=${end.type === 'count'} />
      <label for="end-count">${msg('Après un nombre de fois')}</label>
      <input
        type="number"
        name="count"
        min="1"
        class="short"
        aria-label=${msg('Nombre de fois')}
        aria-invalid=${errors.count ? 'true' : 'false'}
        ?disabled=${end.type !== 'count'}
        .value=${String(end.type === 'count' ? end.count : 10)}
      />
    </div>
    <div class="check">
      <input type="radio" id="end-until" name="endType" value="until" .checked=${end.type === 'until'} />
      <label for="end-until">${msg("Jusqu'à une date")}</label>
      <input
        class="date-field"
        name="until"
        inputmode="numeric"
        autocomplete="off"
        aria-label=${`${msg('Dernier jour')} (${dateShape(options.locale)})`}
        aria-invalid=${errors.until ? 'true' : 'false'}
        ?disabled=${end.type !== 'until'}
        .value=${live(options.typedUntil ?? formatDateField(end.type === 'until' ? end.until : draft.date, options.locale))}
      />
    </div>
  </fieldset>`;
}

/**
 * The recurrence in plain words: how often, every how many, which days, until
 * when — never an RRULE to type. The sentence below says the result.
 */
export function renderRecurrenceEditor(options: RecurrenceEditorOptions): TemplateResult {
  const { draft, errors, locale, format } = options;
  const sentence = html`<p
    class="recurrence-sentence"
    part="recurrence-sentence"
    id="recurrence-sentence"
    aria-live="polite"
  >
    ${recurrenceSentence(draft, locale)}
  </p>`;
  if (draft.customRule) {
    return html`<fieldset class="recurrence" part="recurrence-editor">
      <legend>${msg('Répétition')}</legend>
      ${sentence}
      <button type="button" class="action touch-target" @click=${options.onReplaceCustomRule}>
        ${msg('Remplacer par une répétition simple')}
      </button>
    </fieldset>`;
  }
  const { frequency } = draft.recurrence;
  return html`<fieldset class="recurrence" part="recurrence-editor">
    <legend>${msg('Répétition')}</legend>
    <label class="field">
      <span>${msg('Se répète')}</span>
      <select name="frequency" aria-describedby="recurrence-sentence">
        ${FREQUENCIES.map((value) => html`<option value=${value} ?selected=${value === frequency}>${frequencyLabel(value)}</option>`)}
      </select>
    </label>
    ${
      frequency === 'none'
        ? nothing
        : html`<label class="field field--inline">
              <span>${msg('Tous les')}</span>
              <input
                type="number"
                name="interval"
                min="1"
                class="short"
                aria-invalid=${errors.interval ? 'true' : 'false'}
                .value=${String(draft.recurrence.interval)}
              />
              <span>${intervalUnit(frequency)}</span>
            </label>
            ${frequency === 'weekly' ? renderWeekdays(draft, format) : nothing}
            ${frequency === 'monthly' ? renderMonthlyMode(draft, locale) : nothing} ${renderEnd(options)}`
    }
    ${sentence}
  </fieldset>`;
}
