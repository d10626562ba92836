import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { parseDateField } from '../shared/date-time-fields.js';
import type { CarnetLocale } from '../shared/localization.js';
import type { AccessFilter } from './access-history.data.js';

/** A bound of the period: from, or to. */
export type PeriodBound = 'from' | 'to';

/**
 * The access history's filters: the person chosen, and the period's two days as
 * typed in the page's language (« 04/03/2026 ») — the same date entry as the
 * agenda's, not a native date input that follows the browser's language. A day
 * that is not a real one is kept as typed, marked, and filters nothing.
 */
export class AccessFilterController implements ReactiveController {
  private current: AccessFilter = { person: '', from: '', to: '' };
  private readonly typedDays: Record<PeriodBound, string | undefined> = { from: undefined, to: undefined };
  private readonly invalidDays = new Set<PeriodBound>();

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly locale: () => CarnetLocale,
  ) {
    host.addController(this);
  }

  hostConnected(): void {}

  /** The filter in force. */
  get filter(): Readonly<AccessFilter> {
    return this.current;
  }

  /** What the field of `bound` shows: as typed while not recognised, else nothing (the day is formatted). */
  typed(bound: PeriodBound): string | undefined {
    return this.typedDays[bound];
  }

  /** True when the day typed for `bound` is not a real day. */
  invalid(bound: PeriodBound): boolean {
    return this.invalidDays.has(bound);
  }

  /** Shows one person's accesses (`kind:id`), or everyone's (empty). */
  choosePerson(person: string): void {
    this.current = { ...this.current, person };
    this.host.requestUpdate();
  }

  /** Reads the day typed for `bound`; an empty field removes the bound. */
  typeDay(bound: PeriodBound, text: string): void {
    const trimmed = text.trim();
    const day = trimmed === '' ? '' : parseDateField(trimmed, this.locale());
    if (day === undefined) {
      this.invalidDays.add(bound);
      this.typedDays[bound] = text;
      this.current = { ...this.current, [bound]: '' };
    } else {
      this.invalidDays.delete(bound);
      this.typedDays[bound] = undefined;
      this.current = { ...this.current, [bound]: day };
    }
    this.host.requestUpdate();
  }
}
