/** Agenda events exercising every iCalendar feature, shared by the export and import tests. */
import type { AgendaEvent } from '../../model/agenda.js';
import { agendaEvent } from './events.js';

/** A weekly physiotherapy series with exceptions, moves, notes and reminders. */
export const kine: AgendaEvent = agendaEvent({
  id: 'kine-1',
  title: 'Kinésithérapie',
  kind: 'appointment',
  start: '2026-03-02T09:00:00',
  end: '2026-03-02T09:45:00',
  rrule: 'FREQ=WEEKLY;UNTIL=20260630T235959;BYDAY=MO,WE,FR',
  exdates: ['2026-03-04T09:00:00'],
  overrides: [
    {
      originalStart: '2026-03-09T09:00:00',
      start: '2026-03-10T17:30:00',
      end: '2026-03-10T18:15:00',
      note: 'Déplacée au mardi soir',
    },
    { originalStart: '2026-03-11T09:00:00', note: 'Douleur au genou, exercices allégés' },
    { originalStart: '2026-03-13T09:00:00', cancelled: true },
  ],
  reminders: [{ minutesBefore: 15 }, { minutesBefore: 1440 }, { minutesBefore: 90 }],
  location: 'Cabinet Dupont, 3 place Royale; Nantes',
  notes:
    'Apporter la carte Vitale, l’ordonnance du Dr Martin (rééducation du genou gauche) et une serviette. Séances de 45 minutes, exercices à refaire chez soi.',
});

/** A yearly all-day check-up. */
export const dialysisDay: AgendaEvent = agendaEvent({
  id: 'bilan-annuel',
  title: 'Bilan annuel néphrologie',
  kind: 'exam',
  start: '2026-03-29T00:00:00',
  end: '2026-03-30T00:00:00',
  allDay: true,
  rrule: 'FREQ=YEARLY',
  reminders: [{ minutesBefore: 1440 }],
});
