import { expect } from '@open-wc/testing';
import ICAL from 'ical.js';
import { toICalendar } from './icalendar-export.js';
import { toICalendar as toICalendarLazily } from './index.js';
import { expandOccurrences } from './expand.js';
import { agendaEvent, range } from './test-helpers/events.js';
import { dialysisDay, kine } from './test-helpers/sample-events.js';

const NOW = new Date('2026-01-15T12:00:00Z');

const lines = (ics: string): string[] => ics.split('\r\n');

describe('toICalendar (export)', () => {
  const ics = toICalendar([kine, dialysisDay], { now: NOW, prodId: '-//Association Diabète Ouest//Carnet//FR' });
  const unfolded = ics.replace(/\r\n /g, '');

  it('writes a VCALENDAR with PRODID, VERSION 2.0 and CALSCALE, CRLF only, lines within 75 octets', () => {
    expect(ics.startsWith('BEGIN:VCALENDAR\r\n')).to.equal(true);
    expect(ics.endsWith('END:VCALENDAR\r\n')).to.equal(true);
    expect(ics.replace(/\r\n/g, '')).not.to.match(/[\r\n]/);
    expect(unfolded).to.include('PRODID:-//Association Diabète Ouest//Carnet//FR\r\nVERSION:2.0\r\nCALSCALE:GREGORIAN');
    const encoder = new TextEncoder();
    for (const line of lines(ics)) expect(encoder.encode(line).length, line).to.be.at.most(75);
    expect(lines(ics).some((line) => line.startsWith(' '))).to.equal(true); // the long notes were folded
  });

  it('writes one VTIMEZONE for Europe/Paris with its daylight and standard rules', () => {
    expect(unfolded.match(/BEGIN:VTIMEZONE/g)).to.have.length(1);
    expect(unfolded).to.include('TZID:Europe/Paris');
    expect(unfolded).to.match(
      /BEGIN:DAYLIGHT\r\nDTSTART:20250330T020000\r\nTZOFFSETFROM:\+0100\r\nTZOFFSETTO:\+0200\r\nRRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU/,
    );
    expect(unfolded).to.match(
      /BEGIN:STANDARD\r\nDTSTART:20251026T030000\r\nTZOFFSETFROM:\+0200\r\nTZOFFSETTO:\+0100\r\nRRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU/,
    );
  });

  it('writes the series: UID, DTSTAMP, zoned DTSTART/DTEND, texts, CATEGORIES, RRULE with UTC UNTIL, EXDATE with cancelled occurrences', () => {
    for (const expected of [
      'UID:kine-1@carnet',
      'DTSTAMP:20260115T120000Z',
      'DTSTART;TZID=Europe/Paris:20260302T090000',
      'DTEND;TZID=Europe/Paris:20260302T094500',
      'SUMMARY:Kinésithérapie',
      'LOCATION:Cabinet Dupont\\, 3 place Royale\\; Nantes',
      'CATEGORIES:appointment',
      'EXDATE;TZID=Europe/Paris:20260304T090000,20260313T090000',
    ]) {
      expect(unfolded, expected).to.include(`\r\n${expected}\r\n`);
    }
    const rrule = lines(unfolded).find((line) => line.startsWith('RRULE:FREQ=WEEKLY'));
    expect(rrule?.slice(6).split(';').sort()).to.deep.equal([
      'BYDAY=MO,WE,FR',
      'FREQ=WEEKLY',
      'UNTIL=20260630T215959Z',
    ]);
  });

  it('writes one VALARM per reminder with relative triggers', () => {
    expect(unfolded.match(/BEGIN:VALARM/g)).to.have.length(4);
    expect(unfolded).to.include('ACTION:DISPLAY\r\nTRIGGER:-PT15M\r\nDESCRIPTION:Kinésithérapie');
    expect(unfolded).to.include('TRIGGER:-P1D');
    expect(unfolded).to.include('TRIGGER:-PT1H30M');
  });

  it('writes moved and annotated occurrences as RECURRENCE-ID events', () => {
    expect(unfolded).to.include(
      'RECURRENCE-ID;TZID=Europe/Paris:20260309T090000\r\nDTSTART;TZID=Europe/Paris:20260310T173000\r\nDTEND;TZID=Europe/Paris:20260310T181500',
    );
    expect(unfolded).to.include(
      'RECURRENCE-ID;TZID=Europe/Paris:20260311T090000\r\nDTSTART;TZID=Europe/Paris:20260311T090000',
    );
    expect(unfolded).to.include('DESCRIPTION:Douleur au genou\\, exercices allégés');
    expect(unfolded).not.to.include('RECURRENCE-ID;TZID=Europe/Paris:20260313T090000');
  });

  it('writes all-day events as VALUE=DATE', () => {
    expect(unfolded).to.include('DTSTART;VALUE=DATE:20260329\r\nDTEND;VALUE=DATE:20260330');
    expect(unfolded).to.include('CATEGORIES:exam');
  });

  it('parses back with ical.js, whose own expansion (with our VTIMEZONE) gives our instants', () => {
    const calendar = new ICAL.Component(ICAL.parse(ics));
    const vtimezone = calendar.getFirstSubcomponent('vtimezone');
    if (!vtimezone) throw new Error('no VTIMEZONE');
    const paris = new ICAL.Timezone(vtimezone);
    ICAL.TimezoneService.register(paris, 'Europe/Paris');
    try {
      const master = calendar.getAllSubcomponents('vevent').find((v) => !v.hasProperty('recurrence-id'));
      if (!master) throw new Error('no master VEVENT');
      const theirs: string[] = [];
      const iterator = new ICAL.Event(master).iterator();
      for (let next = iterator.next(); next; next = iterator.next()) {
        // Read the wall-clock time through ical.js's engine for our VTIMEZONE.
        const zoned = ICAL.Time.fromData(
          {
            year: next.year,
            month: next.month,
            day: next.day,
            hour: next.hour,
            minute: next.minute,
            second: next.second,
          },
          paris,
        );
        theirs.push(new Date(zoned.toUnixTime() * 1000).toISOString());
      }
      // ical.js yields the rule's times (EXDATE applied), before RECURRENCE-ID moves.
      const expected = expandOccurrences(
        { ...kine, overrides: kine.overrides.filter((o) => o.cancelled) },
        range('2026-01-01T00:00:00Z', '2027-01-01T00:00:00Z'),
      ).map((o) => o.start);
      expect(theirs).to.deep.equal(expected);
      expect(theirs).to.have.length(50);
      expect(theirs).to.include('2026-03-30T07:00:00.000Z'); // after the change to summer time
    } finally {
      ICAL.TimezoneService.remove('Europe/Paris');
    }
  });

  it('writes a single STANDARD for zones without DST and southern-hemisphere rules for Sydney', () => {
    const tokyo = toICalendar([agendaEvent({ id: 't', start: '2026-05-01T10:00', timeZone: 'Asia/Tokyo' })], {
      now: NOW,
    });
    expect(tokyo.match(/BEGIN:STANDARD/g)).to.have.length(1);
    expect(tokyo).not.to.include('BEGIN:DAYLIGHT');
    expect(tokyo).to.include('TZOFFSETFROM:+0900\r\nTZOFFSETTO:+0900');
    const sydney = toICalendar([agendaEvent({ id: 's', start: '2026-05-01T10:00', timeZone: 'Australia/Sydney' })], {
      now: NOW,
    });
    expect(sydney).to.match(
      /BEGIN:DAYLIGHT\r\nDTSTART:20251005T020000\r\nTZOFFSETFROM:\+1000\r\nTZOFFSETTO:\+1100\r\nRRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=1SU/,
    );
    expect(sydney).to.match(
      /BEGIN:STANDARD\r\nDTSTART:20250406T030000\r\nTZOFFSETFROM:\+1100\r\nTZOFFSETTO:\+1000\r\nRRULE:FREQ=YEARLY;BYMONTH=4;BYDAY=1SU/,
    );
  });

  it('is also reachable through the lazy public wrapper', async () => {
    const text = await toICalendarLazily([kine], { now: NOW });
    expect(text).to.include('UID:kine-1@carnet');
  });
});
