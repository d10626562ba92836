import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { ValidationError, WEEKDAYS } from '@carnet/catalog-sdk';
import type {
  DataSource,
  DoseSlot,
  MedicationPlan,
  NewMedicationPlan,
  PlanValidationRule,
  Weekday,
} from '@carnet/catalog-sdk';
import { formatDateField, parseDateField } from '../shared/date-time-fields.js';
import type { CarnetLocale } from '../shared/localization.js';

/** When in the day, in the patient's words: one moment, two, three, with the meals, or exact times. */
export type WhenChoice =
  'morning' | 'noon' | 'evening' | 'bedtime' | 'morning-evening' | 'morning-noon-evening' | 'meals' | 'times';

/** Every `WhenChoice`, in the order of the select. */
export const WHEN_CHOICES: readonly WhenChoice[] = [
  'morning',
  'noon',
  'evening',
  'bedtime',
  'morning-evening',
  'morning-noon-evening',
  'meals',
  'times',
];

/** Which days: every day, every 2 or 3 days, or named weekdays. */
export type DaysChoice = 'every-day' | 'every-2-days' | 'every-3-days' | 'weekdays';

/** Every `DaysChoice`, in the order of the select. */
export const DAYS_CHOICES: readonly DaysChoice[] = ['every-day', 'every-2-days', 'every-3-days', 'weekdays'];

/** The form as typed: texts, so a half-typed number never loses what the patient wrote. */
export interface PlanDraft {
  medication: string;
  dose: string;
  doseUnit: string;
  when: WhenChoice;
  /** Exact times, « 07:00, 11:00 », for `when: 'times'`. */
  times: string;
  days: DaysChoice;
  weekdays: Weekday[];
  /** The first day as typed in the page's order (« 03/04/2027 »), read by `parseDateField`. */
  start: string;
  /** The last day as typed, or empty. */
  end: string;
  boxes: string;
  unitsPerBox: string;
  /** The prescription's renewal day as typed, or empty. */
  renewalDate: string;
  instructions: string;
}

/** Why the draft was refused: the field to fix and the rule it broke. */
export interface PlanProblem {
  field: string;
  rule: PlanValidationRule | 'save-failed';
}

const MOMENTS: Record<Exclude<WhenChoice, 'times' | 'meals'>, DoseSlot[]> = {
  morning: [{ period: 'morning' }],
  noon: [{ period: 'noon' }],
  evening: [{ period: 'evening' }],
  bedtime: [{ period: 'bedtime' }],
  'morning-evening': [{ period: 'morning' }, { period: 'evening' }],
  'morning-noon-evening': [{ period: 'morning' }, { period: 'noon' }, { period: 'evening' }],
};

const number = (text: string): number => (text.trim() === '' ? Number.NaN : Number(text.replace(',', '.')));

/** The slots of a draft's « when ». */
function slotsOf(draft: PlanDraft): DoseSlot[] {
  if (draft.when === 'meals') {
    return (['morning', 'noon', 'evening'] as const).map((period) => ({ period, withMeal: true }));
  }
  if (draft.when === 'times') {
    return draft.times
      .split(/[\s,;]+/)
      .filter(Boolean)
      .map((time) => ({ time: /^\d:\d{2}$/.test(time) ? `0${time}` : time.replace('h', ':') }));
  }
  return MOMENTS[draft.when].map((slot) => ({ ...slot }));
}

/** The draft's « when » from a plan's slots. */
function whenOf(plan: MedicationPlan): { when: WhenChoice; times: string } {
  if (plan.slots.some((slot) => slot.time !== undefined)) {
    return { when: 'times', times: plan.slots.map((slot) => slot.time ?? '').join(', ') };
  }
  if (plan.slots.length === 3 && plan.slots.every((slot) => slot.withMeal)) return { when: 'meals', times: '' };
  const periods = plan.slots.map((slot) => slot.period).join('-');
  const found = (Object.keys(MOMENTS) as (keyof typeof MOMENTS)[]).find(
    (key) => MOMENTS[key].map((slot) => slot.period).join('-') === periods,
  );
  return { when: found ?? 'morning', times: '' };
}

/** What the editor needs from the element. */
export interface PlanEditorOptions {
  source: () => DataSource | undefined;
  /** Today in the patient's zone, `YYYY-MM-DD`. */
  today: () => string;
  /** The page's language: the order its date fields are typed in. */
  locale: () => CarnetLocale;
  /** Called with the saved plan. */
  saved: (plan: MedicationPlan, change: 'created' | 'updated') => void;
}

/**
 * The treatment editor: a new plan or an existing one, in plain words (« matin et
 * soir », « 3 fois par jour aux repas », « tous les 2 jours », chosen weekdays), start
 * and end, boxes and units per box, renewal. Saves through the data source, whose
 * `ValidationError.rule` names what to fix; never closes on a refusal.
 */
export class PlanEditorController implements ReactiveController {
  #draft: PlanDraft | undefined;
  #editing: MedicationPlan | undefined;
  #problem: PlanProblem | undefined;
  #saving = false;

  private readonly host: ReactiveControllerHost;
  private readonly options: PlanEditorOptions;

  constructor(host: ReactiveControllerHost, options: PlanEditorOptions) {
    this.host = host;
    this.options = options;
    host.addController(this);
  }

  hostConnected(): void {}

  hostDisconnected(): void {
    this.#draft = undefined;
  }

  /** The form; undefined when the editor is closed. */
  get draft(): Readonly<PlanDraft> | undefined {
    return this.#draft;
  }
  /** The plan being changed; undefined for a new treatment. */
  get editing(): MedicationPlan | undefined {
    return this.#editing;
  }
  get problem(): PlanProblem | undefined {
    return this.#problem;
  }
  get saving(): boolean {
    return this.#saving;
  }

  /** Opens the editor on an empty treatment starting today. */
  openNew(): void {
    this.#editing = undefined;
    this.#draft = {
      medication: '',
      dose: '1',
      doseUnit: 'comprimé',
      when: 'morning',
      times: '',
      days: 'every-day',
      weekdays: [],
      start: formatDateField(this.options.today(), this.options.locale()),
      end: '',
      boxes: '',
      unitsPerBox: '',
      renewalDate: '',
      instructions: '',
    };
    this.#problem = undefined;
    this.host.requestUpdate();
  }

  /** Opens the editor on an existing treatment. */
  openEdit(plan: MedicationPlan): void {
    this.#editing = plan;
    const days: DaysChoice =
      (plan.daysOfWeek?.length ?? 0) > 0
        ? 'weekdays'
        : plan.everyDays === 2
          ? 'every-2-days'
          : plan.everyDays === 3
            ? 'every-3-days'
            : 'every-day';
    this.#draft = {
      medication: plan.medication.display,
      dose: String(plan.dose),
      doseUnit: plan.doseUnit,
      ...whenOf(plan),
      days,
      weekdays: [...(plan.daysOfWeek ?? [])],
      start: formatDateField(plan.start, this.options.locale()),
      end: plan.end === undefined ? '' : formatDateField(plan.end, this.options.locale()),
      boxes: '',
      unitsPerBox: plan.stock?.unitsPerBox === undefined ? '' : String(plan.stock.unitsPerBox),
      renewalDate: plan.renewalDate === undefined ? '' : formatDateField(plan.renewalDate, this.options.locale()),
      instructions: plan.instructions ?? '',
    };
    this.#problem = undefined;
    this.host.requestUpdate();
  }

  close(): void {
    if (!this.#draft) return;
    this.#draft = undefined;
    this.#editing = undefined;
    this.host.requestUpdate();
  }

  /** Changes one field as the patient types or chooses. */
  set<K extends Exclude<keyof PlanDraft, 'weekdays'>>(field: K, value: PlanDraft[K]): void {
    if (!this.#draft) return;
    this.#draft = { ...this.#draft, [field]: value };
    this.host.requestUpdate();
  }

  /** Checks or unchecks one weekday. */
  toggleWeekday(day: Weekday): void {
    if (!this.#draft) return;
    const days = new Set(this.#draft.weekdays);
    if (days.has(day)) days.delete(day);
    else days.add(day);
    this.#draft = { ...this.#draft, weekdays: WEEKDAYS.filter((d) => days.has(d)) };
    this.host.requestUpdate();
  }

  /** The plan the draft describes, as the data source will check it; undefined when there is no draft. */
  planOfDraft(): NewMedicationPlan | undefined {
    const draft = this.#draft;
    if (!draft) return undefined;
    // A day that cannot be read stays as typed: the data source refuses it (`date-invalid`).
    const day = (typed: string): string => this.readDay(typed) ?? typed;
    const plan: NewMedicationPlan = {
      ...(this.#editing ?? {}),
      medication: { display: draft.medication },
      dose: number(draft.dose),
      doseUnit: draft.doseUnit,
      slots: slotsOf(draft),
      start: day(draft.start),
    };
    delete plan.daysOfWeek;
    delete plan.everyDays;
    delete plan.end;
    delete plan.renewalDate;
    delete plan.instructions;
    if (draft.days === 'weekdays') plan.daysOfWeek = [...draft.weekdays];
    if (draft.days === 'every-2-days') plan.everyDays = 2;
    if (draft.days === 'every-3-days') plan.everyDays = 3;
    if (draft.end.trim() !== '') plan.end = day(draft.end);
    if (draft.renewalDate.trim() !== '') plan.renewalDate = day(draft.renewalDate);
    if (draft.instructions.trim() !== '') plan.instructions = draft.instructions;
    const perBox = draft.unitsPerBox.trim() === '' ? undefined : number(draft.unitsPerBox);
    if (this.#editing?.stock) {
      plan.stock = { ...this.#editing.stock, unit: draft.doseUnit };
      if (perBox === undefined) delete plan.stock.unitsPerBox;
      else plan.stock.unitsPerBox = perBox;
    } else if (draft.boxes.trim() !== '' || perBox !== undefined) {
      const boxes = draft.boxes.trim() === '' ? 1 : number(draft.boxes);
      plan.stock = {
        dispensed: boxes * (perBox ?? Number.NaN),
        unit: draft.doseUnit,
        dispensedOn: this.options.today(),
        ...(perBox === undefined ? {} : { unitsPerBox: perBox }),
      };
    }
    return plan;
  }

  /** The day `typed` in the page's order, `YYYY-MM-DD`; undefined when it is not a real day (31/02). */
  readDay(typed: string): string | undefined {
    return parseDateField(typed, this.options.locale());
  }

  /** The first date field that cannot be read (empty start, incomplete or impossible day), if any. */
  private unreadableDate(): 'start' | 'end' | 'renewalDate' | undefined {
    const draft = this.#draft;
    if (!draft) return undefined;
    return (['start', 'end', 'renewalDate'] as const).find((name) => {
      const typed = draft[name].trim();
      return name === 'start' || typed !== '' ? this.readDay(typed) === undefined : false;
    });
  }

  /** Saves the draft; on a refusal keeps the editor open with the rule to fix. */
  async save(): Promise<void> {
    const source = this.options.source();
    const plan = this.planOfDraft();
    if (!source || !plan || this.#saving) return;
    const unreadable = this.unreadableDate();
    if (unreadable) {
      this.#problem = { field: unreadable, rule: 'date-invalid' };
      this.host.requestUpdate();
      return;
    }
    if (this.#draft?.days === 'weekdays' && this.#draft.weekdays.length === 0) {
      this.#problem = { field: 'daysOfWeek', rule: 'weekday-invalid' };
      this.host.requestUpdate();
      return;
    }
    this.#saving = true;
    this.#problem = undefined;
    this.host.requestUpdate();
    try {
      const editing = this.#editing;
      const saved = editing
        ? await source.medications.updatePlan({ ...plan, id: editing.id, version: editing.version } as MedicationPlan)
        : await source.medications.createPlan(plan);
      this.#draft = undefined;
      this.#editing = undefined;
      this.options.saved(saved, editing ? 'updated' : 'created');
    } catch (error) {
      this.#problem =
        error instanceof ValidationError
          ? { field: error.field, rule: error.rule ?? 'save-failed' }
          : { field: '', rule: 'save-failed' };
    } finally {
      this.#saving = false;
      this.host.requestUpdate();
    }
  }
}
