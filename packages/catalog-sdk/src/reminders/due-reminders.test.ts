import { expect } from '@open-wc/testing';
import type { AgendaEvent } from '../model/agenda.js';
import { plan, taken } from '../medication/test-helpers/plans.js';
import { dueReminders, nextReminderAt } from './due-reminders.js';

const appointment = (fields: Partial<AgendaEvent> = {}): AgendaEvent => ({
  id: 'rdv-1',
  title: 'Consultation néphrologie',
  kind: 'appointment',
  start: '2026-03-12T14:30:00',
  end: '2026-03-12T15:00:00',
  timeZone: 'Europe/Paris',
  exdates: [],
  overrides: [],
  reminders: [{ minutesBefore: 60 }],
  version: '1',
  ...fields,
});

describe('dueReminders / nextReminderAt', () => {
  const levodopa = plan({ slots: [{ time: '08:00' }, { time: '13:00' }] });

  it('rings a dose from its time until something records it', () => {
    const now = new Date('2026-03-12T07:05:00Z'); // 08:05 in Paris
    const due = dueReminders({ plans: [levodopa], intakes: [], events: [] }, { now });
    expect(due.map((r) => r.kind)).to.deep.equal(['dose']);
    const [dose] = due;
    if (dose?.kind !== 'dose') throw new Error('no dose');
    expect(dose.dose.localTime).to.equal('2026-03-12T08:00:00');
    expect(dose.dose.medication).to.contain('Lévodopa');
    const recorded = dueReminders(
      { plans: [levodopa], intakes: [taken('plan-1', '2026-03-12T07:00:00Z')], events: [] },
      { now },
    );
    expect(recorded).to.deep.equal([]);
  });

  it('stops ringing a dose after the window, and not before its time', () => {
    const late = new Date('2026-03-12T10:01:00Z'); // 3 h 1 min after 08:00 Paris
    expect(dueReminders({ plans: [levodopa], intakes: [], events: [] }, { now: late })).to.deep.equal([]);
    const early = new Date('2026-03-12T06:59:00Z');
    expect(dueReminders({ plans: [levodopa], intakes: [], events: [] }, { now: early })).to.deep.equal([]);
  });

  it('rings an event reminder from its lead time until the event begins', () => {
    const events = [appointment()];
    const before = new Date('2026-03-12T12:29:00Z'); // 13:29 Paris: 61 min before
    expect(dueReminders({ plans: [], intakes: [], events }, { now: before })).to.deep.equal([]);
    const at = new Date('2026-03-12T12:31:00Z');
    const [reminder] = dueReminders({ plans: [], intakes: [], events }, { now: at });
    expect(reminder?.kind).to.equal('event');
    if (reminder?.kind !== 'event') return;
    expect(reminder.title).to.equal('Consultation néphrologie');
    expect(reminder.occurrenceStart).to.equal('2026-03-12T13:30:00.000Z');
    const after = new Date('2026-03-12T14:01:00Z'); // the event began 31 min ago
    expect(dueReminders({ plans: [], intakes: [], events }, { now: after })).to.deep.equal([]);
  });

  it('rings a renewal once a day while it is due', () => {
    const renewing = plan({ renewalDate: '2026-03-15' });
    const now = new Date('2026-03-12T06:00:00Z');
    const due = dueReminders({ plans: [renewing], intakes: [], events: [] }, { now });
    const treatment = due.find((r) => r.kind === 'treatment');
    expect(treatment?.key).to.equal('plan-1:renewal:2026-03-12');
  });

  it('names the next instant a dose or an event reminder rings', () => {
    const now = new Date('2026-03-12T07:30:00Z'); // 08:30 Paris
    const next = nextReminderAt({ plans: [levodopa], intakes: [], events: [appointment()] }, { now });
    expect(next?.toISOString()).to.equal('2026-03-12T12:00:00.000Z'); // 13:00 Paris dose
    const onlyEvent = nextReminderAt({ plans: [], intakes: [], events: [appointment()] }, { now });
    expect(onlyEvent?.toISOString()).to.equal('2026-03-12T12:30:00.000Z');
  });
});
