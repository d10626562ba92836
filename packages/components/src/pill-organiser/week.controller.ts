import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { Task, TaskStatus, initialState } from '@lit/task';
import { DEFAULT_TIME_ZONE, computeAdherence, computeStock, doseKey, medicationReminders } from '@carnet/catalog-sdk';
import type {
  AdherenceReport,
  AgendaEvent,
  DataSource,
  IntakeRecord,
  IsoDate,
  MealTimes,
  MedicationPlan,
  MedicationReminder,
  StockStatus,
} from '@carnet/catalog-sdk';
import { dialysisDays } from './dialysis-days.js';
import { addDays, localDateOf, mondayOf, startOfLocalDay } from './organiser-calendar.js';
import type { OrganiserPreset } from './presets.js';
import { plansUnderPreset } from './presets.js';
import { buildWeekGrid, intakesByDose } from './week-grid.model.js';
import type { WeekGrid } from './week-grid.model.js';

/** What the week depends on, read from the element at every update. */
export interface OrganiserSettings {
  source: DataSource | undefined;
  /** Bumped when the cached record changed underneath (connected mode): read again. */
  revision?: number;
  /** The instant the organiser treats as now. */
  now: Date;
  /** True when `now` follows the clock (no fixed `now` was given). */
  liveClock: boolean;
  mealTimes: Partial<MealTimes> | undefined;
  preset: OrganiserPreset;
}

/** Windows of the adherence summary, in days. */
export type AdherenceWindow = 7 | 30;

/** Everything the organiser shows once the record is loaded. */
export interface OrganiserView {
  grid: WeekGrid;
  /** Zone of the grid's days (the first plan's zone). */
  timeZone: string;
  /** Plans as the preset reads them (tolerance filled in), in the record's order. */
  plans: MedicationPlan[];
  dialysisDays: ReadonlySet<IsoDate>;
  /** Stock of each plan that records one, by plan id. */
  stock: ReadonlyMap<string, StockStatus>;
  /** The same low-stock and renewal reminders `<carnet-agenda>` shows. */
  reminders: MedicationReminder[];
  adherence: Readonly<Record<AdherenceWindow, AdherenceReport>>;
}

/** What one load reads from the record. */
interface LoadedWeek {
  plans: MedicationPlan[];
  events: AgendaEvent[];
  monday: IsoDate;
  timeZone: string;
}

const ADHERENCE_DAYS = 30;
// A clock left running re-renders states (« à prendre » becoming « manquée ») once a minute.
const CLOCK_TICK_MS = 60_000;

/** First instant whose intakes the organiser needs: the week, 30 days of adherence, and the stock since dispensing. */
function intakesFrom(plans: readonly MedicationPlan[], monday: IsoDate, today: IsoDate, timeZone: string): Date {
  const dates = [monday, addDays(today, -(ADHERENCE_DAYS - 1))];
  for (const plan of plans) if (plan.stock?.dispensedOn) dates.push(plan.stock.dispensedOn);
  const earliest = dates.filter((date) => /^\d{4}-\d{2}-\d{2}$/.test(date)).sort()[0] ?? monday;
  return startOfLocalDay(earliest, timeZone);
}

/**
 * The week the pill organiser shows: which week (navigation), loading plans and
 * intakes through the data source, the intake records as the patient changes
 * them, and everything derived from them through the SDK (doses, states,
 * adherence, stock, reminders).
 */
export class WeekController implements ReactiveController {
  /** Monday of the week chosen by navigation; undefined follows today. */
  private chosenMonday: IsoDate | undefined;
  private reloads = 0;
  /** Records by `doseKey`, as loaded then as saved by the patient. */
  private intakes = new Map<string, IntakeRecord>();
  private revision = 0;
  private cached?: { key: string; loaded: LoadedWeek; view: OrganiserView };
  private clock?: ReturnType<typeof setInterval>;
  private readonly host: ReactiveControllerHost;
  private readonly settings: () => OrganiserSettings;

  /** The load of plans, intakes and (for dialysis days) agenda events. */
  readonly task: Task<
    readonly [DataSource | undefined, IsoDate | undefined, IsoDate, boolean, number, number],
    LoadedWeek
  >;

  constructor(host: ReactiveControllerHost, settings: () => OrganiserSettings) {
    this.host = host;
    this.settings = settings;
    host.addController(this);
    this.task = new Task(this.host, {
      task: ([source, monday, , withAgenda], { signal }) =>
        source ? this.load(source, monday, withAgenda, signal) : initialState,
      args: () => {
        const { source, now, preset, revision } = this.settings();
        return [
          source,
          this.chosenMonday,
          now.toISOString().slice(0, 10),
          preset.dialysisDays,
          this.reloads,
          revision ?? 0,
        ] as const;
      },
    });
  }

  hostConnected(): void {
    this.clock = setInterval(() => {
      if (this.settings().liveClock) this.host.requestUpdate();
    }, CLOCK_TICK_MS);
  }

  hostDisconnected(): void {
    clearInterval(this.clock);
    this.clock = undefined;
  }

  /** True while a (re)load runs. */
  get loading(): boolean {
    return this.task.status === TaskStatus.PENDING || this.task.status === TaskStatus.INITIAL;
  }

  /** Shows the week before the one shown. */
  showPreviousWeek(): void {
    this.moveWeek(-7);
  }

  /** Shows the week after the one shown. */
  showNextWeek(): void {
    this.moveWeek(7);
  }

  /** Shows the week holding today. */
  showThisWeek(): void {
    this.chosenMonday = undefined;
    this.host.requestUpdate();
  }

  /** Reads the record again (after a conflict, or Retry). */
  reload(): Promise<void> {
    this.reloads += 1;
    this.host.requestUpdate();
    return this.task.run();
  }

  /** The record of a dose, as currently known. */
  recordOf(planId: string, scheduledAt: string): IntakeRecord | undefined {
    return this.intakes.get(doseKey(planId, scheduledAt));
  }

  /** Takes a saved record into account (recorded or changed). */
  recordSaved(record: IntakeRecord): void {
    this.intakes.set(doseKey(record.planId, record.scheduledAt), record);
    this.changed();
  }

  /** Forgets a record the patient undid. */
  recordRemoved(record: IntakeRecord): void {
    this.intakes.delete(doseKey(record.planId, record.scheduledAt));
    this.changed();
  }

  /** Everything to show, or undefined before the first load completes. */
  view(): OrganiserView | undefined {
    const loaded = this.task.value;
    if (!loaded) return undefined;
    const { now, mealTimes, preset } = this.settings();
    const key = [this.revision, now.getTime(), JSON.stringify(mealTimes ?? {}), JSON.stringify(preset)].join('|');
    if (this.cached?.key === key && this.cached.loaded === loaded) return this.cached.view;
    const view = this.derive(loaded, now, mealTimes, preset);
    this.cached = { key, loaded, view };
    return view;
  }

  private moveWeek(days: number): void {
    const shown =
      this.chosenMonday ?? this.task.value?.monday ?? mondayOf(localDateOf(this.settings().now, DEFAULT_TIME_ZONE));
    this.chosenMonday = addDays(shown, days);
    this.host.requestUpdate();
  }

  private changed(): void {
    this.revision += 1;
    this.host.requestUpdate();
  }

  private async load(
    source: DataSource,
    monday: IsoDate | undefined,
    withAgenda: boolean,
    signal: AbortSignal,
  ): Promise<LoadedWeek> {
    const { now } = this.settings();
    const [plans, events] = await Promise.all([
      source.medications.listPlans({ signal }),
      withAgenda ? source.agenda.list({ signal }) : Promise.resolve([]),
    ]);
    const timeZone = plans[0]?.timeZone ?? DEFAULT_TIME_ZONE;
    const today = localDateOf(now, timeZone);
    const shownMonday = monday ?? mondayOf(today);
    const weekEnd = startOfLocalDay(addDays(shownMonday, 7), timeZone).getTime();
    const to = new Date(Math.max(weekEnd, now.getTime() + 1));
    const intakes =
      plans.length === 0
        ? []
        : await source.medications.listIntakes({
            from: intakesFrom(plans, shownMonday, today, timeZone).toISOString(),
            to: to.toISOString(),
          });
    signal.throwIfAborted();
    this.intakes = intakesByDose(intakes);
    this.revision += 1;
    return { plans, events, monday: shownMonday, timeZone };
  }

  private derive(
    loaded: LoadedWeek,
    now: Date,
    mealTimes: Partial<MealTimes> | undefined,
    preset: OrganiserPreset,
  ): OrganiserView {
    const plans = plansUnderPreset(loaded.plans, preset);
    const records = [...this.intakes.values()];
    const grid = buildWeekGrid({
      plans,
      intakes: this.intakes,
      monday: loaded.monday,
      now,
      timeZone: loaded.timeZone,
      preset,
      mealTimes,
    });
    const stock = new Map<string, StockStatus>();
    for (const plan of loaded.plans) {
      const status = computeStock(plan, records, { now, mealTimes });
      if (status) stock.set(plan.id, status);
    }
    const adherence = (days: AdherenceWindow): AdherenceReport =>
      computeAdherence(plans, records, { now, days, mealTimes, timeZone: loaded.timeZone });
    return {
      grid,
      timeZone: loaded.timeZone,
      plans,
      dialysisDays: preset.dialysisDays
        ? dialysisDays(loaded.events, loaded.plans, grid.days, loaded.timeZone)
        : new Set(),
      stock,
      // The agenda asks the SDK the same question with the plans as recorded: same reminders.
      reminders: medicationReminders(loaded.plans, records, { now, mealTimes }),
      adherence: { 7: adherence(7), 30: adherence(ADHERENCE_DAYS) },
    };
  }
}
