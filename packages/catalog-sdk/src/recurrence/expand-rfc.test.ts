/**
 * RFC 5545 section 3.8.5.3 RRULE examples, with the RFC's start dates and
 * America/New_York zone, checked against the dates the RFC lists (wall-clock).
 */
import { expect } from '@open-wc/testing';
import { expandOccurrences } from './expand.js';
import { agendaEvent, days, range } from './test-helpers/events.js';

interface RfcCase {
  title: string;
  start: string;
  rrule: string;
  expected: string[];
  exdates?: string[];
  /** The rule is unbounded: compare only the first occurrences. */
  unbounded?: boolean;
}

const NY = 'America/New_York';

function localStarts(example: RfcCase): string[] {
  const event = agendaEvent({
    start: example.start,
    rrule: example.rrule,
    timeZone: NY,
    exdates: example.exdates ?? [],
  });
  const all = expandOccurrences(event, range('1996-01-01T00:00:00Z', '2008-01-01T00:00:00Z')).map((o) => o.localStart);
  return example.unbounded ? all.slice(0, example.expected.length) : all;
}

const cases: RfcCase[] = [
  {
    title: 'daily for 10 occurrences',
    start: '1997-09-02T09:00',
    rrule: 'FREQ=DAILY;COUNT=10',
    expected: days('1997-09', [2, 3, 4, 5, 6, 7, 8, 9, 10, 11]),
  },
  {
    title: 'daily until December 24, 1997',
    start: '1997-09-02T09:00',
    rrule: 'FREQ=DAILY;UNTIL=19971224T000000Z',
    expected: [
      ...days(
        '1997-09',
        Array.from({ length: 29 }, (_, i) => i + 2),
      ),
      ...days(
        '1997-10',
        Array.from({ length: 31 }, (_, i) => i + 1),
      ),
      ...days(
        '1997-11',
        Array.from({ length: 30 }, (_, i) => i + 1),
      ),
      ...days(
        '1997-12',
        Array.from({ length: 23 }, (_, i) => i + 1),
      ),
    ],
  },
  {
    title: 'every other day, forever',
    start: '1997-09-02T09:00',
    rrule: 'FREQ=DAILY;INTERVAL=2',
    unbounded: true,
    expected: [
      ...days('1997-09', [2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 22, 24, 26, 28, 30]),
      ...days('1997-10', [2, 4, 6]),
    ],
  },
  {
    title: 'every 10 days, 5 occurrences',
    start: '1997-09-02T09:00',
    rrule: 'FREQ=DAILY;INTERVAL=10;COUNT=5',
    expected: [...days('1997-09', [2, 12, 22]), ...days('1997-10', [2, 12])],
  },
  {
    title: 'every day in January, for 3 years (yearly form)',
    start: '1998-01-01T09:00',
    rrule: 'FREQ=YEARLY;UNTIL=20000131T140000Z;BYMONTH=1;BYDAY=SU,MO,TU,WE,TH,FR,SA',
    expected: ['1998', '1999', '2000'].flatMap((y) =>
      days(
        `${y}-01`,
        Array.from({ length: 31 }, (_, i) => i + 1),
      ),
    ),
  },
  {
    title: 'every day in January, for 3 years (daily form)',
    start: '1998-01-01T09:00',
    rrule: 'FREQ=DAILY;UNTIL=20000131T140000Z;BYMONTH=1',
    expected: ['1998', '1999', '2000'].flatMap((y) =>
      days(
        `${y}-01`,
        Array.from({ length: 31 }, (_, i) => i + 1),
      ),
    ),
  },
  {
    title: 'weekly for 10 occurrences',
    start: '1997-09-02T09:00',
    rrule: 'FREQ=WEEKLY;COUNT=10',
    expected: [...days('1997-09', [2, 9, 16, 23, 30]), ...days('1997-10', [7, 14, 21, 28]), ...days('1997-11', [4])],
  },
  {
    title: 'weekly until December 24, 1997',
    start: '1997-09-02T09:00',
    rrule: 'FREQ=WEEKLY;UNTIL=19971224T000000Z',
    expected: [
      ...days('1997-09', [2, 9, 16, 23, 30]),
      ...days('1997-10', [7, 14, 21, 28]),
      ...days('1997-11', [4, 11, 18, 25]),
      ...days('1997-12', [2, 9, 16, 23]),
    ],
  },
  {
    title: 'every other week, forever',
    start: '1997-09-02T09:00',
    rrule: 'FREQ=WEEKLY;INTERVAL=2;WKST=SU',
    unbounded: true,
    expected: [
      ...days('1997-09', [2, 16, 30]),
      ...days('1997-10', [14, 28]),
      ...days('1997-11', [11, 25]),
      ...days('1997-12', [9, 23]),
      ...days('1998-01', [6, 20]),
      ...days('1998-02', [3, 17]),
    ],
  },
  {
    title: 'weekly on Tuesday and Thursday for five weeks (UNTIL)',
    start: '1997-09-02T09:00',
    rrule: 'FREQ=WEEKLY;UNTIL=19971007T000000Z;WKST=SU;BYDAY=TU,TH',
    expected: [...days('1997-09', [2, 4, 9, 11, 16, 18, 23, 25, 30]), ...days('1997-10', [2])],
  },
  {
    title: 'weekly on Tuesday and Thursday for five weeks (COUNT)',
    start: '1997-09-02T09:00',
    rrule: 'FREQ=WEEKLY;COUNT=10;WKST=SU;BYDAY=TU,TH',
    expected: [...days('1997-09', [2, 4, 9, 11, 16, 18, 23, 25, 30]), ...days('1997-10', [2])],
  },
  {
    title: 'every other week on Monday, Wednesday and Friday until December 24, 1997',
    start: '1997-09-01T09:00',
    rrule: 'FREQ=WEEKLY;INTERVAL=2;UNTIL=19971224T000000Z;WKST=SU;BYDAY=MO,WE,FR',
    expected: [
      ...days('1997-09', [1, 3, 5, 15, 17, 19, 29]),
      ...days('1997-10', [1, 3, 13, 15, 17, 27, 29, 31]),
      ...days('1997-11', [10, 12, 14, 24, 26, 28]),
      ...days('1997-12', [8, 10, 12, 22]),
    ],
  },
  {
    title: 'every other week on Tuesday and Thursday, for 8 occurrences',
    start: '1997-09-02T09:00',
    rrule: 'FREQ=WEEKLY;INTERVAL=2;COUNT=8;WKST=SU;BYDAY=TU,TH',
    expected: [...days('1997-09', [2, 4, 16, 18, 30]), ...days('1997-10', [2, 14, 16])],
  },
  {
    title: 'monthly on the first Friday for 10 occurrences',
    start: '1997-09-05T09:00',
    rrule: 'FREQ=MONTHLY;COUNT=10;BYDAY=1FR',
    expected: [
      '1997-09-05',
      '1997-10-03',
      '1997-11-07',
      '1997-12-05',
      '1998-01-02',
      '1998-02-06',
      '1998-03-06',
      '1998-04-03',
      '1998-05-01',
      '1998-06-05',
    ].map((d) => `${d}T09:00:00`),
  },
  {
    title: 'monthly on the first Friday until December 24, 1997',
    start: '1997-09-05T09:00',
    rrule: 'FREQ=MONTHLY;UNTIL=19971224T000000Z;BYDAY=1FR',
    expected: ['1997-09-05', '1997-10-03', '1997-11-07', '1997-12-05'].map((d) => `${d}T09:00:00`),
  },
  {
    title: 'every other month on the first and last Sunday, 10 occurrences',
    start: '1997-09-07T09:00',
    rrule: 'FREQ=MONTHLY;INTERVAL=2;COUNT=10;BYDAY=1SU,-1SU',
    expected: [
      ...days('1997-09', [7, 28]),
      ...days('1997-11', [2, 30]),
      ...days('1998-01', [4, 25]),
      ...days('1998-03', [1, 29]),
      ...days('1998-05', [3, 31]),
    ],
  },
  {
    title: 'monthly on the second-to-last Monday for 6 months',
    start: '1997-09-22T09:00',
    rrule: 'FREQ=MONTHLY;COUNT=6;BYDAY=-2MO',
    expected: ['1997-09-22', '1997-10-20', '1997-11-17', '1997-12-22', '1998-01-19', '1998-02-16'].map(
      (d) => `${d}T09:00:00`,
    ),
  },
  {
    title: 'monthly on the third-to-the-last day, forever',
    start: '1997-09-28T09:00',
    rrule: 'FREQ=MONTHLY;BYMONTHDAY=-3',
    unbounded: true,
    expected: ['1997-09-28', '1997-10-29', '1997-11-28', '1997-12-29', '1998-01-29', '1998-02-26'].map(
      (d) => `${d}T09:00:00`,
    ),
  },
  {
    title: 'monthly on the 2nd and 15th for 10 occurrences',
    start: '1997-09-02T09:00',
    rrule: 'FREQ=MONTHLY;COUNT=10;BYMONTHDAY=2,15',
    expected: ['1997-09', '1997-10', '1997-11', '1997-12', '1998-01'].flatMap((m) => days(m, [2, 15])),
  },
  {
    title: 'monthly on the first and last day for 10 occurrences',
    start: '1997-09-30T09:00',
    rrule: 'FREQ=MONTHLY;COUNT=10;BYMONTHDAY=1,-1',
    expected: [
      '1997-09-30',
      '1997-10-01',
      '1997-10-31',
      '1997-11-01',
      '1997-11-30',
      '1997-12-01',
      '1997-12-31',
      '1998-01-01',
      '1998-01-31',
      '1998-02-01',
    ].map((d) => `${d}T09:00:00`),
  },
  {
    title: 'every 18 months on the 10th to 15th, 10 occurrences',
    start: '1997-09-10T09:00',
    rrule: 'FREQ=MONTHLY;INTERVAL=18;COUNT=10;BYMONTHDAY=10,11,12,13,14,15',
    expected: [...days('1997-09', [10, 11, 12, 13, 14, 15]), ...days('1999-03', [10, 11, 12, 13])],
  },
  {
    title: 'every Tuesday, every other month',
    start: '1997-09-02T09:00',
    rrule: 'FREQ=MONTHLY;INTERVAL=2;BYDAY=TU',
    unbounded: true,
    expected: [
      ...days('1997-09', [2, 9, 16, 23, 30]),
      ...days('1997-11', [4, 11, 18, 25]),
      ...days('1998-01', [6, 13, 20, 27]),
      ...days('1998-03', [3, 10, 17, 24, 31]),
    ],
  },
  {
    title: 'yearly in June and July for 10 occurrences',
    start: '1997-06-10T09:00',
    rrule: 'FREQ=YEARLY;COUNT=10;BYMONTH=6,7',
    expected: ['1997', '1998', '1999', '2000', '2001'].flatMap((y) => [`${y}-06-10T09:00:00`, `${y}-07-10T09:00:00`]),
  },
  {
    title: 'every other year on January, February and March for 10 occurrences',
    start: '1997-03-10T09:00',
    rrule: 'FREQ=YEARLY;INTERVAL=2;COUNT=10;BYMONTH=1,2,3',
    expected: [
      '1997-03-10',
      ...['1999', '2001', '2003'].flatMap((y) => [`${y}-01-10`, `${y}-02-10`, `${y}-03-10`]),
    ].map((d) => `${d}T09:00:00`),
  },
  {
    title: 'every third year on the 1st, 100th and 200th day for 10 occurrences',
    start: '1997-01-01T09:00',
    rrule: 'FREQ=YEARLY;INTERVAL=3;COUNT=10;BYYEARDAY=1,100,200',
    expected: [
      '1997-01-01',
      '1997-04-10',
      '1997-07-19',
      '2000-01-01',
      '2000-04-09',
      '2000-07-18',
      '2003-01-01',
      '2003-04-10',
      '2003-07-19',
      '2006-01-01',
    ].map((d) => `${d}T09:00:00`),
  },
  {
    title: 'every 20th Monday of the year, forever',
    start: '1997-05-19T09:00',
    rrule: 'FREQ=YEARLY;BYDAY=20MO',
    unbounded: true,
    expected: ['1997-05-19', '1998-05-18', '1999-05-17'].map((d) => `${d}T09:00:00`),
  },
  {
    title: 'Monday of week number 20, forever',
    start: '1997-05-12T09:00',
    rrule: 'FREQ=YEARLY;BYWEEKNO=20;BYDAY=MO',
    unbounded: true,
    expected: ['1997-05-12', '1998-05-11', '1999-05-17'].map((d) => `${d}T09:00:00`),
  },
  {
    title: 'every Thursday in March, forever',
    start: '1997-03-13T09:00',
    rrule: 'FREQ=YEARLY;BYMONTH=3;BYDAY=TH',
    unbounded: true,
    expected: [
      ...days('1997-03', [13, 20, 27]),
      ...days('1998-03', [5, 12, 19, 26]),
      ...days('1999-03', [4, 11, 18, 25]),
    ],
  },
  {
    title: 'every Thursday, only during June, July and August',
    start: '1997-06-05T09:00',
    rrule: 'FREQ=YEARLY;BYDAY=TH;BYMONTH=6,7,8',
    unbounded: true,
    expected: [
      ...days('1997-06', [5, 12, 19, 26]),
      ...days('1997-07', [3, 10, 17, 24, 31]),
      ...days('1997-08', [7, 14, 21, 28]),
      ...days('1998-06', [4, 11, 18, 25]),
      ...days('1998-07', [2, 9, 16, 23, 30]),
      ...days('1998-08', [6, 13, 20, 27]),
    ],
  },
  {
    title: 'every Friday the 13th, forever (DTSTART excluded by EXDATE)',
    start: '1997-09-02T09:00',
    rrule: 'FREQ=MONTHLY;BYDAY=FR;BYMONTHDAY=13',
    exdates: ['1997-09-02T09:00:00'],
    unbounded: true,
    expected: ['1998-02-13', '1998-03-13', '1998-11-13', '1999-08-13', '2000-10-13'].map((d) => `${d}T09:00:00`),
  },
  {
    title: 'the first Saturday that follows the first Sunday of the month',
    start: '1997-09-13T09:00',
    rrule: 'FREQ=MONTHLY;BYDAY=SA;BYMONTHDAY=7,8,9,10,11,12,13',
    unbounded: true,
    expected: [
      '1997-09-13',
      '1997-10-11',
      '1997-11-08',
      '1997-12-13',
      '1998-01-10',
      '1998-02-07',
      '1998-03-07',
      '1998-04-11',
      '1998-05-09',
      '1998-06-13',
    ].map((d) => `${d}T09:00:00`),
  },
  {
    title: 'US presidential election day, every 4 years',
    start: '1996-11-05T09:00',
    rrule: 'FREQ=YEARLY;INTERVAL=4;BYMONTH=11;BYDAY=TU;BYMONTHDAY=2,3,4,5,6,7,8',
    unbounded: true,
    expected: ['1996-11-05', '2000-11-07', '2004-11-02'].map((d) => `${d}T09:00:00`),
  },
  {
    title: 'the third instance of Tuesday, Wednesday or Thursday, for 3 months',
    start: '1997-09-04T09:00',
    rrule: 'FREQ=MONTHLY;COUNT=3;BYDAY=TU,WE,TH;BYSETPOS=3',
    expected: ['1997-09-04', '1997-10-07', '1997-11-06'].map((d) => `${d}T09:00:00`),
  },
  {
    title: 'the second-to-last weekday of the month',
    start: '1997-09-29T09:00',
    rrule: 'FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-2',
    unbounded: true,
    expected: ['1997-09-29', '1997-10-30', '1997-11-27', '1997-12-30', '1998-01-29', '1998-02-26', '1998-03-30'].map(
      (d) => `${d}T09:00:00`,
    ),
  },
  {
    title: 'WKST changes the result: week starting Monday',
    start: '1997-08-05T09:00',
    rrule: 'FREQ=WEEKLY;INTERVAL=2;COUNT=4;BYDAY=TU,SU;WKST=MO',
    expected: days('1997-08', [5, 10, 19, 24]),
  },
  {
    title: 'WKST changes the result: week starting Sunday',
    start: '1997-08-05T09:00',
    rrule: 'FREQ=WEEKLY;INTERVAL=2;COUNT=4;BYDAY=TU,SU;WKST=SU',
    expected: days('1997-08', [5, 17, 19, 31]),
  },
  {
    title: 'an invalid date (February 30) is ignored',
    start: '2007-01-15T09:00',
    rrule: 'FREQ=MONTHLY;BYMONTHDAY=15,30;COUNT=5',
    expected: ['2007-01-15', '2007-01-30', '2007-02-15', '2007-03-15', '2007-03-30'].map((d) => `${d}T09:00:00`),
  },
];

describe('expandOccurrences: RFC 5545 §3.8.5.3 examples (America/New_York)', () => {
  for (const example of cases) {
    it(`${example.title} — ${example.rrule}`, () => {
      expect(localStarts(example)).to.deep.equal(example.expected);
    });
  }

  it('keeps 09:00 wall-clock across the 1997 US change: EDT (13:00Z) before, EST (14:00Z) after', () => {
    const event = agendaEvent({ start: '1997-10-24T09:00', rrule: 'FREQ=DAILY;COUNT=4', timeZone: NY });
    const starts = expandOccurrences(event, range('1997-10-01T00:00:00Z', '1997-11-01T00:00:00Z')).map((o) => o.start);
    expect(starts).to.deep.equal([
      '1997-10-24T13:00:00.000Z',
      '1997-10-25T13:00:00.000Z',
      '1997-10-26T14:00:00.000Z',
      '1997-10-27T14:00:00.000Z',
    ]);
  });
});
