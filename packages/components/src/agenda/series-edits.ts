/**
 * What saving or deleting does to a recurring series, by scope: « cette
 * occurrence » (an override, or a detached event when more than the time
 * changed), « cette occurrence et les suivantes » (the series is split: the old
 * rule ends just before, a new series starts there), « toutes » (the master).
 * Pure: the editor controller writes the result.
 */
import type { AgendaEvent, LocalDateTime, NewAgendaEvent, OccurrenceOverride } from '@carnet/catalog-sdk';
import type { AgendaChangeScope } from '../events/carnet-event-change.js';
import { addDays, dayOfWall, wallMs, wallText } from './agenda-dates.js';
import { expandOccurrences, recurrenceToRRule, zonedToInstant } from '@carnet/catalog-sdk';
import { draftFields } from './event-draft.js';
import type { DraftFields, EventDraft } from './event-draft.js';

/** The writes one save or delete needs. */
export interface SeriesEdit {
  /** The event to update (with its stored version). */
  update?: AgendaEvent;
  /** A new event to create (a detached occurrence or the new half of a split series). */
  create?: NewAgendaEvent;
  /** The event to delete. */
  remove?: AgendaEvent;
}

/** Which occurrence an edit starts from: as the rule placed it, and as the form first showed it. */
export interface OccurrenceAnchor {
  originalStart: LocalDateTime;
  shownStart: LocalDateTime;
}

/** The rule a draft asks for, anchored on `start`; undefined for « ne se répète pas ». */
export function draftRule(draft: EventDraft, start: LocalDateTime): string | undefined {
  if (draft.customRule) return draft.customRule;
  return recurrenceToRRule(draft.recurrence, start);
}

function same(a: LocalDateTime, b: LocalDateTime): boolean {
  return wallMs(a) === wallMs(b);
}

function shift(local: LocalDateTime, deltaMs: number): LocalDateTime {
  return deltaMs === 0 ? local : wallText(wallMs(local) + deltaMs);
}

function shiftOverride(override: OccurrenceOverride, deltaMs: number): OccurrenceOverride {
  const moved: OccurrenceOverride = { ...override, originalStart: shift(override.originalStart, deltaMs) };
  if (override.start !== undefined) moved.start = shift(override.start, deltaMs);
  if (override.end !== undefined) moved.end = shift(override.end, deltaMs);
  return moved;
}

/** The master with the draft's fields (optional fields the patient emptied are removed). */
function withFields(master: AgendaEvent, fields: DraftFields): AgendaEvent {
  const { location: _location, practitioner: _practitioner, notes: _notes, ...kept } = master;
  return { ...kept, ...fields };
}

function ruleValue(rule: string | undefined, name: string): string | undefined {
  return rule
    ?.split(';')
    .find((part) => part.toUpperCase().startsWith(`${name}=`))
    ?.slice(name.length + 1);
}

/**
 * The rule ended just before `originalStart` (COUNT replaced by UNTIL): a
 * wall-clock UNTIL one second earlier, or the day before for all-day events.
 */
export function ruleEndingBefore(rule: string, originalStart: LocalDateTime, allDay: boolean): string {
  const kept = rule.split(';').filter((part) => !/^(COUNT|UNTIL)=/i.test(part));
  const last = allDay ? `${addDays(dayOfWall(originalStart), -1)}T00:00:00` : wallText(wallMs(originalStart) - 1000);
  const compact = last.replace(/[-:]/g, '');
  kept.push(`UNTIL=${allDay ? compact.slice(0, 8) : compact}`);
  return kept.join(';');
}

/** Occurrences the rule itself produced before `originalStart` (exceptions included, as COUNT counts them). */
function occurrencesBefore(master: AgendaEvent, originalStart: LocalDateTime): number {
  const start = zonedToInstant(master.start, master.timeZone);
  const end = zonedToInstant(originalStart, master.timeZone);
  return expandOccurrences({ ...master, exdates: [], overrides: [] }, { start, end }).length;
}

function isFirst(master: AgendaEvent, originalStart: LocalDateTime): boolean {
  return wallMs(originalStart) <= wallMs(master.start);
}

/** « Toutes » (or a single event): the master moves by as much as the shown occurrence did. */
function editAll(master: AgendaEvent, draft: EventDraft, anchor?: OccurrenceAnchor): SeriesEdit {
  const fields = draftFields(draft);
  const duration = wallMs(fields.end) - wallMs(fields.start);
  const delta = anchor ? wallMs(fields.start) - wallMs(anchor.shownStart) : wallMs(fields.start) - wallMs(master.start);
  const start = master.rrule ? shift(master.start, delta) : fields.start;
  const rrule = draftRule(draft, start);
  const update: AgendaEvent = { ...withFields(master, fields), start, end: wallText(wallMs(start) + duration) };
  if (rrule) {
    update.rrule = rrule;
    update.exdates = master.exdates.map((exdate) => shift(exdate, delta));
    update.overrides = master.overrides.map((override) => shiftOverride(override, delta));
  } else {
    delete update.rrule;
    update.exdates = [];
    // A single event keeps the note on its one occurrence.
    update.overrides = master.rrule ? [] : master.overrides.map((override) => shiftOverride(override, delta));
  }
  return { update };
}

function detailsUnchanged(master: AgendaEvent, fields: DraftFields): boolean {
  const reminders = (event: Pick<AgendaEvent, 'reminders'>): string =>
    event.reminders
      .map((reminder) => reminder.minutesBefore)
      .sort((a, b) => a - b)
      .join(',');
  return (
    master.title === fields.title &&
    master.kind === fields.kind &&
    (master.location ?? '') === (fields.location ?? '') &&
    (master.practitioner ?? '') === (fields.practitioner ?? '') &&
    (master.notes ?? '') === (fields.notes ?? '') &&
    (master.allDay === true) === (fields.allDay === true) &&
    reminders(master) === reminders(fields)
  );
}

/** « Cette occurrence »: an override when only date and times changed, else a detached event. */
function editThis(master: AgendaEvent, draft: EventDraft, anchor: OccurrenceAnchor): SeriesEdit {
  const fields = draftFields(draft);
  const { originalStart } = anchor;
  const existing = master.overrides.find((override) => same(override.originalStart, originalStart));
  const others = master.overrides.filter((override) => override !== existing);
  if (detailsUnchanged(master, fields)) {
    const duration = wallMs(master.end) - wallMs(master.start);
    const override: OccurrenceOverride = { ...existing, originalStart };
    delete override.start;
    delete override.end;
    if (!same(fields.start, originalStart) || wallMs(fields.end) - wallMs(fields.start) !== duration) {
      override.start = fields.start;
      override.end = fields.end;
    }
    const keep = override.start !== undefined || override.cancelled === true || override.note !== undefined;
    return { update: { ...master, overrides: keep ? [...others, override] : others } };
  }
  const create: NewAgendaEvent = { ...fields, exdates: [], overrides: [] };
  if (existing?.note !== undefined) create.overrides = [{ originalStart: fields.start, note: existing.note }];
  if (master.medicationPlanId !== undefined) create.medicationPlanId = master.medicationPlanId;
  const exdates = master.exdates.some((exdate) => same(exdate, originalStart))
    ? master.exdates
    : [...master.exdates, originalStart];
  return { update: { ...master, exdates, overrides: others }, create };
}

/** « Cette occurrence et les suivantes »: the old rule ends before, a new series starts there. */
function editFollowing(master: AgendaEvent, draft: EventDraft, anchor: OccurrenceAnchor): SeriesEdit {
  const { originalStart } = anchor;
  if (!master.rrule || isFirst(master, originalStart)) return editAll(master, draft, anchor);
  const fields = draftFields(draft);
  const delta = wallMs(fields.start) - wallMs(anchor.shownStart);
  const splitMs = wallMs(originalStart);
  const update: AgendaEvent = {
    ...master,
    rrule: ruleEndingBefore(master.rrule, originalStart, master.allDay === true),
    exdates: master.exdates.filter((exdate) => wallMs(exdate) < splitMs),
    overrides: master.overrides.filter((override) => wallMs(override.originalStart) < splitMs),
  };
  const start = shift(originalStart, delta);
  const end = wallText(wallMs(start) + wallMs(fields.end) - wallMs(fields.start));
  const create: NewAgendaEvent = {
    ...fields,
    start,
    end,
    exdates: master.exdates.filter((exdate) => wallMs(exdate) >= splitMs).map((exdate) => shift(exdate, delta)),
    overrides: master.overrides
      .filter((override) => wallMs(override.originalStart) >= splitMs)
      .map((override) => shiftOverride(override, delta)),
  };
  let rule = draftRule(draft, start);
  const count = ruleValue(rule, 'COUNT');
  // The same COUNT as before means « as many as were left », not that many again.
  if (rule && count !== undefined && count === ruleValue(master.rrule, 'COUNT')) {
    const left = Math.max(1, Number(count) - occurrencesBefore(master, originalStart));
    rule = rule.replace(/COUNT=\d+/i, `COUNT=${left}`);
  }
  if (rule) create.rrule = rule;
  else {
    create.exdates = [];
    create.overrides = [];
  }
  if (master.medicationPlanId !== undefined) create.medicationPlanId = master.medicationPlanId;
  return { update, create };
}

/**
 * The writes that save `draft` over `master`, for the occurrences `scope`
 * names. Without `anchor` (event opened outside the calendar) the whole event changes.
 */
export function planEdit(
  master: AgendaEvent,
  draft: EventDraft,
  scope: AgendaChangeScope,
  anchor?: OccurrenceAnchor,
): SeriesEdit {
  if (!master.rrule || !anchor || scope === 'all') return editAll(master, draft, anchor);
  return scope === 'this' ? editThis(master, draft, anchor) : editFollowing(master, draft, anchor);
}

/** The writes that delete the occurrences `scope` names. */
export function planDelete(master: AgendaEvent, scope: AgendaChangeScope, originalStart?: LocalDateTime): SeriesEdit {
  if (!master.rrule || originalStart === undefined || scope === 'all') return { remove: master };
  if (scope === 'following') {
    if (isFirst(master, originalStart)) return { remove: master };
    return { update: { ...master, rrule: ruleEndingBefore(master.rrule, originalStart, master.allDay === true) } };
  }
  const exdates = master.exdates.some((exdate) => same(exdate, originalStart))
    ? master.exdates
    : [...master.exdates, originalStart];
  return {
    update: {
      ...master,
      exdates,
      overrides: master.overrides.filter((override) => !same(override.originalStart, originalStart)),
    },
  };
}

/** The event with `note` on one occurrence (an empty note removes it). */
export function withOccurrenceNote(master: AgendaEvent, originalStart: LocalDateTime, note: string): AgendaEvent {
  const text = note.trim();
  const existing = master.overrides.find((override) => same(override.originalStart, originalStart));
  const others = master.overrides.filter((override) => override !== existing);
  const override: OccurrenceOverride = { ...existing, originalStart: existing?.originalStart ?? originalStart };
  if (text) override.note = text;
  else delete override.note;
  const keep =
    override.start !== undefined ||
    override.end !== undefined ||
    override.cancelled === true ||
    override.note !== undefined;
  return { ...master, overrides: keep ? [...others, override] : others };
}
