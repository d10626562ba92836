/**
 * The week grid as data: seven days, rows (moments of the day or exact times)
 * and the doses in each cell with their state. Pure, so it is tested without a DOM.
 */
import { DAY_PERIODS, doseKey, periodTime, resolveMealTimes, scheduledDoses } from '@carnet/catalog-sdk';
import type { DayPeriod, IntakeRecord, IsoDate, MealTimes, MedicationPlan, ScheduledDose } from '@carnet/catalog-sdk';
import { addDays, localDateOf, startOfLocalDay, weekDays } from './organiser-calendar.js';
import { doseOutcome, toleranceMinutesOf } from './dose-state.js';
import type { DoseState } from './dose-state.js';
import type { OrganiserPreset } from './presets.js';

/** One dose in the grid, with what the patient recorded for it. */
export interface GridDose {
  /** `doseKey(planId, scheduledAt)`. */
  key: string;
  dose: ScheduledDose;
  plan: MedicationPlan;
  record: IntakeRecord | undefined;
  state: DoseState;
  /** Minutes late, for doses taken late. */
  minutesLate?: number;
  /** Local date of the dose in the grid's zone. */
  date: IsoDate;
  /** Wall-clock `HH:mm` of the dose in its plan's zone. */
  time: string;
}

/** One row of the grid: a moment of the day, or an exact time. */
export interface GridRow {
  /** `period:morning` or `time:07:00`. */
  key: string;
  period?: DayPeriod;
  /** `HH:mm` of an exact-time row, or the meal time of a moment row. */
  time: string;
  /** True for a row of one prescribed exact time. */
  exact: boolean;
  /** Doses of each day of the week, Monday first. */
  cells: GridDose[][];
}

/** The week as the grid shows it. */
export interface WeekGrid {
  /** The seven days, Monday first. */
  days: IsoDate[];
  today: IsoDate;
  rows: GridRow[];
  /** Every dose of the week, in time order. */
  doses: GridDose[];
}

/** What the week grid is built from. */
export interface WeekGridInput {
  plans: readonly MedicationPlan[];
  /** Records by `doseKey`. */
  intakes: ReadonlyMap<string, IntakeRecord>;
  monday: IsoDate;
  now: Date;
  timeZone: string;
  preset: OrganiserPreset;
  mealTimes?: Partial<MealTimes>;
}

const minutesOf = (time: string): number => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

/** Records by dose identity, so a dose finds its record whatever the instant's spelling. */
export function intakesByDose(records: readonly IntakeRecord[]): Map<string, IntakeRecord> {
  return new Map(records.map((record) => [doseKey(record.planId, record.scheduledAt), record]));
}

/** Builds the week: doses from the SDK's `scheduledDoses`, their states, rows and cells. */
export function buildWeekGrid(input: WeekGridInput): WeekGrid {
  const { plans, intakes, monday, now, timeZone, preset } = input;
  const days = weekDays(monday);
  const meals = resolveMealTimes(input.mealTimes);
  const planById = new Map(plans.map((plan) => [plan.id, plan]));
  const range = { start: startOfLocalDay(monday, timeZone), end: startOfLocalDay(addDays(monday, 7), timeZone) };
  const doses: GridDose[] = [];
  for (const dose of scheduledDoses(plans, range, { mealTimes: input.mealTimes })) {
    const plan = planById.get(dose.planId);
    if (!plan) continue;
    const record = intakes.get(dose.key);
    const outcome = doseOutcome(dose, record, toleranceMinutesOf(plan), now);
    doses.push({
      key: dose.key,
      dose,
      plan,
      record,
      ...outcome,
      date: localDateOf(new Date(dose.scheduledAt), timeZone),
      time: dose.localTime.slice(11, 16),
    });
  }

  const rows = new Map<string, GridRow>();
  const rowOf = (key: string, make: () => Omit<GridRow, 'cells' | 'key'>): GridRow => {
    let row = rows.get(key);
    if (!row) {
      row = { key, ...make(), cells: days.map(() => []) };
      rows.set(key, row);
    }
    return row;
  };
  // The four moments are always there in moment mode, so a printed chart keeps its shape.
  if (preset.rows === 'periods') {
    for (const period of DAY_PERIODS)
      rowOf(`period:${period}`, () => ({ period, time: periodTime(period, meals), exact: false }));
  }
  for (const entry of doses) {
    const exact = preset.rows === 'exact-times' && entry.dose.slot.time !== undefined;
    const period = entry.dose.period;
    const row = exact
      ? rowOf(`time:${entry.time}`, () => ({ period, time: entry.time, exact: true }))
      : rowOf(`period:${period}`, () => ({ period, time: periodTime(period, meals), exact: false }));
    row.cells[days.indexOf(entry.date)]?.push(entry);
  }
  const sorted = [...rows.values()].sort((a, b) => minutesOf(a.time) - minutesOf(b.time) || (a.exact ? -1 : 1));
  return { days, today: localDateOf(now, timeZone), rows: sorted, doses };
}

/** Where a dose sits in the week table: its day's column and its place down that column. */
interface GridPlace {
  key: string;
  column: number;
  row: number;
  /** Row, then position in the cell: the order down a column. */
  order: number;
}

function placesOf(grid: WeekGrid): GridPlace[] {
  const places: GridPlace[] = [];
  grid.rows.forEach((row, rowIndex) =>
    row.cells.forEach((cell, column) =>
      cell.forEach((entry, position) =>
        places.push({ key: entry.key, column, row: rowIndex, order: rowIndex * 1000 + position }),
      ),
    ),
  );
  return places;
}

/** The grid's tab stop when the week opens: today's next dose to take, else today's first, else the week's first. */
export function firstGridDose(grid: WeekGrid): string | undefined {
  const places = placesOf(grid).sort((a, b) => a.column - b.column || a.order - b.order);
  // The dose a person comes for: today's next one to take, else today's first, else the week's first.
  const byKey = new Map(grid.doses.map((entry) => [entry.key, entry]));
  const today = places.filter((place) => byKey.get(place.key)?.date === grid.today);
  const next = today.find((place) => byKey.get(place.key)?.state === 'to-take');
  return (next ?? today[0] ?? places[0])?.key;
}

/**
 * Where a key leads from the dose `from` in the week table (ARIA grid keys):
 * Up/Down along the day's column, Left/Right to the nearest dose of the
 * previous/next day that has one, Home/End to the ends of the row, Ctrl+Home/End
 * to the first and last dose of the week.
 */
export function weekGridTarget(
  grid: WeekGrid,
  from: string,
  event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey'>,
): string | undefined {
  const places = placesOf(grid);
  const here = places.find((place) => place.key === from);
  if (!here) return undefined;
  const byPosition = (a: GridPlace, b: GridPlace): number => a.column - b.column || a.order - b.order;
  const column = places.filter((place) => place.column === here.column).sort((a, b) => a.order - b.order);
  const index = column.indexOf(here);
  const control = event.ctrlKey || event.metaKey;
  switch (event.key) {
    case 'ArrowDown':
      return (column[index + 1] ?? here).key;
    case 'ArrowUp':
      return (column[index - 1] ?? here).key;
    case 'ArrowRight':
    case 'ArrowLeft': {
      const step = event.key === 'ArrowRight' ? 1 : -1;
      for (let day = here.column + step; day >= 0 && day < grid.days.length; day += step) {
        const candidates = places.filter((place) => place.column === day);
        if (candidates.length === 0) continue;
        const nearest = candidates.reduce((best, place) =>
          Math.abs(place.order - here.order) < Math.abs(best.order - here.order) ? place : best,
        );
        return nearest.key;
      }
      return here.key;
    }
    case 'Home':
    case 'End': {
      const pool = (control ? places : places.filter((place) => place.row === here.row)).sort(byPosition);
      return (event.key === 'Home' ? pool[0] : pool[pool.length - 1])?.key;
    }
    default:
      return undefined;
  }
}
