/** Builders shared by the recurrence tests. */
import type { AgendaEvent } from '../../model/agenda.js';

/** An agenda event with sensible defaults, one hour long unless `end` is given. */
export function agendaEvent(fields: Partial<AgendaEvent> & { start: string }): AgendaEvent {
  const start = fields.start.length === 16 ? `${fields.start}:00` : fields.start;
  const end = fields.end ?? new Date(Date.parse(`${start}Z`) + 3_600_000).toISOString().slice(0, 19);
  return {
    id: 'evt-1',
    title: 'Consultation',
    kind: 'appointment',
    timeZone: 'Europe/Paris',
    exdates: [],
    overrides: [],
    reminders: [],
    version: '1',
    ...fields,
    start,
    end,
  };
}

/** Wall-clock times `YYYY-MM-DDT<time>` for days of one month. */
export function days(yearMonth: string, dayNumbers: number[], time = '09:00:00'): string[] {
  return dayNumbers.map((day) => `${yearMonth}-${String(day).padStart(2, '0')}T${time}`);
}

/** A range of instants from ISO strings. */
export function range(start: string, end: string): { start: Date; end: Date } {
  return { start: new Date(start), end: new Date(end) };
}
