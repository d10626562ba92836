import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { IsoDate } from '@carnet/catalog-sdk';
import { addDays, addMonths, daysFrom, endOfMonth, startOfMonth, startOfWeek } from './agenda-dates.js';
import type { AgendaFormat } from './agenda-format.js';
import { buildLayout } from './agenda-layout.js';
import type { AgendaData, AgendaLayout } from './agenda-layout.js';
import { medicationReminders } from '@carnet/catalog-sdk';
import type { MedicationReminder } from '@carnet/catalog-sdk';
import { upcomingReminders } from './upcoming-reminders.js';
import type { UpcomingReminders } from './upcoming-reminders.js';

/** The agenda's views. */
export type AgendaView = 'month' | 'week' | 'list';

/** All views, in the order of the view switcher. */
export const AGENDA_VIEWS: readonly AgendaView[] = ['month', 'week', 'list'];

/** Days the « À venir » list covers. */
export const LIST_DAYS = 30;

// Renewals are derived for every plan with a renewal date, far ahead or past.
const ALL_RENEWALS_NOTICE_DAYS = 36_500;

/** What the range controller reads from its element. */
export interface AgendaRangeHost extends ReactiveControllerHost {
  /** Today in the agenda's zone. */
  readonly todayDay: IsoDate;
  /** The view shown (the element's `view` property). */
  view: AgendaView;
}

/** Options of a layout: what else than the range and data decides it. */
export interface LayoutRequest {
  timeZone: string;
  showMedication: boolean;
  /** Language key of the strings and formats, so a language switch recomputes. */
  localeKey: string;
  format: AgendaFormat;
  now: Date;
}

/**
 * The visible range and its navigation (view, previous/next, today, a chosen
 * day), and the expansions behind it, memoized per range and data version so a
 * render only reads precomputed per-day buckets.
 */
export class AgendaRangeController implements ReactiveController {
  private readonly host: AgendaRangeHost;
  /** The focused day; `undefined` follows today. */
  private anchor?: IsoDate;
  private layoutKey = '';
  private layoutValue?: AgendaLayout;
  private renewalsKey = '';
  private renewalsValue: MedicationReminder[] = [];
  private remindersKey = '';
  private remindersValue: UpcomingReminders = { events: [], medication: [] };

  constructor(host: AgendaRangeHost) {
    this.host = host;
    host.addController(this);
  }

  hostConnected(): void {}

  /** The view shown. */
  get view(): AgendaView {
    return AGENDA_VIEWS.includes(this.host.view) ? this.host.view : 'month';
  }

  /** The day navigation centres on: the month grid's active cell, the week shown, the list's first day. */
  get focusDay(): IsoDate {
    return this.anchor ?? this.host.todayDay;
  }

  /** Every day of the visible range, in order (whole weeks for the month grid). */
  get days(): IsoDate[] {
    const day = this.focusDay;
    switch (this.view) {
      case 'month':
        return daysFrom(startOfWeek(startOfMonth(day)), addDays(startOfWeek(endOfMonth(day)), 6));
      case 'week':
        return daysFrom(startOfWeek(day), addDays(startOfWeek(day), 6));
      case 'list':
        return daysFrom(day, addDays(day, LIST_DAYS - 1));
    }
  }

  /** Whether `day` is in the month the grid shows. */
  inShownMonth(day: IsoDate): boolean {
    return day.slice(0, 7) === this.focusDay.slice(0, 7);
  }

  /** The heading of the range: « novembre 2026 », « 23–29 novembre 2026 ». */
  title(format: AgendaFormat): string {
    if (this.view === 'month') return format.monthTitle(this.focusDay);
    const days = this.days;
    return format.dayRange(days[0] ?? this.focusDay, days[days.length - 1] ?? this.focusDay);
  }

  /** Shows another view around the same day. */
  setView(view: AgendaView): void {
    this.host.view = view;
  }

  /** Moves to the previous month, week or list page. */
  previous(): void {
    this.step(-1);
  }

  /** Moves to the next month, week or list page. */
  next(): void {
    this.step(1);
  }

  /** Comes back to today. */
  goToday(): void {
    this.anchor = undefined;
    this.host.requestUpdate();
  }

  /** Centres the view on `day` (the month grid follows the keyboard this way). */
  goTo(day: IsoDate): void {
    this.anchor = day === this.host.todayDay ? undefined : day;
    this.host.requestUpdate();
  }

  private step(direction: 1 | -1): void {
    const day = this.focusDay;
    if (this.view === 'month') this.goTo(addMonths(day, direction));
    else this.goTo(addDays(day, direction * (this.view === 'week' ? 7 : LIST_DAYS)));
  }

  /** The buckets of the visible range, computed once per range, data version and options. */
  layout(data: AgendaData, request: LayoutRequest): AgendaLayout {
    const days = this.days;
    const key = [
      this.view,
      days[0],
      days.length,
      data.version,
      request.timeZone,
      request.showMedication,
      request.localeKey,
      this.host.todayDay,
    ].join('|');
    if (this.layoutValue && key === this.layoutKey) return this.layoutValue;
    this.layoutKey = key;
    this.layoutValue = buildLayout(data, {
      days,
      timeZone: request.timeZone,
      showMedication: request.showMedication,
      renewals: this.renewals(data, request.now),
      format: request.format,
    });
    return this.layoutValue;
  }

  /**
   * Renewal dates of the medication plans that no agenda event stands for
   * already, once per data version and day.
   */
  renewals(data: AgendaData, now: Date): MedicationReminder[] {
    const key = `${data.version}|${this.host.todayDay}`;
    if (key === this.renewalsKey) return this.renewalsValue;
    this.renewalsKey = key;
    const linked = new Set(data.events.map((event) => event.medicationPlanId).filter(Boolean));
    const plans = data.plans.filter((plan) => !linked.has(plan.id));
    this.renewalsValue = medicationReminders(plans, data.intakes, {
      now,
      renewalNoticeDays: ALL_RENEWALS_NOTICE_DAYS,
    }).filter((reminder) => reminder.kind === 'renewal');
    return this.renewalsValue;
  }

  /** The reminders of the coming week, once per data version and minute. */
  upcoming(data: AgendaData, now: Date): UpcomingReminders {
    const key = `${data.version}|${Math.floor(now.getTime() / 60_000)}`;
    if (key === this.remindersKey) return this.remindersValue;
    this.remindersKey = key;
    this.remindersValue = upcomingReminders(data, now, medicationReminders(data.plans, data.intakes, { now }));
    return this.remindersValue;
  }
}
