/** Writing agenda events as an RFC 5545 calendar with `ical.js`. */
import ICAL from 'ical.js';
import type { AgendaEvent } from '../model/agenda.js';
import type { LocalDateTime } from '../model/common.js';
import { DEFAULT_TIME_ZONE } from '../model/common.js';
import type { ICalendarExportOptions } from './icalendar.js';
import { formatRuleParts, parseRuleParts } from './rule-parts.js';
import { buildVTimezone } from './vtimezone.js';
import { formatWall, parseWall, wallToInstant } from '../time/zone.js';

const DEFAULT_PROD_ID = '-//Carnet//Agenda//FR';

function icalTime(wallMs: number, isDate: boolean): ICAL.Time {
  const d = new Date(wallMs);
  const date = { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
  if (isDate) return ICAL.Time.fromData({ ...date, isDate: true });
  return ICAL.Time.fromData({ ...date, hour: d.getUTCHours(), minute: d.getUTCMinutes(), second: d.getUTCSeconds() });
}

function utcTime(instantMs: number): ICAL.Time {
  const time = icalTime(instantMs, false);
  time.zone = ICAL.Timezone.utcTimezone;
  return time;
}

/** How one event's times are written: all-day dates, UTC, or wall-clock with TZID. */
interface TimeWriter {
  property(name: string, locals: LocalDateTime[]): ICAL.Property;
}

function timeWriter(event: AgendaEvent): TimeWriter {
  const zone = event.timeZone || DEFAULT_TIME_ZONE;
  const allDay = event.allDay === true;
  const isUtc = !allDay && zone === 'UTC';
  return {
    property(name, locals) {
      const property = new ICAL.Property(name);
      const walls = locals.map((local) => parseWall(local));
      let values: ICAL.Time[];
      if (allDay) {
        property.resetType('date');
        values = walls.map((wall) => icalTime(wall, true));
      } else if (isUtc) {
        values = walls.map((wall) => utcTime(wall));
      } else {
        property.setParameter('tzid', zone);
        values = walls.map((wall) => icalTime(wall, false));
      }
      // Only EXDATE holds lists; ical.js refuses a list on single-valued properties.
      if (values.length === 1 && values[0]) property.setValue(values[0]);
      else property.setValues(values);
      return property;
    },
  };
}

/** The RRULE with its UNTIL as RFC 5545 wants it: a DATE for all-day events, UTC otherwise. */
function exportedRule(event: AgendaEvent): string | undefined {
  const rrule = event.rrule?.trim();
  if (!rrule) return undefined;
  const parts = parseRuleParts(rrule);
  if (parts.unknown.length > 0 || !parts.freq) return rrule.replace(/^RRULE:/i, '');
  const until = parts.until;
  if (until) {
    const zone = event.timeZone || DEFAULT_TIME_ZONE;
    const fields = Date.UTC(
      until.year,
      until.month - 1,
      until.day,
      until.dateOnly ? 23 : until.hour,
      until.dateOnly ? 59 : until.minute,
      until.dateOnly ? 59 : until.second,
    );
    const instant = until.utc || zone === 'UTC' ? fields : wallToInstant(fields, zone);
    const d = new Date(event.allDay ? fields : instant);
    parts.until = {
      year: d.getUTCFullYear(),
      month: d.getUTCMonth() + 1,
      day: d.getUTCDate(),
      hour: d.getUTCHours(),
      minute: d.getUTCMinutes(),
      second: d.getUTCSeconds(),
      utc: !event.allDay,
      dateOnly: event.allDay === true,
    };
  }
  return formatRuleParts(parts);
}

function addText(component: ICAL.Component, name: string, value: string | undefined): void {
  if (value !== undefined && value !== '') component.addPropertyWithValue(name, value);
}

function alarm(minutesBefore: number, description: string): ICAL.Component {
  const valarm = new ICAL.Component('valarm');
  valarm.addPropertyWithValue('action', 'DISPLAY');
  valarm.addPropertyWithValue('trigger', ICAL.Duration.fromSeconds(-Math.round(minutesBefore) * 60));
  valarm.addPropertyWithValue('description', description);
  return valarm;
}

function eventComponents(event: AgendaEvent, stamp: ICAL.Time): ICAL.Component[] {
  const times = timeWriter(event);
  const uid = `${event.id}@carnet`;
  const duration = parseWall(event.end) - parseWall(event.start);
  const common = (component: ICAL.Component): void => {
    component.addPropertyWithValue('uid', uid);
    component.addPropertyWithValue('dtstamp', stamp);
  };
  const describe = (component: ICAL.Component, notes: string | undefined): void => {
    addText(component, 'summary', event.title);
    addText(component, 'location', event.location);
    addText(component, 'description', notes);
    addText(component, 'categories', event.kind);
  };

  const master = new ICAL.Component('vevent');
  common(master);
  master.addProperty(times.property('dtstart', [event.start]));
  master.addProperty(times.property('dtend', [event.end]));
  describe(master, event.notes);
  const rule = exportedRule(event);
  const components = [master];
  if (rule) {
    master.addPropertyWithValue('rrule', ICAL.Recur.fromString(rule));
    const removed = [...event.exdates, ...event.overrides.filter((o) => o.cancelled).map((o) => o.originalStart)];
    if (removed.length > 0)
      master.addProperty(times.property('exdate', [...new Set(removed.map((l) => formatLocal(l)))]));
    for (const override of event.overrides) {
      if (override.cancelled) continue;
      const instance = new ICAL.Component('vevent');
      common(instance);
      instance.addProperty(times.property('recurrence-id', [override.originalStart]));
      const start = override.start ?? override.originalStart;
      const end = override.end ?? formatWall(parseWall(start) + duration);
      instance.addProperty(times.property('dtstart', [start]));
      instance.addProperty(times.property('dtend', [end]));
      describe(instance, override.note ?? event.notes);
      components.push(instance);
    }
  }
  for (const reminder of event.reminders) master.addSubcomponent(alarm(reminder.minutesBefore, event.title));
  return components;
}

/** A stored wall-clock time, normalised to `YYYY-MM-DDTHH:mm:ss`. */
function formatLocal(local: LocalDateTime): LocalDateTime {
  return formatWall(parseWall(local));
}

/**
 * The agenda as an RFC 5545 calendar (see `icalendar.ts`). Lines are folded
 * by `ical.js`, one octet short so that continuation lines, which it starts
 * with a space, stay within 75 octets too.
 */
export function toICalendar(events: AgendaEvent[], options: ICalendarExportOptions = {}): string {
  const calendar = new ICAL.Component('vcalendar');
  calendar.addPropertyWithValue('prodid', options.prodId ?? DEFAULT_PROD_ID);
  calendar.addPropertyWithValue('version', '2.0');
  calendar.addPropertyWithValue('calscale', 'GREGORIAN');
  calendar.addPropertyWithValue('method', 'PUBLISH');

  const years = new Map<string, { first: number; last: number }>();
  for (const event of events) {
    const zone = event.timeZone || DEFAULT_TIME_ZONE;
    if (event.allDay || zone === 'UTC') continue;
    const year = new Date(parseWall(event.start)).getUTCFullYear();
    const known = years.get(zone);
    years.set(zone, { first: Math.min(known?.first ?? year, year), last: Math.max(known?.last ?? year, year) });
  }
  for (const [zone, { first, last }] of years) calendar.addSubcomponent(buildVTimezone(zone, first, last));

  const stamp = utcTime(Math.floor((options.now ?? new Date()).getTime() / 1000) * 1000);
  for (const event of events)
    for (const component of eventComponents(event, stamp)) calendar.addSubcomponent(component);

  const foldLength = ICAL.foldLength;
  try {
    ICAL.foldLength = foldLength - 1;
    return `${calendar.toString()}\r\n`;
  } finally {
    ICAL.foldLength = foldLength;
  }
}
