import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { localized, msg } from '@lit/localize';
import type { DataSource } from '@carnet/catalog-sdk';
import { dataSourceContext } from '../context/data-source.context.js';
import { emit } from '../events/emit.js';
import { LiveAnnouncer } from '../shared/announcer.js';
import { baseStyles } from '../shared/base.styles.js';
import { CarnetWidget } from '../shared/carnet-element.js';
import { DialogController } from '../shared/dialog.controller.js';
import { dialogStyles } from '../shared/dialog.styles.js';
import { renderErrorState, renderLoadingState } from '../shared/states.js';
import { stateStyles } from '../shared/states.styles.js';
import { ModerationController, type DoneAction } from './moderation.controller.js';
import { doneAnnouncement } from './moderation-labels.js';
import { moderationStyles } from './moderation.styles.js';
import { renderConfirmDialog, renderModeration, type ModerationView } from './moderation.template.js';

const STATES = ['loading', 'unavailable', 'empty', 'error', 'ready'] as const;

/**
 * The moderators' screen of the patient communities: the queue of reported
 * posts with how many distinct people reported each and why (never who), the
 * hidden posts, the suspended pseudonyms and the moderation trail. A moderator
 * hides a post with a reason its author will read, restores it, suspends a
 * pseudonym or lifts the suspension; each action is confirmed first (focus on
 * « Annuler »), recorded by the platform, announced politely, and the queue is
 * read again. Place it inside a `<carnet-provider>` in connected mode, signed
 * in with a moderator's account; in local mode it says that moderation needs
 * a connected platform.
 *
 * @summary The moderators' queue of reported community posts.
 * @tag carnet-moderation
 *
 * @csspart base - The whole element.
 * @csspart toolbar - The community choice and the refresh button.
 * @csspart community-select - The choice of community, when the moderator has several.
 * @csspart refresh - The button that reads the queue again.
 * @csspart queue - A list of queued posts.
 * @csspart report - One queued post.
 * @csspart post-body - A queued post's words.
 * @csspart report-count - How many distinct people reported the post.
 * @csspart reasons - The reasons given, with their counts.
 * @csspart hidden-state - That a post is hidden, and the reason its author reads.
 * @csspart hide - The button that asks to hide a post.
 * @csspart restore - The button that asks to restore a post.
 * @csspart suspend - The button that asks to suspend a pseudonym.
 * @csspart unsuspend - The button that asks to lift a suspension.
 * @csspart suspended-badge - Marks the post of a suspended pseudonym.
 * @csspart suspensions - The suspended pseudonyms.
 * @csspart trail - The moderation trail.
 * @csspart confirm-dialog - The confirmation of an action.
 * @csspart unavailable - The notice shown in local mode.
 *
 * @cssprop --carnet-moderation-hidden-background - Background of a hidden post in the queue.
 *
 * @cssstate loading - The queue is loading.
 * @cssstate unavailable - Local mode: there is no one to moderate.
 * @cssstate empty - Nothing is reported or hidden (or the account moderates no community).
 * @cssstate error - Loading failed.
 * @cssstate ready - The queue is shown.
 *
 * @fires carnet-moderation-action - The platform recorded a moderation action.
 */
@localized()
export class CarnetModeration extends CarnetWidget {
  static override styles = [baseStyles, stateStyles, dialogStyles, moderationStyles];

  /** Where the queue is read and the actions sent; given by the enclosing `<carnet-provider>`. */
  @consume({ context: dataSourceContext, subscribe: true })
  @property({ attribute: false })
  dataSource?: DataSource;

  private readonly announcer = new LiveAnnouncer(this);
  private readonly moderation = new ModerationController(
    this,
    () => this.dataSource,
    (done) => this.onDone(done),
  );

  private readonly confirmDialog = new DialogController(this, {
    selector: 'dialog[part="confirm-dialog"]',
    isOpen: () => this.moderation.pending !== undefined,
    onDismiss: () => this.moderation.cancel(),
    returnFocusFallback: () => this.renderRoot.querySelector<HTMLElement>('#waiting-title'),
  });

  /** Reads the queue again (e.g. after a report arrived). */
  refresh(): Promise<void> {
    return this.moderation.reload();
  }

  protected override updated(): void {
    this.reflectStates(this.currentState(), STATES);
  }

  private currentState(): (typeof STATES)[number] {
    const { status, data } = this.moderation;
    if (status === 'error') return 'error';
    if (status === 'loading' || !data) return 'loading';
    if (!data.available) return 'unavailable';
    return data.reports.length === 0 && (data.community?.suspendedPseudonyms.length ?? 0) === 0 ? 'empty' : 'ready';
  }

  private onDone(done: DoneAction): void {
    // The opener (a row's button) may leave the list: focus goes to the queue's heading then.
    this.confirmDialog.setOpener(null);
    this.announcer.announce(doneAnnouncement(done.action, done.pseudonym));
    emit(this, 'carnet-moderation-action', {
      action: done.action,
      communityId: done.communityId,
      target: done.target,
    });
  }

  private formatInstant = (instant: string): string =>
    new Intl.DateTimeFormat(this.locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(instant));

  private readonly onConfirm = (event: SubmitEvent): void => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const reason = new FormData(form).get('reason');
    void this.moderation.confirm(typeof reason === 'string' ? reason : '');
  };

  private readonly onChoose = (event: Event): void => {
    this.moderation.choose((event.target as HTMLSelectElement).value);
  };

  private readonly retry = (): void => {
    void this.moderation.reload();
  };

  private view(): ModerationView | undefined {
    const data = this.moderation.data;
    if (!data) return undefined;
    const failure = this.moderation.actionError;
    return {
      data,
      pending: this.moderation.pending,
      busy: this.moderation.busy,
      refreshing: this.moderation.refreshing,
      actionMessage: failure === undefined ? undefined : this.errorMessage(failure),
      reasonMissing: this.moderation.reasonMissing,
      formatInstant: this.formatInstant,
      onChoose: this.onChoose,
      onAsk: (action) => this.moderation.ask(action),
      onConfirm: this.onConfirm,
      onCancel: () => this.moderation.cancel(),
      onRefresh: this.retry,
    };
  }

  protected override render(): TemplateResult {
    const state = this.currentState();
    const view = this.view();
    let body: TemplateResult | typeof nothing = nothing;
    if (state === 'error')
      body = renderErrorState({ message: this.errorMessage(this.moderation.error), onRetry: this.retry });
    else if (state === 'loading') body = renderLoadingState({ label: msg('Chargement de la file de modération…') });
    else if (state === 'unavailable')
      body = html`<p class="notice" part="unavailable" role="note">
        ${msg(
          'La modération des communautés demande une plateforme connectée : en mode local, les échanges restent sur cet appareil et il n’y a personne à modérer.',
        )}
      </p>`;
    else if (view) body = renderModeration(view);
    return html`<section class="base" part="base" aria-labelledby="moderation-title">
      <h2 class="title" id="moderation-title">${msg('Modération des communautés')}</h2>
      ${body} ${view ? renderConfirmDialog(view) : nothing} ${this.announcer.region()}
    </section>`;
  }
}
