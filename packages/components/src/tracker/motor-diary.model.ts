/** The Parkinson's motor diary of one day, shaped for the view: pure, testable without a DOM. */
import {
  MOTOR_SLOT_MINUTES,
  motorDayRange,
  motorSlots,
  summariseMotorDay,
  type MeasurementRange,
  type MotorDaySummary,
  type MotorState,
  type MotorStateEntry,
  type ScheduledDose,
} from '@carnet/catalog-sdk';

/** One half-hour slot as shown. */
export interface DiarySlotView {
  start: string;
  end: string;
  state?: MotorState;
  /** Doses of the pill organiser due in this half-hour. */
  doses: ScheduledDose[];
}

/** A row of the diary: the slots of one hour. */
export interface DiaryHourView {
  start: string;
  slots: DiarySlotView[];
}

/** One day of the week summary. */
export interface DiaryWeekRow {
  day: Date;
  summary: MotorDaySummary;
}

/** Everything the diary shows for a day. */
export interface MotorDiaryView {
  day: Date;
  range: MeasurementRange;
  hours: DiaryHourView[];
  slots: DiarySlotView[];
  summary: MotorDaySummary;
  /** The seven days ending on `day`, oldest first. */
  week: DiaryWeekRow[];
  /** The day's doses, in time order. */
  doses: ScheduledDose[];
  isToday: boolean;
}

/** What the view is built from. */
export interface MotorDiaryInput {
  /** Any instant of the day shown (device zone). */
  day: Date;
  /** The states noted, by slot start (ISO), over at least the week ending on `day`. */
  states: ReadonlyMap<string, MotorState>;
  doses: readonly ScheduledDose[];
  now: Date;
}

const SLOT_MS = MOTOR_SLOT_MINUTES * 60_000;

function entriesOf(states: ReadonlyMap<string, MotorState>): MotorStateEntry[] {
  return [...states].map(([at, state]) => ({
    id: at,
    version: '',
    at,
    end: new Date(Date.parse(at) + SLOT_MS).toISOString(),
    state,
    origin: 'entered',
  }));
}

/** The day before or after (`offset` days), at local midnight. */
export function shiftDay(day: Date, offset: number): Date {
  return new Date(day.getFullYear(), day.getMonth(), day.getDate() + offset);
}

/** Builds the day: slots by hour with their states and doses, the day's summary and the week's. */
export function motorDiaryView(input: MotorDiaryInput): MotorDiaryView {
  const day = shiftDay(input.day, 0);
  const range = motorDayRange(day);
  const entries = entriesOf(input.states);
  const doses = [...input.doses]
    .filter((dose) => dose.scheduledAt >= range.from && dose.scheduledAt < range.to)
    .sort((a, b) => (a.scheduledAt < b.scheduledAt ? -1 : a.scheduledAt > b.scheduledAt ? 1 : 0));
  const slots: DiarySlotView[] = motorSlots(range).map((slot) => {
    const state = input.states.get(slot.start);
    return {
      ...slot,
      ...(state === undefined ? {} : { state }),
      doses: doses.filter(
        (dose) =>
          Date.parse(dose.scheduledAt) >= Date.parse(slot.start) && Date.parse(dose.scheduledAt) < Date.parse(slot.end),
      ),
    };
  });
  const hours: DiaryHourView[] = [];
  for (const slot of slots) {
    const hourKey = new Date(slot.start);
    hourKey.setMinutes(0, 0, 0);
    const start = hourKey.toISOString();
    const last = hours[hours.length - 1];
    if (last && last.start === start) last.slots.push(slot);
    else hours.push({ start, slots: [slot] });
  }
  const week = Array.from({ length: 7 }, (_, index) => {
    const weekDay = shiftDay(day, index - 6);
    return { day: weekDay, summary: summariseMotorDay(entries, motorDayRange(weekDay)) };
  });
  return {
    day,
    range,
    hours,
    slots,
    summary: summariseMotorDay(entries, range),
    week,
    doses,
    isToday: motorDayRange(input.now).from === range.from,
  };
}
