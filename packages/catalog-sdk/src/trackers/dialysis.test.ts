import { expect } from '@open-wc/testing';
import type { AgendaEvent } from '../model/agenda.js';
import type { WeightReading } from '../model/tracker.js';
import { dialysisSessions, interdialyticGains } from './dialysis.js';

const weight = (at: string, kg: number, moment: WeightReading['moment'], session: string): WeightReading => ({
  id: at,
  version: '1',
  at,
  kg,
  origin: 'entered',
  ...(moment ? { moment } : {}),
  session,
});

describe('dialysis arithmetic', () => {
  it('lists the sessions of a recurring dialysis event, in Paris time, and leaves other events out', () => {
    const dialysis: AgendaEvent = {
      id: 'd',
      title: "Séance d'hémodialyse",
      kind: 'appointment',
      start: '2026-01-05T07:30:00',
      end: '2026-01-05T11:30:00',
      timeZone: 'Europe/Paris',
      rrule: 'FREQ=WEEKLY;BYDAY=MO,WE,FR',
      exdates: ['2026-03-06T07:30:00'],
      overrides: [],
      reminders: [],
      version: '1',
    };
    const other: AgendaEvent = { ...dialysis, id: 'o', title: 'Néphrologue', rrule: undefined } as AgendaEvent;
    const sessions = dialysisSessions([dialysis, other], {
      start: new Date('2026-03-02T00:00:00Z'),
      end: new Date('2026-03-09T00:00:00Z'),
    });
    expect(sessions.map((session) => session.start)).to.deep.equal([
      '2026-03-02T06:30:00.000Z',
      '2026-03-04T06:30:00.000Z',
    ]);
  });

  it('gives the weight gained between the end of one session and the start of the next', () => {
    const monday = '2026-03-02T06:30:00.000Z';
    const wednesday = '2026-03-04T06:30:00.000Z';
    const friday = '2026-03-06T06:30:00.000Z';
    const gains = interdialyticGains([
      weight('2026-03-02T06:20:00.000Z', 72.4, 'before-dialysis', monday),
      weight('2026-03-02T10:40:00.000Z', 70.1, 'after-dialysis', monday),
      weight('2026-03-04T06:15:00.000Z', 72.0, 'before-dialysis', wednesday),
      weight('2026-03-04T10:50:00.000Z', 69.9, 'after-dialysis', wednesday),
      weight('2026-03-06T06:10:00.000Z', 72.6, 'before-dialysis', friday),
    ]);
    expect(gains).to.deep.equal([
      { session: monday, before: 72.4, after: 70.1 },
      { session: wednesday, before: 72, after: 69.9, gain: 1.9 },
      { session: friday, before: 72.6, gain: 2.7 },
    ]);
  });
});
