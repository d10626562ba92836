import { expect } from '@open-wc/testing';
import { describeRecurrence } from './describe.js';
import type { RecurrenceChoice } from './editor.js';
import { isEditableRRule, NO_RECURRENCE, recurrenceToRRule, rruleToRecurrence } from './editor.js';
import { expandOccurrences } from './expand.js';
import { agendaEvent, range } from './test-helpers/events.js';

// Tuesday 10 March 2026, the 2nd Tuesday of the month.
const START = '2026-03-10T09:30:00';

const choices: [RecurrenceChoice, string, string][] = [
  [{ frequency: 'daily', interval: 1, weekdays: [], end: { type: 'never' } }, 'FREQ=DAILY', 'tous les jours'],
  [
    { frequency: 'daily', interval: 3, weekdays: [], end: { type: 'count', count: 10 } },
    'FREQ=DAILY;INTERVAL=3;COUNT=10',
    'tous les 3 jours, 10 fois',
  ],
  [
    { frequency: 'weekly', interval: 1, weekdays: ['TU'], end: { type: 'never' } },
    'FREQ=WEEKLY;BYDAY=TU',
    'chaque mardi',
  ],
  [
    { frequency: 'weekly', interval: 1, weekdays: ['MO', 'WE', 'FR'], end: { type: 'never' } },
    'FREQ=WEEKLY;BYDAY=MO,WE,FR',
    'chaque lundi, mercredi et vendredi',
  ],
  [
    { frequency: 'weekly', interval: 2, weekdays: ['TU', 'TH'], end: { type: 'until', until: '2026-12-31' } },
    'FREQ=WEEKLY;INTERVAL=2;UNTIL=20261231T235959;BYDAY=TU,TH',
    "toutes les 2 semaines, le mardi et le jeudi, jusqu'au 31 décembre 2026",
  ],
  [
    { frequency: 'monthly', interval: 1, weekdays: [], monthlyMode: 'day-of-month', end: { type: 'never' } },
    'FREQ=MONTHLY',
    'tous les mois',
  ],
  [
    { frequency: 'monthly', interval: 1, weekdays: [], monthlyMode: 'nth-weekday', end: { type: 'count', count: 6 } },
    'FREQ=MONTHLY;COUNT=6;BYDAY=2TU',
    'le 2e mardi du mois, 6 fois',
  ],
  [
    { frequency: 'monthly', interval: 3, weekdays: [], monthlyMode: 'day-of-month', end: { type: 'never' } },
    'FREQ=MONTHLY;INTERVAL=3',
    'tous les 3 mois',
  ],
  [
    { frequency: 'yearly', interval: 1, weekdays: [], end: { type: 'until', until: '2030-03-10' } },
    'FREQ=YEARLY;UNTIL=20300310T235959',
    "tous les ans, jusqu'au 10 mars 2030",
  ],
];

describe('recurrence editor model', () => {
  for (const [choice, rule, words] of choices) {
    it(`${JSON.stringify(choice)} ⇄ ${rule} → « ${words} »`, () => {
      expect(recurrenceToRRule(choice, START)).to.equal(rule);
      expect(rruleToRecurrence(rule, START)).to.deep.equal(choice);
      expect(isEditableRRule(rule, START)).to.equal(true);
      expect(describeRecurrence(rule, 'fr')).to.equal(words);
    });
  }

  it('no recurrence ⇄ undefined', () => {
    expect(recurrenceToRRule(NO_RECURRENCE, START)).to.equal(undefined);
    expect(rruleToRecurrence(undefined, START)).to.deep.equal(NO_RECURRENCE);
    expect(rruleToRecurrence('', START)).to.deep.equal(NO_RECURRENCE);
  });

  it('weekly without days means the start weekday; nth-weekday on a 5th weekday means the last', () => {
    expect(
      recurrenceToRRule({ frequency: 'weekly', interval: 1, weekdays: [], end: { type: 'never' } }, START),
    ).to.equal('FREQ=WEEKLY;BYDAY=TU');
    expect(
      recurrenceToRRule(
        { frequency: 'monthly', interval: 1, weekdays: [], monthlyMode: 'nth-weekday', end: { type: 'never' } },
        '2026-03-31T09:00',
      ),
    ).to.equal('FREQ=MONTHLY;BYDAY=-1TU');
    expect(rruleToRecurrence('FREQ=WEEKLY', START).weekdays).to.deep.equal(['TU']);
  });

  it('every choice the editor can produce survives choice → RRULE → choice → RRULE', () => {
    const frequencies = ['daily', 'weekly', 'monthly', 'yearly'] as const;
    const ends: RecurrenceChoice['end'][] = [
      { type: 'never' },
      { type: 'count', count: 7 },
      { type: 'until', until: '2027-02-28' },
    ];
    for (const frequency of frequencies) {
      for (const interval of [1, 2, 5]) {
        for (const end of ends) {
          for (const weekdays of frequency === 'weekly' ? ([['MO'], ['TU', 'SA', 'SU']] as const) : ([[]] as const)) {
            for (const monthlyMode of frequency === 'monthly'
              ? (['day-of-month', 'nth-weekday'] as const)
              : [undefined]) {
              const choice: RecurrenceChoice = {
                frequency,
                interval,
                weekdays: [...weekdays],
                end,
                ...(monthlyMode ? { monthlyMode } : {}),
              };
              const rule = recurrenceToRRule(choice, START);
              expect(rruleToRecurrence(rule, START), rule).to.deep.equal(choice);
              expect(recurrenceToRRule(rruleToRecurrence(rule, START), START)).to.equal(rule);
            }
          }
        }
      }
    }
  });

  it('an until date includes that whole last day when expanded', () => {
    const rule = recurrenceToRRule(
      { frequency: 'daily', interval: 1, weekdays: [], end: { type: 'until', until: '2026-03-12' } },
      START,
    );
    const occurrences = expandOccurrences(
      agendaEvent({ start: START, rrule: rule ?? '' }),
      range('2026-03-01T00:00:00Z', '2026-04-01T00:00:00Z'),
    );
    expect(occurrences.map((o) => o.originalStart.slice(0, 10))).to.deep.equal([
      '2026-03-10',
      '2026-03-11',
      '2026-03-12',
    ]);
  });

  it('flags rules the editor cannot show without loss', () => {
    expect(isEditableRRule('FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-2', START)).to.equal(false);
    expect(isEditableRRule('FREQ=WEEKLY;BYDAY=MO;BYHOUR=8,20', START)).to.equal(false);
    expect(isEditableRRule('FREQ=MONTHLY;BYMONTHDAY=10', START)).to.equal(true);
    expect(isEditableRRule('FREQ=MONTHLY;BYMONTHDAY=2,15', START)).to.equal(false);
    expect(isEditableRRule(undefined, START)).to.equal(true);
  });
});
