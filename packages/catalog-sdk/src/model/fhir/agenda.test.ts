import { expect } from '@open-wc/testing';
import type { Appointment } from '@medplum/fhirtypes';
import type { AgendaEvent } from '../agenda.js';
import { agendaEventToAppointment, appointmentToAgendaEvent } from './agenda.js';
import {
  AGENDA_EVENT_KIND_SYSTEM,
  EXDATE_EXTENSION_URL,
  OCCURRENCE_OVERRIDE_EXTENSION_URL,
  RECURRENCE_RULE_EXTENSION_URL,
  REMINDER_EXTENSION_URL,
  TIME_ZONE_EXTENSION_URL,
  WALL_CLOCK_START_EXTENSION_URL,
} from './urls.js';
import { expectMappingError } from './test-helpers/expect-mapping-error.js';

const dialysis: AgendaEvent = {
  id: 'evt-dialyse',
  title: 'Séance de dialyse',
  kind: 'appointment',
  start: '2026-03-02T07:30:00',
  end: '2026-03-02T11:30:00',
  timeZone: 'Europe/Paris',
  location: 'Centre de dialyse AURA, Lyon 8e',
  practitioner: 'Dr Karim Benali, néphrologue',
  rrule: 'FREQ=WEEKLY;BYDAY=MO,WE,FR',
  exdates: ['2026-04-06T07:30:00'],
  overrides: [
    {
      originalStart: '2026-03-11T07:30:00',
      start: '2026-03-11T13:30:00',
      end: '2026-03-11T17:30:00',
      note: 'séance décalée',
    },
    { originalStart: '2026-05-01T07:30:00', cancelled: true },
  ],
  reminders: [{ minutesBefore: 60 }, { minutesBefore: 1440 }],
  notes: 'Apporter le carnet de liaison',
  version: '2',
};

const toFhir = (event: AgendaEvent): Appointment => agendaEventToAppointment(event, { patientId: 'pat-kidney' });
const ext = (a: Appointment, url: string) => (a.extension ?? []).filter((e) => e.url === url);
const read = (value: unknown) => () => appointmentToAgendaEvent(value as Appointment);

describe('Appointment ↔ AgendaEvent', () => {
  it('fills start/end instants of the first occurrence from the Paris wall clock (CET)', () => {
    const a = toFhir(dialysis);
    expect(a.start).to.equal('2026-03-02T06:30:00.000Z');
    expect(a.end).to.equal('2026-03-02T10:30:00.000Z');
  });

  it('keeps the wall clock across DST: a summer occurrence is at UTC+2', () => {
    const a = toFhir({ ...dialysis, start: '2026-06-01T07:30:00', end: '2026-06-01T11:30:00' });
    expect(a.start).to.equal('2026-06-01T05:30:00.000Z');
    expect(ext(a, WALL_CLOCK_START_EXTENSION_URL)[0]?.valueString).to.equal('2026-06-01T07:30:00');
  });

  it('writes status, patient participant, kind, notes, actors and series extensions', () => {
    const a = toFhir(dialysis);
    expect(a.status).to.equal('booked');
    expect(a.participant[0]).to.deep.equal({ actor: { reference: 'Patient/pat-kidney' }, status: 'accepted' });
    expect(a.participant.map((p) => p.actor?.display)).to.include.members([
      'Dr Karim Benali, néphrologue',
      'Centre de dialyse AURA, Lyon 8e',
    ]);
    expect(a.appointmentType?.coding?.[0]).to.deep.equal({ system: AGENDA_EVENT_KIND_SYSTEM, code: 'appointment' });
    expect(a.comment).to.equal('Apporter le carnet de liaison');
    expect(a.description).to.equal('Séance de dialyse');
    expect(ext(a, RECURRENCE_RULE_EXTENSION_URL)[0]?.valueString).to.equal('FREQ=WEEKLY;BYDAY=MO,WE,FR');
    expect(ext(a, TIME_ZONE_EXTENSION_URL)[0]?.valueString).to.equal('Europe/Paris');
    expect(ext(a, EXDATE_EXTENSION_URL).map((e) => e.valueString)).to.deep.equal(['2026-04-06T07:30:00']);
    expect(ext(a, REMINDER_EXTENSION_URL).map((e) => e.extension?.[0]?.valueInteger)).to.deep.equal([60, 1440]);
    const moved = ext(a, OCCURRENCE_OVERRIDE_EXTENSION_URL)[0];
    expect(moved?.extension).to.deep.equal([
      { url: 'originalStart', valueString: '2026-03-11T07:30:00' },
      { url: 'start', valueString: '2026-03-11T13:30:00' },
      { url: 'end', valueString: '2026-03-11T17:30:00' },
      { url: 'note', valueString: 'séance décalée' },
    ]);
  });

  it('round-trips domain → FHIR → domain unchanged', () => {
    expect(appointmentToAgendaEvent(toFhir(dialysis))).to.deep.equal(dialysis);
  });

  it('round-trips FHIR → domain → FHIR keeping every field we own', () => {
    const a = toFhir(dialysis);
    expect(toFhir(appointmentToAgendaEvent(a))).to.deep.equal(a);
  });

  it('round-trips a prescription-renewal reminder linked to a medication plan, all day', () => {
    const renewal: AgendaEvent = {
      id: 'evt-renew',
      title: 'Renouveler l’ordonnance de lévodopa',
      kind: 'prescription-renewal',
      start: '2026-05-04T00:00:00',
      end: '2026-05-05T00:00:00',
      timeZone: 'Europe/Paris',
      allDay: true,
      exdates: [],
      overrides: [],
      reminders: [{ minutesBefore: 10080 }],
      medicationPlanId: 'plan-levodopa',
      version: '1',
    };
    const a = toFhir(renewal);
    expect(a.start).to.equal('2026-05-03T22:00:00.000Z');
    expect(appointmentToAgendaEvent(a)).to.deep.equal(renewal);
  });

  it('reads an appointment booked elsewhere (no extensions) from its instants in Europe/Paris', () => {
    const event = appointmentToAgendaEvent({
      resourceType: 'Appointment',
      id: 'ext-1',
      meta: { versionId: '4' },
      status: 'booked',
      description: 'IRM cérébrale',
      start: '2026-03-29T07:00:00Z',
      end: '2026-03-29T07:45:00Z',
      participant: [{ actor: { reference: 'Location/irm-lyon', display: 'Imagerie Lyon Sud' }, status: 'accepted' }],
    });
    expect(event).to.deep.equal({
      id: 'ext-1',
      title: 'IRM cérébrale',
      kind: 'appointment',
      start: '2026-03-29T09:00:00',
      end: '2026-03-29T09:45:00',
      timeZone: 'Europe/Paris',
      location: 'Imagerie Lyon Sud',
      exdates: [],
      overrides: [],
      reminders: [],
      version: '4',
    });
  });

  it('writes a wall-clock start in the spring gap as the instant after the gap', () => {
    const a = toFhir({ ...dialysis, start: '2026-03-29T02:30:00', end: '2026-03-29T04:00:00' });
    expect(a.start).to.equal('2026-03-29T01:30:00.000Z');
    expect(a.end).to.equal('2026-03-29T02:00:00.000Z');
  });

  describe('malformed resources', () => {
    const base = (): Record<string, unknown> => JSON.parse(JSON.stringify(toFhir(dialysis))) as Record<string, unknown>;
    const withExtension = (url: string, change: Record<string, unknown>) => {
      const r = base();
      r.extension = (r.extension as Record<string, unknown>[]).map((e) => (e.url === url ? { url, ...change } : e));
      return r;
    };

    it('rejects an appointment without start, or with an unparsable start', () => {
      expectMappingError(read({ ...base(), start: undefined }), 'Appointment.start');
      expectMappingError(read({ ...base(), start: '2026-03-02 07:30' }), 'Appointment.start');
    });

    it('rejects an unknown kind code', () => {
      expectMappingError(
        read({ ...base(), appointmentType: { coding: [{ system: AGENDA_EVENT_KIND_SYSTEM, code: 'party' }] } }),
        'Appointment.appointmentType.coding[0].code',
      );
    });

    it('rejects an extension value of the wrong type', () => {
      expectMappingError(
        read(withExtension(RECURRENCE_RULE_EXTENSION_URL, { valueInteger: 3 })),
        'Appointment.extension[recurrence-rule].valueString',
      );
      expectMappingError(
        read(withExtension(WALL_CLOCK_START_EXTENSION_URL, { valueString: '2026-03-02T07:30:00+01:00' })),
        'Appointment.extension[wall-clock-start].valueString',
      );
      expectMappingError(
        read(withExtension(TIME_ZONE_EXTENSION_URL, { valueString: 'Europe/Lutece' })),
        'Appointment.extension[time-zone].valueString',
      );
    });

    it('rejects a malformed override and reminder, naming the sub-extension', () => {
      expectMappingError(
        read(withExtension(OCCURRENCE_OVERRIDE_EXTENSION_URL, { extension: [{ url: 'note', valueString: 'x' }] })),
        'Appointment.extension[occurrence-override][0].extension[originalStart]',
      );
      expectMappingError(
        read(withExtension(REMINDER_EXTENSION_URL, { extension: [{ url: 'minutesBefore', valueInteger: -5 }] })),
        'Appointment.extension[reminder][0].extension[minutesBefore].valueInteger',
      );
    });

    it('rejects a missing title, a missing end and a repeated single extension', () => {
      expectMappingError(read({ ...base(), description: undefined }), 'Appointment.description');
      const noEnd = base();
      delete noEnd.end;
      noEnd.extension = (noEnd.extension as { url: string }[]).filter((e) => !e.url.endsWith('wall-clock-end'));
      expectMappingError(read(noEnd), 'Appointment.end');
      const twice = base();
      twice.extension = [
        ...(twice.extension as unknown[]),
        { url: RECURRENCE_RULE_EXTENSION_URL, valueString: 'FREQ=DAILY' },
      ];
      expectMappingError(read(twice), 'Appointment.extension[recurrence-rule]');
    });

    it('rejects garbage participants and extensions without a TypeError', () => {
      expectMappingError(read({ ...base(), participant: [7] }), 'Appointment.participant[0]');
      expectMappingError(read({ ...base(), extension: [{ valueString: 'x' }] }), 'Appointment.extension[0].url');
    });
  });

  it('refuses to write an event with an unknown time zone or a bad wall clock', () => {
    expectMappingError(() => toFhir({ ...dialysis, timeZone: 'Paris' }), 'AgendaEvent.timeZone');
    expectMappingError(() => toFhir({ ...dialysis, start: '2026-03-02T07:30:00Z' }), 'AgendaEvent.start');
    expectMappingError(() => toFhir({ ...dialysis, exdates: ['lundi'] }), 'AgendaEvent.exdates[0]');
  });
});
