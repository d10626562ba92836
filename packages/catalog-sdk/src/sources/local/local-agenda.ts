import { NotFoundError, ValidationError } from '../../errors/errors.js';
import {
  AGENDA_EVENT_KINDS,
  type AgendaEvent,
  type NewAgendaEvent,
  type OccurrenceOverride,
  type Reminder,
} from '../../model/agenda.js';
import { DEFAULT_TIME_ZONE } from '../../model/common.js';
import type { AgendaRepository } from '../data-source.js';
import type { LocalContext } from './database.js';
import {
  checkBaseVersion,
  compact,
  newId,
  nextVersion,
  optionalText,
  requireBoolean,
  requireLocalDateTime,
  requireOneOf,
  requireText,
  requireTimeZone,
  throwIfAborted,
} from '../rules/validation.js';

const ENTITY = 'AgendaEvent';

/** Longest reminder lead time: four weeks. */
const MAX_REMINDER_MINUTES = 4 * 7 * 24 * 60;

function wallClockTime(value: string): number {
  return Date.parse(`${value}Z`);
}

function checkOverride(override: OccurrenceOverride, index: number): OccurrenceOverride {
  const field = `overrides[${index}]`;
  return compact({
    originalStart: requireLocalDateTime(`${field}.originalStart`, override.originalStart),
    start: override.start === undefined ? undefined : requireLocalDateTime(`${field}.start`, override.start),
    end: override.end === undefined ? undefined : requireLocalDateTime(`${field}.end`, override.end),
    cancelled: override.cancelled === undefined ? undefined : requireBoolean(`${field}.cancelled`, override.cancelled),
    note: optionalText(`${field}.note`, override.note, 2000),
  });
}

function checkReminder(reminder: Reminder, index: number): Reminder {
  const minutes = reminder.minutesBefore;
  if (!Number.isInteger(minutes) || minutes < 0 || minutes > MAX_REMINDER_MINUTES) {
    throw new ValidationError(
      `reminders[${index}].minutesBefore`,
      'must be a whole number of minutes up to four weeks',
    );
  }
  return { minutesBefore: minutes };
}

function checkRRule(rrule: unknown): string | undefined {
  if (rrule === undefined || rrule === null || rrule === '') return undefined;
  if (typeof rrule !== 'string' || !/^FREQ=[A-Z]+(;[A-Z]+=[^;\s]+)*$/.test(rrule.trim())) {
    throw new ValidationError('rrule', 'must be an RRULE value such as FREQ=WEEKLY;BYDAY=MO');
  }
  return rrule.trim();
}

/** An agenda event as given by a caller or an import, checked. */
export function checkAgendaEvent<T extends NewAgendaEvent>(
  input: T,
): T & Pick<AgendaEvent, 'exdates' | 'overrides' | 'reminders' | 'timeZone'> {
  const start = requireLocalDateTime('start', input.start);
  const end = requireLocalDateTime('end', input.end);
  if (wallClockTime(end) < wallClockTime(start)) throw new ValidationError('end', 'must not be before start');
  return compact({
    ...input,
    title: requireText('title', input.title, 300),
    kind: requireOneOf('kind', input.kind, AGENDA_EVENT_KINDS),
    start,
    end,
    timeZone: requireTimeZone('timeZone', input.timeZone ?? DEFAULT_TIME_ZONE),
    allDay: input.allDay === undefined ? undefined : requireBoolean('allDay', input.allDay),
    location: optionalText('location', input.location, 300),
    practitioner: optionalText('practitioner', input.practitioner, 200),
    rrule: checkRRule(input.rrule),
    exdates: (input.exdates ?? []).map((date, index) => requireLocalDateTime(`exdates[${index}]`, date)),
    overrides: (input.overrides ?? []).map(checkOverride),
    reminders: (input.reminders ?? []).map(checkReminder),
    notes: optionalText('notes', input.notes, 5000),
    medicationPlanId: optionalText('medicationPlanId', input.medicationPlanId, 200),
  });
}

/** The patient's agenda in IndexedDB. */
export class LocalAgendaRepository implements AgendaRepository {
  readonly #context: LocalContext;

  constructor(context: LocalContext) {
    this.#context = context;
  }

  async list(options: { signal?: AbortSignal } = {}): Promise<AgendaEvent[]> {
    throwIfAborted(options.signal);
    const events = await this.#context.database.transaction(['events'], 'readonly', (tx) =>
      tx.objectStore('events').getAll(),
    );
    throwIfAborted(options.signal);
    return events.sort((a, b) => wallClockTime(a.start) - wallClockTime(b.start) || a.id.localeCompare(b.id));
  }

  async get(id: string): Promise<AgendaEvent> {
    const event = await this.#context.database.transaction(['events'], 'readonly', (tx) =>
      tx.objectStore('events').get(id),
    );
    if (!event) throw new NotFoundError(ENTITY, id);
    return event;
  }

  async create(input: NewAgendaEvent): Promise<AgendaEvent> {
    const event: AgendaEvent = { ...checkAgendaEvent(input), id: newId(), version: '1' };
    await this.#context.database.transaction(['events'], 'readwrite', (tx) => tx.objectStore('events').add(event));
    return event;
  }

  async update(input: AgendaEvent): Promise<AgendaEvent> {
    const id = requireText('id', input.id, 200);
    const baseVersion = requireText('version', input.version, 50);
    const checked = checkAgendaEvent(input);
    return this.#context.database.transaction(['events'], 'readwrite', async (tx) => {
      const store = tx.objectStore('events');
      const stored = checkBaseVersion(ENTITY, id, await store.get(id), baseVersion);
      const updated: AgendaEvent = { ...checked, id, version: nextVersion(stored.version) };
      await store.put(updated);
      return updated;
    });
  }

  async delete(id: string, baseVersion: string): Promise<void> {
    await this.#context.database.transaction(['events'], 'readwrite', async (tx) => {
      const store = tx.objectStore('events');
      checkBaseVersion(ENTITY, id, await store.get(id), baseVersion);
      await store.delete(id);
    });
  }
}
