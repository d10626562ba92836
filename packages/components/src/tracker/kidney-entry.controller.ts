import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { DataSource, DialysisMoment, DialysisSession } from '@carnet/catalog-sdk';
import { formatDateField, parseDateField, parseTimeField } from '../shared/date-time-fields.js';
import type { CarnetLocale } from '../shared/localization.js';
import { deviceInstant } from './entry-time.js';

/** Why the kidney entry form refused what was typed. */
export type KidneyEntryProblem = 'nothing' | 'weight' | 'pressure' | 'date' | 'time' | 'save';

/** What the entry controller needs from its element. */
export interface KidneyEntryHost {
  source(): DataSource | undefined;
  locale(): CarnetLocale;
  now(): Date;
  saved(what: { weight: boolean; pressure: boolean; ids: string[] }): void;
}

const pad = (value: number): string => String(value).padStart(2, '0');

/**
 * The « Noter mon poids » dialog: the weight first (focused), before or after
 * the session as large buttons, the session from the agenda, an optional blood
 * pressure; Enter saves.
 */
export class KidneyEntryController implements ReactiveController {
  #open = false;
  #moment: DialysisMoment | undefined;
  #session = '';
  #sessions: DialysisSession[] = [];
  #day = '';
  #time = '';
  #problem: KidneyEntryProblem | undefined;
  #saving = false;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: KidneyEntryHost,
  ) {
    host.addController(this);
  }

  hostConnected(): void {}

  get isOpen(): boolean {
    return this.#open;
  }
  get moment(): DialysisMoment | undefined {
    return this.#moment;
  }
  /** Start of the session chosen (`''`: none). */
  get session(): string {
    return this.#session;
  }
  /** Sessions offered: those of the last week and the coming day, most recent first. */
  get sessions(): readonly DialysisSession[] {
    return this.#sessions;
  }
  get day(): string {
    return this.#day;
  }
  get time(): string {
    return this.#time;
  }
  get problem(): KidneyEntryProblem | undefined {
    return this.#problem;
  }
  get saving(): boolean {
    return this.#saving;
  }

  /** Opens the form set to now and to the session nearest now. */
  open(sessions: readonly DialysisSession[]): void {
    const now = this.options.now();
    const soon = now.getTime() + 12 * 3_600_000;
    const weekAgo = now.getTime() - 7 * 86_400_000;
    this.#sessions = sessions
      .filter((session) => Date.parse(session.start) <= soon && Date.parse(session.start) >= weekAgo)
      .reverse();
    const current = this.#sessions[0];
    this.#session = current?.start ?? '';
    this.#moment = current
      ? now.getTime() < Date.parse(current.start) + 3_600_000
        ? 'before-dialysis'
        : 'after-dialysis'
      : undefined;
    this.#problem = undefined;
    this.#day = formatDateField(
      `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`,
      this.options.locale(),
    );
    this.#time = `${pad(now.getHours())}:${pad(now.getMinutes())}`;
    this.#open = true;
    this.host.requestUpdate();
  }

  close(): void {
    this.#open = false;
    this.host.requestUpdate();
  }

  chooseMoment(moment: DialysisMoment): void {
    this.#moment = moment;
    this.host.requestUpdate();
  }

  chooseSession(start: string): void {
    this.#session = start;
    this.host.requestUpdate();
  }

  /** Reads the form and saves the weight and/or the blood pressure. */
  async submit(form: HTMLFormElement): Promise<boolean> {
    if (this.#saving) return false;
    const data = new FormData(form);
    const locale = this.options.locale();
    const read = (name: string): string =>
      String(data.get(name) ?? '')
        .trim()
        .replace(',', '.');
    this.#day = String(data.get('day') ?? '');
    this.#time = String(data.get('time') ?? '');
    this.#session = String(data.get('session') ?? '');
    const kgText = read('kg');
    const systolicText = read('systolic');
    const diastolicText = read('diastolic');
    const number = (text: string): number => (/^\d+(\.\d+)?$/.test(text) ? Number(text) : Number.NaN);
    const kg = number(kgText);
    const systolic = number(systolicText);
    const diastolic = number(diastolicText);
    const day = parseDateField(this.#day, locale);
    const time = parseTimeField(this.#time, locale);
    let problem: KidneyEntryProblem | undefined;
    const hasPressure = systolicText !== '' || diastolicText !== '';
    if (kgText === '' && !hasPressure) problem = 'nothing';
    else if (kgText !== '' && !(kg >= 20 && kg <= 300)) problem = 'weight';
    else if (hasPressure && !(systolic >= 50 && systolic <= 300 && diastolic >= 20 && diastolic < systolic))
      problem = 'pressure';
    else if (!day) problem = 'date';
    else if (!time) problem = 'time';
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
      const ids: string[] = [];
      if (kgText !== '') {
        const weight = await source.trackers.add('weight', {
          at,
          kg,
          ...(this.#session && this.#moment ? { session: this.#session, moment: this.#moment } : {}),
        });
        ids.push(weight.id);
      }
      if (hasPressure) ids.push((await source.trackers.add('bloodPressure', { at, systolic, diastolic })).id);
      this.#open = false;
      this.options.saved({ weight: kgText !== '', pressure: hasPressure, ids });
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
