/**
 * VTIMEZONE components written from `Intl`: the year's transitions are found
 * (see `zone.ts`) and, when they follow the usual "nth weekday of a month"
 * pattern two years running, written as yearly RRULEs; other zones get one
 * component per transition over the years exported. Zones without DST get a
 * single STANDARD component.
 */
import ICAL from 'ical.js';
import { DAY_MS, offsetAt, transitionsInYear } from '../time/zone.js';
import { WEEKDAYS } from '../model/common.js';

interface Transition {
  at: number;
  offsetFrom: number;
  offsetTo: number;
}

function icalTimeOfWall(wallMs: number): ICAL.Time {
  const d = new Date(wallMs);
  return ICAL.Time.fromData({
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
  });
}

/** The yearly rule of a transition: month and nth (or last) weekday of its local onset. */
function yearlyRuleOf(transition: Transition): { month: number; byDay: string } {
  const onset = new Date(transition.at + transition.offsetFrom);
  const monthLength = new Date(Date.UTC(onset.getUTCFullYear(), onset.getUTCMonth() + 1, 0)).getUTCDate();
  const day = onset.getUTCDate();
  const rank = day + 7 > monthLength ? -1 : Math.ceil(day / 7);
  const weekday = WEEKDAYS[(onset.getUTCDay() + 6) % 7] ?? 'SU';
  return { month: onset.getUTCMonth() + 1, byDay: `${rank}${weekday}` };
}

/** Instant of a yearly rule's onset in a year, given the wall time of day and offset before. */
function onsetIn(year: number, rule: { month: number; byDay: string }, timeOfDay: number, offsetFrom: number): number {
  const rank = Number(rule.byDay.slice(0, -2));
  const weekday = WEEKDAYS.indexOf(rule.byDay.slice(-2) as (typeof WEEKDAYS)[number]);
  const first = Date.UTC(year, rule.month - 1, 1) / DAY_MS;
  const length = Date.UTC(year, rule.month, 1) / DAY_MS - first;
  const firstWeekday = (((first + 3) % 7) + 7) % 7;
  const firstOffset = (weekday - firstWeekday + 7) % 7;
  const offset = rank > 0 ? firstOffset + (rank - 1) * 7 : firstOffset + Math.floor((length - 1 - firstOffset) / 7) * 7;
  return (first + offset) * DAY_MS + timeOfDay - offsetFrom;
}

function tzName(timeZone: string, instant: number): string | undefined {
  const part = new Intl.DateTimeFormat('en-GB', { timeZone, timeZoneName: 'short' })
    .formatToParts(instant)
    .find((p) => p.type === 'timeZoneName');
  return part?.value;
}

function observance(timeZone: string, transition: Transition, daylight: boolean, rrule?: string): ICAL.Component {
  const component = new ICAL.Component(daylight ? 'daylight' : 'standard');
  component.addPropertyWithValue('dtstart', icalTimeOfWall(transition.at + transition.offsetFrom));
  component.addPropertyWithValue('tzoffsetfrom', ICAL.UtcOffset.fromSeconds(transition.offsetFrom / 1000));
  component.addPropertyWithValue('tzoffsetto', ICAL.UtcOffset.fromSeconds(transition.offsetTo / 1000));
  if (rrule) component.addPropertyWithValue('rrule', ICAL.Recur.fromString(rrule));
  const name = tzName(timeZone, transition.at);
  if (name) component.addPropertyWithValue('tzname', name);
  return component;
}

/**
 * A VTIMEZONE for an IANA zone, valid from `firstYear` (the year of the first
 * event in that zone) and at least through `lastYear` — for ever when the
 * zone's rules are regular.
 */
export function buildVTimezone(timeZone: string, firstYear: number, lastYear = firstYear): ICAL.Component {
  const vtimezone = new ICAL.Component('vtimezone');
  vtimezone.addPropertyWithValue('tzid', timeZone);
  vtimezone.addPropertyWithValue('x-lic-location', timeZone);
  // Observances start the year before, so that every time of the first year follows an onset.
  const onsetYear = firstYear - 1;
  const onsets = transitionsInYear(timeZone, onsetYear);
  const checks = [transitionsInYear(timeZone, firstYear), transitionsInYear(timeZone, firstYear + 1)];
  const daylight = (t: Transition): boolean => t.offsetTo > t.offsetFrom;

  if (onsets.length === 0 && checks.every((c) => c.length === 0)) {
    vtimezone.addSubcomponent(fixedObservance(timeZone, firstYear));
    return vtimezone;
  }

  if (onsets.length === 2 && checks.every((c) => c.length === 2)) {
    const rules = onsets.map(yearlyRuleOf);
    const regular = onsets.every((t, i) => {
      const rule = rules[i];
      if (!rule) return false;
      const onsetWall = t.at + t.offsetFrom;
      const timeOfDay = onsetWall - Math.floor(onsetWall / DAY_MS) * DAY_MS;
      return checks.every((c, k) => onsetIn(firstYear + k, rule, timeOfDay, t.offsetFrom) === c[i]?.at);
    });
    if (regular) {
      onsets.forEach((t, i) => {
        const rule = rules[i];
        if (rule)
          vtimezone.addSubcomponent(
            observance(timeZone, t, daylight(t), `FREQ=YEARLY;BYMONTH=${rule.month};BYDAY=${rule.byDay}`),
          );
      });
      return vtimezone;
    }
  }

  // Irregular rules: every transition, spelled out, over the exported years.
  for (let year = onsetYear; year <= Math.max(lastYear, firstYear) + 1; year += 1) {
    for (const t of transitionsInYear(timeZone, year)) vtimezone.addSubcomponent(observance(timeZone, t, daylight(t)));
  }
  return vtimezone;
}

/** A single STANDARD observance for a zone without daylight saving time, from 1970. */
function fixedObservance(timeZone: string, year: number): ICAL.Component {
  const offset = offsetAt(timeZone, Date.UTC(year, 0, 1));
  return observance(timeZone, { at: Date.UTC(1970, 0, 1) - offset, offsetFrom: offset, offsetTo: offset }, false);
}
