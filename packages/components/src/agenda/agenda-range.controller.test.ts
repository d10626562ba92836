import { expect } from '@open-wc/testing';
import type { ReactiveController } from 'lit';
import type { AgendaEvent } from '@carnet/catalog-sdk';
import { agendaFormat } from './agenda-format.js';
import type { AgendaData } from './agenda-layout.js';
import { AgendaRangeController } from './agenda-range.controller.js';
import type { AgendaRangeHost, AgendaView } from './agenda-range.controller.js';

class FakeHost implements AgendaRangeHost {
  todayDay = '2026-11-23';
  view: AgendaView = 'month';
  updates = 0;
  addController(_controller: ReactiveController): void {}
  removeController(_controller: ReactiveController): void {}
  requestUpdate(): void {
    this.updates += 1;
  }
  get updateComplete(): Promise<boolean> {
    return Promise.resolve(true);
  }
}

const dialysis: AgendaEvent = {
  id: 'dialyse',
  title: 'Hémodialyse',
  kind: 'appointment',
  start: '2026-01-05T07:30:00',
  end: '2026-01-05T11:30:00',
  timeZone: 'Europe/Paris',
  rrule: 'FREQ=WEEKLY;BYDAY=MO,WE,FR',
  exdates: [],
  overrides: [],
  reminders: [{ minutesBefore: 60 }],
  version: '1',
};

function request(): Parameters<AgendaRangeController['layout']>[1] {
  return {
    timeZone: 'Europe/Paris',
    showMedication: false,
    localeKey: 'fr',
    format: agendaFormat('fr'),
    now: new Date('2026-11-23T07:00:00Z'),
  };
}

describe('AgendaRangeController', () => {
  it('covers whole weeks for the month, seven days for the week, thirty for the list', () => {
    const host = new FakeHost();
    const range = new AgendaRangeController(host);
    expect(range.days).to.have.length(42);
    expect(range.days[0]).to.equal('2026-10-26');
    expect(range.days[41]).to.equal('2026-12-06');
    range.setView('week');
    expect(range.days).to.deep.equal([
      '2026-11-23',
      '2026-11-24',
      '2026-11-25',
      '2026-11-26',
      '2026-11-27',
      '2026-11-28',
      '2026-11-29',
    ]);
    range.setView('list');
    expect(range.days).to.have.length(30);
    range.next();
    expect(range.days[0]).to.equal('2026-12-23');
    range.goToday();
    expect(range.focusDay).to.equal('2026-11-23');
  });

  it('expands once per range and data version, and again when either changes', () => {
    const host = new FakeHost();
    const range = new AgendaRangeController(host);
    const data: AgendaData = { events: [dialysis], plans: [], intakes: [], version: 1 };
    const first = range.layout(data, request());
    expect(range.layout(data, request())).to.equal(first);
    expect(first.buckets.get('2026-11-23')?.events.map((item) => item.time)).to.deep.equal(['07:30–11:30']);
    expect([...first.buckets.values()].filter((bucket) => bucket.events.length > 0)).to.have.length(18);
    const changed = range.layout({ ...data, version: 2 }, request());
    expect(changed).to.not.equal(first);
    range.next();
    const december = range.layout({ ...data, version: 2 }, request());
    expect(december).to.not.equal(changed);
    expect(december.days[0]).to.equal('2026-11-30');
  });

  it('lists the next week of reminders once per data version and minute', () => {
    const host = new FakeHost();
    const range = new AgendaRangeController(host);
    const data: AgendaData = { events: [dialysis], plans: [], intakes: [], version: 1 };
    const now = new Date('2026-11-23T07:00:00Z');
    const upcoming = range.upcoming(data, now);
    expect(upcoming.events.map((reminder) => new Date(reminder.remindAtMs).toISOString())).to.deep.equal([
      '2026-11-25T05:30:00.000Z',
      '2026-11-27T05:30:00.000Z',
      '2026-11-30T05:30:00.000Z',
    ]);
    expect(range.upcoming(data, new Date(now.getTime() + 10_000))).to.equal(upcoming);
  });
});
