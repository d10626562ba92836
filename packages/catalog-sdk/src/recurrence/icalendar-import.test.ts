import { expect } from '@open-wc/testing';
import { ValidationError } from '../errors/errors.js';
import type { AgendaEvent } from '../model/agenda.js';
import { fromICalendar } from './icalendar-import.js';
import { toICalendar } from './icalendar-export.js';
import { fromICalendar as fromICalendarLazily } from './index.js';
import { expandOccurrences } from './expand.js';
import type { ImportedAgendaEvent } from './icalendar.js';
import { agendaEvent, range } from './test-helpers/events.js';
import { APPLE_CALENDAR, GOOGLE_CALENDAR, OUTLOOK_CALENDAR } from './test-helpers/ics-fixtures.js';
import { dialysisDay, kine } from './test-helpers/sample-events.js';

const YEAR_2026 = range('2026-01-01T00:00:00Z', '2027-01-01T00:00:00Z');

function asEvent(imported: ImportedAgendaEvent, id = imported.uid): AgendaEvent {
  const { uid: _uid, title = 'untitled', ...fields } = imported;
  return { ...fields, title, id, version: '1' };
}

function byUid(events: ImportedAgendaEvent[], uid: string): ImportedAgendaEvent {
  const found = events.find((event) => event.uid === uid);
  if (!found) throw new Error(`no event ${uid}`);
  return found;
}

describe('fromICalendar (import)', () => {
  describe('round trip of our own export', () => {
    const neurologue = agendaEvent({
      id: 'ny',
      title: 'Second opinion',
      start: '2026-05-12T15:00',
      timeZone: 'America/New_York',
      reminders: [{ minutesBefore: 60 }],
    });
    const tokyo = agendaEvent({
      id: 'tokyo',
      title: 'Prise de tension',
      kind: 'reminder',
      start: '2026-08-01T07:00',
      end: '2026-08-01T07:10',
      timeZone: 'Asia/Tokyo',
      rrule: 'FREQ=DAILY;COUNT=5',
    });
    const original = [kine, dialysisDay, neurologue, tokyo];
    const { events, warnings } = fromICalendar(toICalendar(original));

    it('gives back every field, with cancelled occurrences as EXDATEs', () => {
      expect(warnings).to.deep.equal([]);
      expect(events.map((e) => e.uid)).to.deep.equal([
        'kine-1@carnet',
        'bilan-annuel@carnet',
        'ny@carnet',
        'tokyo@carnet',
      ]);
      const back = byUid(events, 'kine-1@carnet');
      expect(back).to.deep.include({
        title: kine.title,
        kind: kine.kind,
        start: kine.start,
        end: kine.end,
        timeZone: 'Europe/Paris',
        location: kine.location,
        notes: kine.notes,
        rrule: kine.rrule,
        exdates: ['2026-03-04T09:00:00', '2026-03-13T09:00:00'],
        overrides: kine.overrides.filter((o) => !o.cancelled),
        reminders: [{ minutesBefore: 1440 }, { minutesBefore: 90 }, { minutesBefore: 15 }],
      });
      expect(byUid(events, 'bilan-annuel@carnet')).to.deep.include({
        allDay: true,
        start: '2026-03-29T00:00:00',
        end: '2026-03-30T00:00:00',
        rrule: 'FREQ=YEARLY',
        kind: 'exam',
        reminders: [{ minutesBefore: 1440 }],
      });
      expect(byUid(events, 'ny@carnet')).to.deep.include({
        timeZone: 'America/New_York',
        start: '2026-05-12T15:00:00',
        reminders: [{ minutesBefore: 60 }],
      });
      expect(byUid(events, 'tokyo@carnet')).to.deep.include({
        timeZone: 'Asia/Tokyo',
        rrule: 'FREQ=DAILY;COUNT=5',
        kind: 'reminder',
      });
    });

    it('expands to exactly the same occurrences as the originals', () => {
      original.forEach((event, index) => {
        const imported = events[index];
        if (!imported) throw new Error('missing event');
        const strip = (o: ReturnType<typeof expandOccurrences>[number]): unknown => ({ ...o, eventId: undefined });
        expect(expandOccurrences(asEvent(imported, event.id), YEAR_2026).map(strip), event.id).to.deep.equal(
          expandOccurrences(event, YEAR_2026).map(strip),
        );
      });
    });
  });

  describe('Google Calendar export', () => {
    const { events, warnings } = fromICalendar(GOOGLE_CALENDAR);
    const kineSeries = byUid(events, '7kukuqrfedlm2f9t0vr6hfr4tv@google.com');

    it('reads the series: folded and escaped text, separate EXDATE lines, UNTIL in UTC made wall-clock', () => {
      expect(kineSeries).to.deep.include({
        title: 'Kiné',
        kind: 'appointment',
        start: '2026-03-02T09:30:00',
        end: '2026-03-02T10:30:00',
        timeZone: 'Europe/Paris',
        location: 'Cabinet de kinésithérapie, 12 rue de la Paix, 44000 Nantes',
        notes: "Séance de rééducation. Apporter l'ordonnance et la carte Vitale, penser à la serviette.",
        rrule: 'FREQ=WEEKLY;UNTIL=20260629T093000;BYDAY=MO', // ical.js drops the default WKST=MO
        exdates: ['2026-04-06T09:30:00', '2026-04-13T09:30:00'],
        reminders: [{ minutesBefore: 1440 }, { minutesBefore: 30 }],
      });
      const last = expandOccurrences(asEvent(kineSeries), YEAR_2026).at(-1);
      expect(last?.originalStart).to.equal('2026-06-29T09:30:00');
    });

    it('merges the RECURRENCE-ID instance into the series as a moved occurrence', () => {
      expect(kineSeries.overrides).to.deep.equal([
        { originalStart: '2026-03-16T09:30:00', start: '2026-03-17T18:00:00', end: '2026-03-17T19:00:00' },
      ]);
      const moved = expandOccurrences(asEvent(kineSeries), range('2026-03-16T00:00:00Z', '2026-03-18T00:00:00Z'));
      expect(moved.map((o) => [o.start, o.moved])).to.deep.equal([['2026-03-17T17:00:00.000Z', true]]);
    });

    it('places a single UTC event in Paris time and keeps a UTC series in UTC', () => {
      expect(byUid(events, '0a1b2c3d4e5f@google.com')).to.deep.include({
        start: '2026-03-10T09:00:00',
        end: '2026-03-10T10:00:00',
        timeZone: 'Europe/Paris',
      });
      expect(byUid(events, 'utc-series@google.com')).to.deep.include({
        start: '2026-03-05T07:00:00',
        timeZone: 'UTC',
        rrule: 'FREQ=DAILY;COUNT=3',
      });
    });

    it('reads all-day DATE events and ignores X- properties without a warning', () => {
      expect(byUid(events, 'allday@google.com')).to.deep.include({
        allDay: true,
        start: '2026-03-20T00:00:00',
        end: '2026-03-21T00:00:00',
      });
      expect(events).to.have.length(4);
      expect(warnings).to.deep.equal([]);
    });
  });

  describe('Apple Calendar export', () => {
    const { events, warnings } = fromICalendar(APPLE_CALENDAR);
    const [bloodTest] = events;

    it('reads LF line ends, CATEGORIES, an EXDATE comma list and a relative AUDIO alarm', () => {
      expect(events).to.have.length(1);
      expect(bloodTest).to.deep.include({
        uid: '5F1D3C2A-8B7E-4E0F-9A6B-1C2D3E4F5A6B',
        title: 'Prise de sang (HbA1c)',
        kind: 'exam',
        start: '2026-01-05T08:00:00',
        end: '2026-01-05T08:30:00',
        rrule: 'FREQ=MONTHLY;INTERVAL=3;COUNT=4;BYDAY=1MO',
        exdates: ['2026-04-06T08:00:00', '2026-07-06T08:00:00'],
        reminders: [{ minutesBefore: 90 }],
      });
      expect(
        expandOccurrences(asEvent(bloodTest as ImportedAgendaEvent), YEAR_2026).map((o) => o.originalStart),
      ).to.deep.equal(['2026-01-05T08:00:00', '2026-10-05T08:00:00']);
    });

    it("ignores Apple's ACTION:NONE placeholder alarm silently", () => {
      expect(warnings).to.deep.equal([]);
    });
  });

  describe('Outlook export', () => {
    const { events, warnings } = fromICalendar(OUTLOOK_CALENDAR);
    const dialysis = byUid(events, '040000008200E00074C5B7101A82E00800000000A0C1D2E3F4A5B6C7D8E9F0A1B2C3D4E5F6A7B8C9');

    it('maps Windows zone names (quoted or not) to IANA zones', () => {
      expect(dialysis).to.deep.include({
        timeZone: 'Europe/Paris',
        start: '2026-03-04T14:30:00',
        end: '2026-03-04T15:00:00',
        title: 'Dialyse',
        location: 'Hôpital Necker',
        exdates: ['2026-03-18T14:30:00'],
      });
      expect(dialysis.notes).to.equal(undefined);
      expect(byUid(events, '040000008200E00074C5B7101A82E0080000000011111111')).to.deep.include({
        timeZone: 'Europe/Berlin',
        start: '2026-04-10T10:00:00',
      });
    });

    it('turns a cancelled RECURRENCE-ID into a cancelled occurrence', () => {
      expect(dialysis.overrides).to.deep.equal([{ originalStart: '2026-03-25T14:30:00', cancelled: true }]);
      const dates = expandOccurrences(asEvent(dialysis), YEAR_2026).map((o) => o.originalStart.slice(0, 10));
      expect(dates).to.deep.equal(['2026-03-04', '2026-03-11', '2026-04-01', '2026-04-08', '2026-04-15', '2026-04-22']);
    });

    it('ignores an absolute alarm with a warning, keeps relative ones', () => {
      expect(dialysis.reminders).to.deep.equal([{ minutesBefore: 15 }]);
      expect(byUid(events, '040000008200E00074C5B7101A82E0080000000011111111').reminders).to.deep.equal([]);
      expect(warnings).to.deep.include({
        code: 'alarm-absolute',
        uid: '040000008200E00074C5B7101A82E0080000000011111111',
      });
    });

    it('reads all-day events and our kinds from CATEGORIES', () => {
      expect(byUid(events, '040000008200E00074C5B7101A82E0080000000022222222')).to.deep.include({
        allDay: true,
        kind: 'prescription-renewal',
        start: '2026-04-15T00:00:00',
      });
    });

    it('converts a customised zone through its VTIMEZONE into Paris time, with a warning', () => {
      expect(byUid(events, '040000008200E00074C5B7101A82E0080000000033333333')).to.deep.include({
        timeZone: 'Europe/Paris',
        start: '2026-07-10T09:00:00',
        end: '2026-07-10T09:30:00',
      });
      expect(warnings.filter((w) => w.zone?.includes('Customized Time Zone'))).to.deep.equal([
        { code: 'zone-converted', zone: warnings.find((w) => w.zone)?.zone, readAs: 'Europe/Paris' },
      ]);
      // Loggable: UIDs and property names only, never a title.
      expect(JSON.stringify(warnings)).not.to.include('Orthophoniste');
    });
  });

  describe('odd and malformed input', () => {
    it('rejects what is not an iCalendar file with a ValidationError on field ics', () => {
      for (const text of [
        '',
        'garbage',
        'BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Jeanne\r\nEND:VCARD\r\n',
        'BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nEND:VCALENDAR\r\n',
        'BEGIN:VCALENDAR\r\nthis is not a line\r\nEND:VCALENDAR',
      ]) {
        let error: unknown;
        try {
          fromICalendar(text);
        } catch (caught) {
          error = caught;
        }
        expect(error, JSON.stringify(text)).to.be.instanceOf(ValidationError);
        expect((error as ValidationError).field).to.equal('ics');
      }
    });

    it('leaves an event without SUMMARY untitled: the application names it, the SDK has no words', () => {
      const text = [
        'BEGIN:VCALENDAR',
        'VERSION:2.0',
        'BEGIN:VEVENT',
        'UID:nameless',
        'DTSTART:20260310T090000',
        'END:VEVENT',
        'END:VCALENDAR',
        '',
      ].join('\r\n');
      const [event] = fromICalendar(text).events;
      expect(event?.uid).to.equal('nameless');
      expect(event).not.to.have.property('title');
    });

    it('skips an event without DTSTART and drops an unreadable RRULE, with warnings', () => {
      const text = [
        'BEGIN:VCALENDAR',
        'VERSION:2.0',
        'BEGIN:VEVENT',
        'UID:a',
        'SUMMARY:Sans date',
        'END:VEVENT',
        'BEGIN:VEVENT',
        'UID:b',
        'DTSTART:20260310T090000',
        'RRULE:FREQ=MONTHLY;BYMONTHDAY=40',
        'RDATE:20260320T090000',
        'END:VEVENT',
        'END:VCALENDAR',
        '',
      ].join('\r\n');
      const { events, warnings } = fromICalendar(text);
      expect(events.map((e) => e.uid)).to.deep.equal(['b']);
      expect(events[0]).to.deep.include({
        start: '2026-03-10T09:00:00',
        timeZone: 'Europe/Paris',
        end: '2026-03-10T09:00:00',
      });
      // ical.js rejects BYMONTHDAY=40 while parsing: the line is dropped before it is tied to its event.
      expect(warnings).to.deep.equal([
        { code: 'rule-unreadable', property: 'RRULE' },
        { code: 'start-missing', uid: 'a' },
        { code: 'property-ignored', uid: 'b', property: 'RDATE' },
      ]);
    });

    it('is reachable through the lazy public wrapper, which rejects with ValidationError', async () => {
      const calendar = await fromICalendarLazily(GOOGLE_CALENDAR);
      expect(calendar.events).to.have.length(4);
      let error: unknown;
      try {
        await fromICalendarLazily('not a calendar');
      } catch (caught) {
        error = caught;
      }
      expect(error).to.be.instanceOf(ValidationError);
    });
  });
});
