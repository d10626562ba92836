/**
 * Reading iCalendar files (Google Calendar, Apple Calendar, Outlook) into
 * agenda events with `ical.js`. Times become wall-clock in an IANA zone: TZIDs
 * are resolved by name (IANA, Windows, prefixed), unknown ones through their
 * VTIMEZONE; see `icalendar.ts` for the UTC choice.
 */
import ICAL from 'ical.js';
import type { AgendaEventKind, OccurrenceOverride, Reminder } from '../model/agenda.js';
import { AGENDA_EVENT_KINDS } from '../model/agenda.js';
import { DEFAULT_TIME_ZONE } from '../model/common.js';
import { ValidationError } from '../errors/errors.js';
import type {
  ICalendarImportOptions,
  ICalendarImportWarning,
  ImportedAgendaEvent,
  ImportedCalendar,
} from './icalendar.js';
import { formatRuleParts, parseRuleParts } from './rule-parts.js';
import { wallExpander } from './expand.js';
import { ianaZoneOf } from './windows-zones.js';
import { DAY_MS, formatWall, instantToWall, isKnownTimeZone, wallToInstant } from '../time/zone.js';

/** A time as the file wrote it. */
type FileTime =
  | { kind: 'date'; wall: number }
  | { kind: 'zoned'; wall: number; zone: string }
  | { kind: 'instant'; instant: number; converted: boolean }
  | { kind: 'floating'; wall: number };

interface ImportContext {
  defaultZone: string;
  timezones: Map<string, ICAL.Timezone>;
  warnings: ICalendarImportWarning[];
  warnedZones: Set<string>;
}

interface MasterEvent {
  event: ImportedAgendaEvent;
  duration: number;
}

function fieldsOf(time: ICAL.Time): number {
  return Date.UTC(time.year, time.month - 1, time.day, time.hour, time.minute, time.second);
}

function readTime(value: unknown, tzid: string | undefined, context: ImportContext): FileTime | undefined {
  if (!(value instanceof ICAL.Time)) return undefined;
  const wall = fieldsOf(value);
  if (value.isDate) return { kind: 'date', wall: Date.UTC(value.year, value.month - 1, value.day) };
  if (value.zone?.tzid === 'UTC') return { kind: 'instant', instant: wall, converted: false };
  if (!tzid) return { kind: 'floating', wall };
  const zone = ianaZoneOf(tzid);
  if (zone) return { kind: 'zoned', wall, zone };
  const vtimezone = context.timezones.get(tzid);
  const warnOnce = (code: 'zone-converted' | 'zone-unknown'): void => {
    if (context.warnedZones.has(tzid)) return;
    context.warnedZones.add(tzid);
    context.warnings.push({ code, zone: tzid, readAs: context.defaultZone });
  };
  if (vtimezone) {
    warnOnce('zone-converted');
    const zoned = ICAL.Time.fromData(
      {
        year: value.year,
        month: value.month,
        day: value.day,
        hour: value.hour,
        minute: value.minute,
        second: value.second,
      },
      vtimezone,
    );
    return { kind: 'instant', instant: zoned.toUnixTime() * 1000, converted: true };
  }
  warnOnce('zone-unknown');
  return { kind: 'floating', wall };
}

function propertyTime(component: ICAL.Component, name: string, context: ImportContext): FileTime | undefined {
  const property = component.getFirstProperty(name);
  if (!property) return undefined;
  return readTime(property.getFirstValue(), tzidOf(property), context);
}

function tzidOf(property: ICAL.Property): string | undefined {
  const tzid = property.getFirstParameter('tzid');
  return typeof tzid === 'string' && tzid !== '' ? tzid : undefined;
}

/** Wall ms of a file time in the event's zone. */
function wallIn(time: FileTime, zone: string): number {
  switch (time.kind) {
    case 'date':
    case 'floating':
      return time.wall;
    case 'zoned':
      return time.zone === zone ? time.wall : instantToWall(wallToInstant(time.wall, time.zone), zone);
    case 'instant':
      return instantToWall(time.instant, zone);
  }
}

function textValue(component: ICAL.Component, name: string): string | undefined {
  const value = component.getFirstPropertyValue(name);
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

function kindOf(component: ICAL.Component): AgendaEventKind {
  const categories = component
    .getAllProperties('categories')
    .flatMap((property) => property.getValues())
    .map((value) => String(value).trim().toLowerCase());
  return AGENDA_EVENT_KINDS.find((kind) => categories.includes(kind)) ?? 'appointment';
}

function remindersOf(component: ICAL.Component, uid: string, context: ImportContext): Reminder[] {
  const minutes = new Set<number>();
  for (const valarm of component.getAllSubcomponents('valarm')) {
    const action = String(valarm.getFirstPropertyValue('action') ?? '').toUpperCase();
    if (action === 'NONE') continue; // Apple's placeholder for "no alarm"
    const trigger = valarm.getFirstProperty('trigger');
    const value = trigger?.getFirstValue();
    if (!trigger || !(value instanceof ICAL.Duration)) {
      context.warnings.push({ code: 'alarm-absolute', uid });
      continue;
    }
    if (String(trigger.getFirstParameter('related') ?? '').toUpperCase() === 'END') {
      context.warnings.push({ code: 'alarm-from-end', uid });
      continue;
    }
    const seconds = value.toSeconds();
    if (seconds > 0) {
      context.warnings.push({ code: 'alarm-after-start', uid });
      continue;
    }
    minutes.add(Math.round(-seconds / 60));
  }
  return [...minutes].sort((a, b) => b - a).map((minutesBefore) => ({ minutesBefore }));
}

/** The RRULE as we store it: UNTIL as wall-clock in the event's zone (a date for all-day events). */
function importedRule(
  component: ICAL.Component,
  uid: string,
  zone: string,
  startWall: number,
  allDay: boolean,
  context: ImportContext,
): string | undefined {
  const rules = component.getAllProperties('rrule');
  for (const name of ['rdate', 'exrule']) {
    if (component.hasProperty(name))
      context.warnings.push({ code: 'property-ignored', uid, property: name.toUpperCase() });
  }
  const recur = rules[0]?.getFirstValue();
  if (!(recur instanceof ICAL.Recur)) return undefined;
  if (rules.length > 1) context.warnings.push({ code: 'rules-several', uid });
  const parts = parseRuleParts(recur.toString());
  parts.unknown = parts.unknown.filter((part) => !part.toUpperCase().startsWith('X-'));
  const until = parts.until;
  if (until && (until.utc || (allDay && !until.dateOnly))) {
    const fields = Date.UTC(until.year, until.month - 1, until.day, until.hour, until.minute, until.second);
    const d = new Date(until.utc && zone !== 'UTC' ? instantToWall(fields, zone) : fields);
    parts.until = {
      year: d.getUTCFullYear(),
      month: d.getUTCMonth() + 1,
      day: d.getUTCDate(),
      hour: d.getUTCHours(),
      minute: d.getUTCMinutes(),
      second: d.getUTCSeconds(),
      utc: false,
      dateOnly: allDay,
    };
  }
  const rule = formatRuleParts(parts);
  try {
    if (parts.unknown.length > 0) throw new ValidationError('rrule', 'has unknown parts');
    wallExpander(rule, startWall, zone);
    return rule;
  } catch {
    context.warnings.push({ code: 'rule-unreadable', uid, property: 'RRULE' });
    return undefined;
  }
}

function endWall(
  component: ICAL.Component,
  start: FileTime,
  startWall: number,
  zone: string,
  context: ImportContext,
): number {
  const end = propertyTime(component, 'dtend', context);
  if (end) return Math.max(wallIn(end, zone), startWall);
  const duration = component.getFirstPropertyValue('duration');
  if (duration instanceof ICAL.Duration) return startWall + Math.max(0, duration.toSeconds() * 1000);
  return start.kind === 'date' ? startWall + DAY_MS : startWall;
}

function readMaster(component: ICAL.Component, uid: string, context: ImportContext): MasterEvent | undefined {
  const start = propertyTime(component, 'dtstart', context);
  if (!start) {
    context.warnings.push({ code: 'start-missing', uid });
    return undefined;
  }
  const allDay = start.kind === 'date';
  const recurring = component.hasProperty('rrule');
  const zone =
    start.kind === 'zoned'
      ? start.zone
      : start.kind === 'instant' && !start.converted && recurring
        ? 'UTC'
        : context.defaultZone;
  const startWall = wallIn(start, zone);
  const end = endWall(component, start, startWall, zone, context);
  const rrule = importedRule(component, uid, zone, startWall, allDay, context);
  const exdates = new Set<string>();
  for (const property of component.getAllProperties('exdate')) {
    for (const value of property.getValues()) {
      const time = readTime(value, tzidOf(property), context);
      if (time) exdates.add(formatWall(wallIn(time, zone)));
    }
  }
  const event: ImportedAgendaEvent = {
    uid,
    kind: kindOf(component),
    start: formatWall(startWall),
    end: formatWall(end),
    timeZone: zone,
    exdates: rrule ? [...exdates].sort() : [],
    overrides: [],
    reminders: remindersOf(component, uid, context),
  };
  const title = textValue(component, 'summary');
  if (title !== undefined) event.title = title;
  if (allDay) event.allDay = true;
  const location = textValue(component, 'location');
  if (location !== undefined) event.location = location;
  const notes = textValue(component, 'description');
  if (notes !== undefined) event.notes = notes;
  if (rrule) event.rrule = rrule;
  return { event, duration: end - startWall };
}

function readOverride(
  component: ICAL.Component,
  master: MasterEvent,
  context: ImportContext,
): OccurrenceOverride | undefined {
  const { event, duration } = master;
  const recurrenceId = propertyTime(component, 'recurrence-id', context);
  if (!recurrenceId) return undefined;
  if (component.getFirstProperty('recurrence-id')?.getFirstParameter('range')) {
    context.warnings.push({ code: 'range-ignored', uid: event.uid });
  }
  const originalWall = wallIn(recurrenceId, event.timeZone);
  const override: OccurrenceOverride = { originalStart: formatWall(originalWall) };
  if (String(component.getFirstPropertyValue('status') ?? '').toUpperCase() === 'CANCELLED') {
    return { ...override, cancelled: true };
  }
  const start = propertyTime(component, 'dtstart', context);
  const startWall = start ? wallIn(start, event.timeZone) : originalWall;
  const end = start ? endWall(component, start, startWall, event.timeZone, context) : startWall + duration;
  // A moved occurrence carries both its new start and end, explicitly.
  if (startWall !== originalWall || end !== startWall + duration) {
    override.start = formatWall(startWall);
    override.end = formatWall(end);
  }
  const note = textValue(component, 'description');
  if (note !== undefined && note !== event.notes) override.note = note;
  return override.start || override.end || override.note ? override : undefined;
}

/**
 * Drops RRULE/EXRULE lines `ical.js` cannot read (it rejects the whole file
 * for one of them), so that the rest of the calendar can still be imported.
 */
function withoutUnreadableRules(text: string, warnings: ICalendarImportWarning[]): string {
  const lines = text.replace(/\r?\n[ \t]/g, '').split(/\r?\n/);
  const kept = lines.filter((line) => {
    const match = /^(RRULE|EXRULE)(?:;[^:]*)?:(.*)$/i.exec(line);
    if (!match) return true;
    try {
      ICAL.Recur.fromString(match[2] ?? '');
      return true;
    } catch {
      warnings.push({ code: 'rule-unreadable', property: (match[1] ?? 'RRULE').toUpperCase() });
      return false;
    }
  });
  return kept.join('\r\n');
}

function parseCalendars(text: string, warnings: ICalendarImportWarning[]): ICAL.Component[] {
  let parsed: unknown;
  const source = text.replace(/^\uFEFF/, '');
  try {
    parsed = ICAL.parse(source);
  } catch {
    try {
      parsed = ICAL.parse(withoutUnreadableRules(source, warnings));
    } catch (error) {
      throw Object.assign(new ValidationError('ics', 'is not a valid iCalendar file'), { cause: error });
    }
  }
  const roots = Array.isArray(parsed) && Array.isArray(parsed[0]) ? (parsed as unknown[]) : [parsed];
  const calendars = roots.map((root) => new ICAL.Component(root as unknown[])).filter((c) => c.name === 'vcalendar');
  if (calendars.length === 0) throw new ValidationError('ics', 'has no VCALENDAR');
  return calendars;
}

/** Events of an iCalendar file (see `icalendar.ts`). */
export function fromICalendar(text: string, options: ICalendarImportOptions = {}): ImportedCalendar {
  const defaultZone = options.timeZone && isKnownTimeZone(options.timeZone) ? options.timeZone : DEFAULT_TIME_ZONE;
  if (typeof text !== 'string' || !/BEGIN:VCALENDAR/i.test(text))
    throw new ValidationError('ics', 'is not an iCalendar file');
  const context: ImportContext = { defaultZone, timezones: new Map(), warnings: [], warnedZones: new Set() };
  const calendars = parseCalendars(text, context.warnings);
  for (const vtimezone of calendars.flatMap((c) => c.getAllSubcomponents('vtimezone'))) {
    const tzid = vtimezone.getFirstPropertyValue('tzid');
    if (typeof tzid === 'string') context.timezones.set(tzid, new ICAL.Timezone(vtimezone));
  }

  const masters = new Map<string, MasterEvent>();
  const events: ImportedAgendaEvent[] = [];
  const instances: [string, ICAL.Component][] = [];
  calendars
    .flatMap((c) => c.getAllSubcomponents('vevent'))
    .forEach((component, index) => {
      const uid = uidText(component.getFirstPropertyValue('uid')) ?? `imported-${index + 1}`;
      if (component.hasProperty('recurrence-id')) {
        instances.push([uid, component]);
        return;
      }
      try {
        const master = readMaster(component, uid, context);
        if (!master) return;
        if (masters.has(uid)) context.warnings.push({ code: 'uid-shared', uid });
        else masters.set(uid, master);
        events.push(master.event);
      } catch {
        context.warnings.push({ code: 'event-unreadable', uid });
      }
    });

  for (const [uid, component] of instances) {
    try {
      const master = masters.get(uid);
      if (!master?.event.rrule) {
        // An occurrence without its series (e.g. a single invitation): kept as a single event.
        context.warnings.push({ code: 'occurrence-alone', uid });
        const alone = readMaster(component, uid, context);
        if (alone) events.push(alone.event);
        continue;
      }
      const override = readOverride(component, master, context);
      if (!override) continue;
      const overrides = master.event.overrides.filter((o) => o.originalStart !== override.originalStart);
      master.event.overrides = [...overrides, override].sort((a, b) => (a.originalStart < b.originalStart ? -1 : 1));
    } catch {
      context.warnings.push({ code: 'occurrence-unreadable', uid });
    }
  }
  return { events, warnings: context.warnings };
}

function uidText(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}
