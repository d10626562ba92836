import type { ReactiveController, ReactiveControllerHost } from 'lit';
import {
  AGENDA_EVENT_KINDS,
  ConflictError,
  MONTHLY_MODES,
  NotFoundError,
  RECURRENCE_FREQUENCIES,
  WEEKDAYS,
} from '@carnet/catalog-sdk';
import type { AgendaEvent, DataSource, IsoDate, NewAgendaEvent, Occurrence, Weekday } from '@carnet/catalog-sdk';
import type { AgendaChangeScope, CarnetEventChangeDetail } from '../events/carnet-event-change.js';
import { weekdayIndex } from './agenda-dates.js';
import { REMINDER_UNITS, type ReminderUnit } from './agenda-labels.js';
import { draftFields, draftFromEvent, draftTimes, newDraft, validateDraft } from './event-draft.js';
import type { DraftErrors, EventDraft } from './event-draft.js';
import { draftRule, planDelete, planEdit } from './series-edits.js';
import type { OccurrenceAnchor, SeriesEdit } from './series-edits.js';
import type { CarnetLocale } from '../shared/localization.js';
import { minutesOfDay, parseDateField, parseTimeField, timeOfMinutes } from '../shared/date-time-fields.js';

/** What the editor needs from its element. */
export interface EventEditorOptions {
  source(): DataSource | undefined;
  /** Language the date and time fields are typed in. */
  locale(): CarnetLocale;
  /** Zone of new events. */
  timeZone(): string;
  /** Called with one detail per saved event, after the writes succeeded. */
  saved(changes: CarnetEventChangeDetail[], action: 'save' | 'delete' | 'undo'): void;
  /** Called after a conflict or a failure, so the record is loaded again. */
  stale(): void;
}

/** A date or time field typed as text in the page's language. */
export type TypedField = 'date' | 'startTime' | 'endTime' | 'until';

/** What the last delete removed, so the patient can put it back. */
export interface DeletionUndo {
  /** Title of the event, to name what was deleted. */
  title: string;
  /** The event as it was before the delete. */
  before: AgendaEvent;
  /** The delete removed the event (else it changed its rule or exceptions). */
  removed: boolean;
}

/** Why the last save did not go through. */
export type EditorProblem = 'conflict' | 'not-found' | 'failed';

const UNIT_MINUTES: Record<ReminderUnit, number> = { minute: 1, hour: 60, day: 1440 };

// Values read from the form are checked with `.find` against the values their type allows, as
// shared/parse-one-of.ts does: this file is part of the agenda's editing chunk, and importing that
// module from a chunk loaded on demand makes the CDN build split it (with Vite's preload helper) out
// of the provider's chunk, one more file for every page (rolldown issue 10731).

/**
 * The event editor and the « which occurrences? » question: the form's draft,
 * validation, reminders added and removed, and the writes each scope needs.
 * A conflict keeps what the patient typed and rebases it on the latest version.
 */
export class EventEditorController implements ReactiveController {
  /** `closed`, or the form is open to create or edit. */
  mode: 'closed' | 'create' | 'edit' = 'closed';
  draft: EventDraft = newDraft('1970-01-01', 'Europe/Paris');
  errors: DraftErrors = {};
  /** The stored event being edited, at the version the edit is based on. */
  base?: AgendaEvent;
  /** The occurrence the edit started from, for recurring events. */
  anchor?: OccurrenceAnchor;
  /**
   * The question « which occurrences? » is asked for this action; `confirm` is the
   * scope of a series delete awaiting confirmation.
   */
  scopeRequest?: { action: 'save' | 'delete'; recurring: boolean; confirm?: AgendaChangeScope };
  /** Text typed in a date or time field, kept as typed until it reads as a date or time. */
  typed: Partial<Record<TypedField, string>> = {};
  /** The last delete, until undone or replaced by another change. */
  undo?: DeletionUndo;
  /** Putting back the last delete failed. */
  undoFailed = false;
  saving = false;
  problem?: EditorProblem;
  /** The reminder being added: value and unit. */
  reminderValue = 1;
  reminderUnit: ReminderUnit = 'day';

  private readonly host: ReactiveControllerHost;
  private readonly options: EventEditorOptions;

  constructor(host: ReactiveControllerHost, options: EventEditorOptions) {
    this.host = host;
    this.options = options;
    host.addController(this);
  }

  hostConnected(): void {}

  /** Opens an empty form on `day`. */
  openNew(day: IsoDate): void {
    this.reset();
    this.mode = 'create';
    this.draft = newDraft(day, this.options.timeZone());
    this.host.requestUpdate();
  }

  /** Opens the form of `event`, at `occurrence` when given. */
  openEdit(event: AgendaEvent, occurrence?: Occurrence): void {
    this.reset();
    this.mode = 'edit';
    this.base = event;
    this.draft = draftFromEvent(event, occurrence);
    if (occurrence) this.anchor = { originalStart: occurrence.originalStart, shownStart: draftTimes(this.draft).start };
    this.host.requestUpdate();
  }

  /** Closes the form (and the question), dropping the draft. */
  close(): void {
    this.reset();
    this.mode = 'closed';
    this.host.requestUpdate();
  }

  private reset(): void {
    this.errors = {};
    this.typed = {};
    this.base = undefined;
    this.anchor = undefined;
    this.scopeRequest = undefined;
    this.problem = undefined;
    this.saving = false;
    this.reminderValue = 1;
    this.reminderUnit = 'day';
  }

  /** One listener for every input of the form: reads the input's name and value. */
  readonly onFormInput = (event: Event): void => {
    const input = event.target;
    if (!(
      input instanceof HTMLInputElement ||
      input instanceof HTMLSelectElement ||
      input instanceof HTMLTextAreaElement
    ))
      return;
    const draft = this.draft;
    const value = input.value;
    const checked = input instanceof HTMLInputElement && input.checked;
    const recurrence = draft.recurrence;
    switch (input.name) {
      case 'title':
      case 'location':
      case 'practitioner':
      case 'notes':
        draft[input.name] = value;
        break;
      case 'date':
      case 'startTime':
      case 'endTime':
        this.readTyped(input.name, value, event.type === 'change');
        break;
      case 'kind':
        draft.kind = AGENDA_EVENT_KINDS.find((kind) => kind === value) ?? draft.kind;
        break;
      case 'allDay':
        draft.allDay = checked;
        break;
      case 'frequency':
        recurrence.frequency = RECURRENCE_FREQUENCIES.find((frequency) => frequency === value) ?? recurrence.frequency;
        // Weekly starts from the event's own weekday, ticked so the patient sees it.
        if (recurrence.frequency === 'weekly' && recurrence.weekdays.length === 0 && draft.date) {
          recurrence.weekdays = [WEEKDAYS[weekdayIndex(draft.date)] as Weekday];
        }
        break;
      case 'interval':
        recurrence.interval = Math.max(1, Math.floor(Number(value)) || 1);
        break;
      case 'weekday': {
        const day = WEEKDAYS.find((weekday) => weekday === value);
        if (!day) return;
        const chosen = new Set(recurrence.weekdays);
        if (checked) chosen.add(day);
        else chosen.delete(day);
        recurrence.weekdays = WEEKDAYS.filter((weekday) => chosen.has(weekday));
        break;
      }
      case 'monthlyMode':
        recurrence.monthlyMode = MONTHLY_MODES.find((mode) => mode === value) ?? recurrence.monthlyMode;
        break;
      case 'endType':
        recurrence.end =
          value === 'count'
            ? { type: 'count', count: 10 }
            : value === 'until'
              ? { type: 'until', until: draft.date }
              : { type: 'never' };
        break;
      case 'count':
        recurrence.end = { type: 'count', count: Math.max(1, Math.floor(Number(value)) || 1) };
        break;
      case 'until':
        this.readTyped('until', value, event.type === 'change');
        break;
      case 'reminderValue':
        this.reminderValue = Math.max(0, Math.floor(Number(value)) || 0);
        break;
      case 'reminderUnit':
        this.reminderUnit = REMINDER_UNITS.find((unit) => unit === value) ?? this.reminderUnit;
        break;
      default:
        return;
    }
    if (Object.keys(this.errors).length > 0) this.errors = this.validate();
    this.host.requestUpdate();
  };

  /**
   * Reads a typed date or time into the draft (empty when it does not read);
   * moving the start moves the end, keeping the duration. On `change` (the
   * patient left the field) a value that reads is shown in the locale's form.
   */
  private readTyped(name: TypedField, value: string, committed: boolean): void {
    const draft = this.draft;
    const locale = this.options.locale();
    const parsed = name === 'date' || name === 'until' ? parseDateField(value, locale) : parseTimeField(value, locale);
    if (committed && parsed !== undefined) delete this.typed[name];
    else this.typed[name] = value;
    const read = parsed ?? '';
    if (name === 'until') {
      draft.recurrence.end = { type: 'until', until: read };
      return;
    }
    if (name === 'startTime' && parsed !== undefined && parsed !== draft.startTime) {
      const time = /^\d{2}:\d{2}$/;
      if (time.test(draft.startTime) && time.test(draft.endTime) && draft.endTime >= draft.startTime) {
        const duration = minutesOfDay(draft.endTime) - minutesOfDay(draft.startTime);
        draft.endTime = timeOfMinutes(minutesOfDay(parsed) + duration);
        delete this.typed.endTime;
      }
    }
    draft[name] = read;
  }

  /** The draft's errors, with fields whose typed text does not read as a date or time. */
  private validate(): DraftErrors {
    const errors = validateDraft(this.draft);
    for (const name of ['date', 'startTime', 'endTime', 'until'] as const) {
      if (errors[name] === 'required' && this.typed[name]?.trim()) errors[name] = 'invalid';
    }
    return errors;
  }

  /** Replaces a rule the plain-words editor could not show by its closest editable choice. */
  replaceCustomRule(): void {
    delete this.draft.customRule;
    this.host.requestUpdate();
  }

  /** Adds the reminder being typed (once). */
  addReminder(): void {
    const minutes = this.reminderValue * UNIT_MINUTES[this.reminderUnit];
    if (!this.draft.reminders.includes(minutes)) {
      this.draft.reminders = [...this.draft.reminders, minutes].sort((a, b) => b - a);
    }
    this.host.requestUpdate();
  }

  /** Removes one reminder. */
  removeReminder(minutesBefore: number): void {
    this.draft.reminders = this.draft.reminders.filter((minutes) => minutes !== minutesBefore);
    this.host.requestUpdate();
  }

  /**
   * Saves the form: asks which occurrences first for a recurring event opened
   * from one of its occurrences. Returns false when the form has errors.
   */
  async submit(): Promise<boolean> {
    this.errors = this.validate();
    this.host.requestUpdate();
    if (Object.keys(this.errors).length > 0) return false;
    if (this.base?.rrule && this.anchor) {
      this.scopeRequest = { action: 'save', recurring: true };
      return true;
    }
    await this.perform('save', 'all');
    return true;
  }

  /** Asks to confirm deleting `event` (and which occurrences, when it recurs). */
  requestDelete(event: AgendaEvent, occurrence?: Occurrence): void {
    if (this.mode === 'closed') {
      this.reset();
      this.base = event;
      if (occurrence) this.anchor = { originalStart: occurrence.originalStart, shownStart: occurrence.localStart };
    }
    this.scopeRequest = { action: 'delete', recurring: Boolean(event.rrule && this.anchor) };
    this.host.requestUpdate();
  }

  /**
   * The patient answered the question (or confirmed a delete). Deleting more
   * than one occurrence of a series asks once more before anything is removed.
   */
  chooseScope(scope: AgendaChangeScope): Promise<void> {
    const request = this.scopeRequest;
    const action = request?.action ?? 'save';
    if (request && action === 'delete' && request.recurring && scope !== 'this' && !request.confirm) {
      this.scopeRequest = { ...request, confirm: scope };
      this.host.requestUpdate();
      return Promise.resolve();
    }
    this.scopeRequest = undefined;
    return this.perform(action, request?.confirm ?? scope);
  }

  /** Puts back what the last delete removed (a new event when it was removed). */
  async undoDelete(): Promise<void> {
    const undo = this.undo;
    const source = this.options.source();
    if (!undo || !source) return;
    this.undoFailed = false;
    try {
      let change: CarnetEventChangeDetail;
      if (undo.removed) {
        const { id: _id, version: _version, ...fields } = undo.before;
        const created = await source.agenda.create(fields);
        change = { action: 'create', eventId: created.id };
      } else {
        const latest = await source.agenda.get(undo.before.id);
        const updated = await source.agenda.update({ ...undo.before, version: latest.version });
        change = { action: 'update', eventId: updated.id };
      }
      this.undo = undefined;
      this.host.requestUpdate();
      this.options.saved([change], 'undo');
    } catch {
      this.undoFailed = true;
      this.host.requestUpdate();
      this.options.stale();
    }
  }

  /** The patient dismissed the offer to undo. */
  dismissUndo(): void {
    this.undo = undefined;
    this.undoFailed = false;
    this.host.requestUpdate();
  }

  /** The patient closed the question without answering. */
  cancelScope(): void {
    this.scopeRequest = undefined;
    if (this.mode === 'closed') this.reset();
    this.host.requestUpdate();
  }

  private plan(action: 'save' | 'delete', scope: AgendaChangeScope): SeriesEdit {
    if (action === 'delete') return this.base ? planDelete(this.base, scope, this.anchor?.originalStart) : {};
    if (!this.base) return { create: newEvent(this.draft) };
    return planEdit(this.base, this.draft, scope, this.anchor);
  }

  private async perform(action: 'save' | 'delete', scope: AgendaChangeScope): Promise<void> {
    const source = this.options.source();
    if (!source) return;
    this.saving = true;
    this.problem = undefined;
    this.host.requestUpdate();
    const edit = this.plan(action, scope);
    const recurring = Boolean(this.base?.rrule);
    const before = this.base;
    const changes: CarnetEventChangeDetail[] = [];
    try {
      if (edit.remove) {
        await source.agenda.delete(edit.remove.id, edit.remove.version);
        changes.push({ action: 'delete', eventId: edit.remove.id, ...(recurring ? { scope } : {}) });
      }
      if (edit.update) {
        const updated = await source.agenda.update(edit.update);
        changes.push({ action: 'update', eventId: updated.id, ...(recurring ? { scope } : {}) });
      }
      if (edit.create) {
        const created = await source.agenda.create(edit.create);
        const split = changes[0];
        if (split && this.base) split.newEventId = created.id;
        else changes.push({ action: 'create', eventId: created.id });
      }
    } catch (error) {
      await this.recover(error, source);
      return;
    }
    const wasOpen = this.mode !== 'closed';
    this.undo =
      action === 'delete' && before ? { title: before.title, before, removed: Boolean(edit.remove) } : undefined;
    this.undoFailed = false;
    this.reset();
    this.mode = 'closed';
    this.host.requestUpdate();
    if (wasOpen || changes.length > 0) this.options.saved(changes, action);
  }

  /** Keeps the form and what was typed; rebases it on the latest version on a conflict. */
  private async recover(error: unknown, source: DataSource): Promise<void> {
    this.saving = false;
    this.problem = error instanceof ConflictError ? 'conflict' : isNotFound(error) ? 'not-found' : 'failed';
    if (this.problem === 'conflict' && this.base) {
      try {
        this.base = await source.agenda.get(this.base.id);
      } catch {
        this.problem = 'not-found';
      }
    }
    if (this.problem === 'not-found' && this.mode === 'edit') {
      // The event is gone: saving creates it again from what the patient typed.
      this.base = undefined;
      this.anchor = undefined;
      this.mode = 'create';
    }
    this.host.requestUpdate();
    this.options.stale();
  }
}

function isNotFound(error: unknown): boolean {
  return error instanceof NotFoundError;
}

/** The event a new draft creates. */
function newEvent(draft: EventDraft): NewAgendaEvent {
  const fields = draftFields(draft);
  const event: NewAgendaEvent = { ...fields, exdates: [], overrides: [] };
  const rrule = draftRule(draft, fields.start);
  if (rrule) event.rrule = rrule;
  return event;
}
