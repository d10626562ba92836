import { html } from 'lit';
import type { PropertyValues, TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { consume } from '@lit/context';
import { localized, msg, str } from '@lit/localize';
import { dueReminders, instantToZoned, nextReminderAt } from '@carnet/catalog-sdk';
import type { DataSource, DueReminder, MealTimes, ReminderSources } from '@carnet/catalog-sdk';
import { dataSourceContext } from '../context/data-source.context.js';
import { recordRevisionContext } from '../context/record-revision.context.js';
import { sessionContext, type CarnetSessionLike } from '../context/session.context.js';
import type { RecordRevision } from '../context/record-revision.context.js';
import { emit } from '../events/emit.js';
import type {} from '../events/carnet-intake-change.js';
import { mealTimesConverter } from '../pill-organiser/organiser-attributes.js';
import { formatClockTime } from '../pill-organiser/organiser-format.js';
import { LiveAnnouncer } from '../shared/announcer.js';
import { baseStyles } from '../shared/base.styles.js';
import { CarnetWidget } from '../shared/carnet-element.js';
import { DataLoader } from '../shared/data-loader.controller.js';
import { renderEmptyState, renderErrorState, renderLoadingState } from '../shared/states.js';
import { stateStyles } from '../shared/states.styles.js';
import { RecordChangesController } from '../shared/record-changes.controller.js';
import { ReminderClockController } from './reminder-clock.controller.js';
import { ReminderMemory } from './reminder-memory.js';
import type { ReminderAction } from './reminder-memory.js';
import { notificationText, reminderText } from './reminder-words.js';
import { remindersStyles } from './reminders.styles.js';
import { renderNotice, renderNotifications } from './reminders.template.js';
import { askNotificationAccess, notificationAccess, showSystemNotification } from './system-notifications.js';
import type { NotificationAccess } from './system-notifications.js';

const DAY_MS = 86_400_000;
/** Changes made elsewhere under the same provider that change what rings. */
const RECORD_EVENTS = ['carnet-intake-change', 'carnet-plan-change', 'carnet-event-change'] as const;

/**
 * Reminders that ring while a Carnet page is open: a dose whose time has come
 * (with « Pris » and « Plus tard »), a reminder the patient set before an
 * appointment, a prescription to renew. Each one is shown here and said once to
 * screen readers when it rings; with the patient's permission, also as a system
 * notification that shows only the time (« Rappel Carnet : prise de 08:00 ») unless
 * the patient chooses to show names. Place it inside a `<carnet-provider>`, near the top.
 *
 * « Pris » records the dose through the data source as the pill organiser does, so
 * the organiser and the agenda under the same provider show it at once.
 *
 * « Compris » and « Plus tard » are remembered for the browser tab (a reload does
 * not ring the reminder again) and shared with the site's other open tabs, where the
 * reminder stops ringing too. Only reminder keys and times are kept, in the tab's
 * `sessionStorage`; they are forgotten at sign-out, and a signed-out tab keeps none.
 *
 * @summary Due reminders, in the page and as system notifications.
 * @tag carnet-reminders
 *
 * @csspart base - The whole element.
 * @csspart notices - The list of reminders ringing now.
 * @csspart notice - One reminder (also `notice-dose`, `notice-event`, `notice-treatment`).
 * @csspart taken-button - « Pris » on a dose.
 * @csspart snooze-button - « Plus tard » on a dose.
 * @csspart dismiss-button - « Compris » on an appointment or treatment reminder.
 * @csspart notice-error - Why recording a dose failed.
 * @csspart notifications - The system notifications line.
 * @csspart notifications-button - « Recevoir les rappels sur cet appareil ».
 * @csspart notification-details - The checkbox that shows names in notifications.
 * @csspart loading - The skeleton shown while loading.
 * @csspart empty - Shown when nothing rings.
 * @csspart error - Shown when loading failed.
 * @csspart retry - The Retry button of the error.
 *
 * @cssprop --carnet-reminders-background - Background of the element (defaults to the surface).
 * @cssprop --carnet-reminders-padding - Inner spacing.
 * @cssprop --carnet-reminders-notice-border - Border colour of a ringing reminder (defaults to the accent).
 *
 * @cssstate loading - The record is being read.
 * @cssstate empty - Nothing rings now.
 * @cssstate error - Loading failed.
 * @cssstate ready - At least one reminder rings.
 *
 * @fires carnet-intake-change - The patient pressed « Pris » on a dose and it was recorded.
 */
@localized()
export class CarnetReminders extends CarnetWidget {
  static override styles = [baseStyles, stateStyles, remindersStyles];

  /** Where the record is read; given by the enclosing `<carnet-provider>`, or set directly. */
  @consume({ context: dataSourceContext, subscribe: true })
  @property({ attribute: false })
  dataSource?: DataSource;

  @consume({ context: recordRevisionContext, subscribe: true })
  @state()
  private recordRevision?: RecordRevision;

  /** The patient's session in connected mode (none in local mode, where nobody signs in). */
  @consume({ context: sessionContext, subscribe: true })
  @state()
  private session?: CarnetSessionLike;

  /**
   * The clock reminders are computed from (default: the device's). Tests and stories
   * give another one to choose « now »; setting it looks at the reminders again.
   */
  @property({ attribute: false })
  clock: () => Date = () => new Date();

  /**
   * How many minutes « Plus tard » puts a dose off (default 10); the button says it.
   * @attr snooze-minutes
   */
  @property({ type: Number, attribute: 'snooze-minutes' })
  snoozeMinutes = 10;

  /**
   * Show the medicine's or the appointment's name in system notifications. Off by
   * default: a notification shows on a locked screen others may see. The patient
   * turns it on with the checkbox shown once notifications are allowed.
   * @attr notification-details
   */
  @property({ type: Boolean, attribute: 'notification-details', reflect: true })
  notificationDetails = false;

  /**
   * The patient's meal and bed times, as given to the pill organiser, so that a
   * « morning » dose rings at the time the organiser shows.
   * @attr meal-times - The same, as JSON.
   */
  @property({ attribute: 'meal-times', converter: mealTimesConverter })
  mealTimes?: Partial<MealTimes>;

  @state() private due: readonly DueReminder[] = [];
  @state() private access: NotificationAccess = notificationAccess();
  /** Bumped to read the record again (a change elsewhere, a new day). */
  @state() private readEpoch = 0;

  /** « Compris » and « Plus tard », kept over a reload and shared with the site's other tabs. */
  readonly #memory = new ReminderMemory((action) => this.#onOtherTab(action));
  readonly #recorded = new Set<string>();
  readonly #saving = new Set<string>();
  readonly #failures = new Map<string, string>();
  /** Each ring (a reminder, or its return after « Plus tard ») is said and notified once. */
  readonly #rung = new Set<string>();
  #evaluatedData: ReminderSources | undefined;
  #lookAgain = false;
  #readDay = '';
  #focusAfterRemoval: string | undefined;

  private readonly announcer = new LiveAnnouncer(this);
  private readonly wake = new ReminderClockController(this, () => {
    this.#lookAgain = true;
    this.requestUpdate();
  });

  private readonly record = new DataLoader(this, {
    args: () =>
      [
        this.dataSource,
        this.recordRevision?.medications ?? 0,
        this.recordRevision?.agenda ?? 0,
        this.readEpoch,
      ] as const,
    load: ([source], signal) => (source ? this.#read(source, signal) : undefined),
  });

  private readonly recordChanges = new RecordChangesController(this, RECORD_EVENTS, () => {
    this.readEpoch += 1;
  });

  override connectedCallback(): void {
    super.connectedCallback();
    this.#followSession();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#memory.close();
  }

  /**
   * This tab keeps the patient's choices and hears the site's other tabs only while someone is signed
   * in (or in local mode): signed out — at sign-out, or a page opened or reloaded signed out — it
   * forgets what was put away or off here and stops listening (a tab still signed in must not write
   * its choices here).
   */
  #followSession(): void {
    if (!this.isConnected) return;
    if (this.session === undefined || this.session.isAuthenticated) {
      this.#memory.open(this.clock().getTime());
    } else {
      this.#memory.close();
      this.#memory.forget();
    }
  }

  /** A reminder was put away, put off or recorded in another tab: this one shows the same. */
  #onOtherTab(action: ReminderAction): void {
    this.#removing(action.key);
    if (action.type === 'taken') this.readEpoch += 1;
    this.checkNow();
  }

  /** Looks at the clock now (e.g. after the device woke up), then waits for the next reminder. */
  checkNow(): void {
    this.#lookAgain = true;
    this.requestUpdate();
  }

  async #read(source: DataSource, signal: AbortSignal): Promise<ReminderSources> {
    const now = this.clock();
    this.#readDay = now.toISOString().slice(0, 10);
    const [plans, intakes, events] = await Promise.all([
      source.medications.listPlans({ signal }),
      source.medications.listIntakes({ from: new Date(now.getTime() - DAY_MS).toISOString() }),
      source.agenda.list({ signal }),
    ]);
    return { plans, intakes, events };
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // A private property: the typed map lists public ones only.
    if ((changed as PropertyValues).has('session')) this.#followSession();
    const data = this.record.data;
    if (!data) return;
    if (data !== this.#evaluatedData || this.#lookAgain || changed.has('clock') || changed.has('mealTimes'))
      this.#evaluate(data);
  }

  /** Which reminders ring now; the new ones are said and notified once the page shows them. */
  #evaluate(data: ReminderSources): void {
    this.#evaluatedData = data;
    this.#lookAgain = false;
    this.access = notificationAccess();
    const now = this.clock();
    const at = now.getTime();
    if (now.toISOString().slice(0, 10) !== this.#readDay) {
      // A new day: read the record again (new doses, today's renewal warnings).
      this.#readDay = now.toISOString().slice(0, 10);
      this.readEpoch += 1;
    }
    const options = this.mealTimes ? { now, mealTimes: this.mealTimes } : { now };
    let due: DueReminder[];
    try {
      due = dueReminders(data, options);
    } catch {
      due = [];
    }
    this.due = due.filter(
      (reminder) =>
        !this.#memory.dismissed.has(reminder.key) &&
        !this.#recorded.has(reminder.key) &&
        (this.#memory.snoozedUntil.get(reminder.key) ?? 0) <= at,
    );
    const ringing = this.due.filter((reminder) => !this.#rung.has(this.#ringId(reminder)));
    for (const reminder of ringing) this.#rung.add(this.#ringId(reminder));
    if (ringing.length > 0) void this.updateComplete.then(() => this.#ring(ringing, now));
    let next: Date | undefined;
    try {
      next = nextReminderAt(data, options);
    } catch {
      next = undefined;
    }
    for (const until of this.#memory.snoozedUntil.values())
      if (until > at && (next === undefined || until < next.getTime())) next = new Date(until);
    this.wake.wakeAt(next, now);
  }

  #ringId(reminder: DueReminder): string {
    return `${reminder.key}#${this.#memory.snoozedUntil.get(reminder.key) ?? 0}`;
  }

  /** One announcement for what just started ringing, and one system notification each. */
  #ring(reminders: readonly DueReminder[], now: Date): void {
    const sentences = reminders.map((reminder) => msg(str`Rappel : ${reminderText(reminder, now, this.locale)}.`));
    this.announcer.announce(sentences.join(' '));
    for (const reminder of reminders)
      showSystemNotification(
        notificationText(reminder, now, this.locale, this.notificationDetails),
        `carnet-reminder:${reminder.key}`,
        this.locale,
      );
  }

  readonly #taken = async (reminder: DueReminder): Promise<void> => {
    const source = this.dataSource;
    if (reminder.kind !== 'dose' || !source || this.#saving.has(reminder.key)) return;
    this.#saving.add(reminder.key);
    this.#failures.delete(reminder.key);
    this.requestUpdate();
    const { planId, scheduledAt } = reminder.dose;
    try {
      const saved = await source.medications.recordIntake({
        planId,
        scheduledAt,
        status: 'taken',
        takenAt: this.clock().toISOString(),
      });
      this.#recorded.add(reminder.key);
      this.#memory.taken(reminder.key);
      this.#removing(reminder.key);
      this.announcer.announce(msg('Prise enregistrée.'));
      emit(this, 'carnet-intake-change', { planId, scheduledAt, status: saved.status });
    } catch (error) {
      this.#failures.set(reminder.key, this.errorMessage(error));
    } finally {
      this.#saving.delete(reminder.key);
      this.checkNow();
    }
  };

  readonly #snooze = (reminder: DueReminder): void => {
    if (reminder.kind !== 'dose') return;
    const now = this.clock();
    const until = now.getTime() + this.snoozeMinutes * 60_000;
    this.#memory.snooze(reminder.key, until);
    this.#removing(reminder.key);
    const time = formatClockTime(instantToZoned(new Date(until), reminder.timeZone).slice(11, 16), this.locale);
    this.announcer.announce(msg(str`Rappel reporté à ${time}.`));
    this.checkNow();
  };

  readonly #dismiss = (reminder: DueReminder): void => {
    this.#memory.dismiss(reminder.key, this.clock().getTime());
    this.#removing(reminder.key);
    this.checkNow();
  };

  /** Focus moves to the next reminder (or the heading) when the one it was on goes away. */
  #removing(key: string): void {
    const active = this.shadowRoot?.activeElement;
    const notice = active?.closest<HTMLElement>('[data-reminder-key]');
    if (notice?.dataset['reminderKey'] !== key) return;
    const others = this.due.filter((other) => other.key !== key);
    const index = this.due.findIndex((other) => other.key === key);
    this.#focusAfterRemoval = others[Math.min(index, others.length - 1)]?.key ?? '';
  }

  protected override updated(): void {
    const { status, pending } = this.record;
    const current = status === 'ready' ? (this.due.length === 0 ? 'empty' : 'ready') : pending ? 'loading' : status;
    this.reflectStates(current, ['loading', 'empty', 'error', 'ready']);
    const focusKey = this.#focusAfterRemoval;
    if (focusKey === undefined) return;
    this.#focusAfterRemoval = undefined;
    const notices = [...(this.shadowRoot?.querySelectorAll<HTMLElement>('[data-reminder-key]') ?? [])];
    const target = notices.find((notice) => notice.dataset['reminderKey'] === focusKey)?.querySelector('button');
    (target ?? this.shadowRoot?.querySelector<HTMLElement>('.title'))?.focus();
  }

  readonly #ask = async (): Promise<void> => {
    this.access = await askNotificationAccess();
  };

  readonly #detailsChange = (details: boolean): void => {
    this.notificationDetails = details;
  };

  readonly #retry = (): void => {
    void this.record.reload();
  };

  protected override render(): TemplateResult {
    return html`<section class="base" part="base" aria-labelledby="reminders-title">
      <h2 class="title" id="reminders-title" tabindex="-1">${msg('Rappels')}</h2>
      ${this.renderBody()}
      ${renderNotifications({
        access: this.access,
        details: this.notificationDetails,
        onAsk: () => void this.#ask(),
        onDetailsChange: this.#detailsChange,
      })}
      ${this.announcer.region()}
    </section>`;
  }

  private renderBody(): TemplateResult {
    const { status, data, error } = this.record;
    if (status === 'error') return renderErrorState({ message: this.errorMessage(error), onRetry: this.#retry });
    if (!data) return renderLoadingState({ label: msg('Chargement des rappels…'), lines: 2 });
    if (this.due.length === 0)
      return renderEmptyState({
        title: msg('Aucun rappel pour le moment.'),
        description: msg(
          'Les prises de médicaments, les rappels de rendez-vous et les ordonnances à renouveler s’affichent ici à leur heure, tant que la page est ouverte.',
        ),
      });
    const now = this.clock();
    return html`<div class="notices" part="notices">
      ${repeat(
        this.due,
        (reminder) => reminder.key,
        (reminder, index) =>
          renderNotice({
            reminder,
            id: `reminder-${index}`,
            text: reminderText(reminder, now, this.locale),
            snoozeMinutes: this.snoozeMinutes,
            saving: this.#saving.has(reminder.key),
            failure: this.#failures.get(reminder.key),
            onTaken: (r) => void this.#taken(r),
            onSnooze: this.#snooze,
            onDismiss: this.#dismiss,
          }),
      )}
    </div>`;
  }
}
