import type { ReactiveController, ReactiveControllerHost } from 'lit';
import {
  GLUCOSE_LIMITS_MG_PER_DL,
  toMgPerDl,
  type DataSource,
  type GlucoseReading,
  type GlucoseUnit,
  type MealContext,
} from '@carnet/catalog-sdk';
import { formatDateField, parseDateField, parseTimeField } from '../shared/date-time-fields.js';
import type { CarnetLocale } from '../shared/localization.js';
import { deviceInstant } from './entry-time.js';

/** Why the entry form refused what was typed. */
export type GlucoseEntryProblem = 'value-missing' | 'value-invalid' | 'value-implausible' | 'date' | 'time' | 'save';

/** What the entry controller needs from its element. */
export interface GlucoseEntryHost {
  source(): DataSource | undefined;
  unit(): GlucoseUnit;
  locale(): CarnetLocale;
  now(): Date;
  saved(reading: GlucoseReading): void;
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

/**
 * The « Noter une glycémie » dialog: open with the value field focused and the
 * moment set to now, a meal context chosen with one tap, Enter saves.
 */
export class GlucoseEntryController implements ReactiveController {
  /** True while the dialog is open. */
  get isOpen(): boolean {
    return this.#open;
  }
  /** The meal context chosen (none by default). */
  get mealContext(): MealContext | undefined {
    return this.#mealContext;
  }
  /** The day and time shown in the form, as the locale writes them. */
  get day(): string {
    return this.#day;
  }
  get time(): string {
    return this.#time;
  }
  /** What is wrong with the last submit, if anything. */
  get problem(): GlucoseEntryProblem | undefined {
    return this.#problem;
  }
  /** True while saving. */
  get saving(): boolean {
    return this.#saving;
  }

  #open = false;
  #mealContext: MealContext | undefined;
  #day = '';
  #time = '';
  #problem: GlucoseEntryProblem | undefined;
  #saving = false;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: GlucoseEntryHost,
  ) {
    host.addController(this);
  }

  hostConnected(): void {}

  /** Opens an empty form set to now. */
  open(): void {
    const now = this.options.now();
    this.#open = true;
    this.#mealContext = undefined;
    this.#problem = undefined;
    this.#day = formatDateField(
      `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`,
      this.options.locale(),
    );
    this.#time = `${pad(now.getHours())}:${pad(now.getMinutes())}`;
    this.host.requestUpdate();
  }

  /** Closes without saving. */
  close(): void {
    this.#open = false;
    this.host.requestUpdate();
  }

  /** Chooses a meal context; choosing it again clears it. */
  chooseMealContext(context: MealContext): void {
    this.#mealContext = this.#mealContext === context ? undefined : context;
    this.host.requestUpdate();
  }

  /** Reads the form and saves; resolves to false (the problem set) when something is wrong. */
  async submit(form: HTMLFormElement): Promise<boolean> {
    if (this.#saving) return false;
    const data = new FormData(form);
    const locale = this.options.locale();
    const unit = this.options.unit();
    this.#day = String(data.get('day') ?? '');
    this.#time = String(data.get('time') ?? '');
    const typed = String(data.get('value') ?? '')
      .trim()
      .replace(',', '.');
    const value = Number(typed);
    const day = parseDateField(this.#day, locale);
    const time = parseTimeField(this.#time, locale);
    let problem: GlucoseEntryProblem | undefined;
    if (typed === '') problem = 'value-missing';
    else if (!/^\d+(\.\d+)?$/.test(typed) || !Number.isFinite(value)) problem = 'value-invalid';
    else {
      const mgPerDl = toMgPerDl(value, unit);
      if (mgPerDl < GLUCOSE_LIMITS_MG_PER_DL.min || mgPerDl > GLUCOSE_LIMITS_MG_PER_DL.max)
        problem = 'value-implausible';
      else if (!day) problem = 'date';
      else if (!time) problem = 'time';
    }
    const source = this.options.source();
    if (problem || !day || !time || !source?.trackers) {
      this.#problem = problem ?? 'save';
      this.host.requestUpdate();
      return false;
    }
    const at = deviceInstant(day, time);
    this.#saving = true;
    this.#problem = undefined;
    this.host.requestUpdate();
    try {
      const reading = await source.trackers.add('glucose', {
        at,
        value,
        unit,
        ...(this.#mealContext ? { mealContext: this.#mealContext } : {}),
      });
      this.#open = false;
      this.options.saved(reading);
      return true;
    } catch {
      this.#problem = 'save';
      return false;
    } finally {
      this.#saving = false;
      this.host.requestUpdate();
    }
  }
}
