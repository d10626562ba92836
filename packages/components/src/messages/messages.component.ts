import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { repeat } from 'lit/directives/repeat.js';
import { consume } from '@lit/context';
import { localized, msg, str } from '@lit/localize';
import type { CareMessage, DataSource, MessageThread } from '@carnet/catalog-sdk';
import { dataSourceContext } from '../context/data-source.context.js';
import { emit } from '../events/emit.js';
import { baseStyles } from '../shared/base.styles.js';
import { CarnetWidget } from '../shared/carnet-element.js';
import { userMessageFor } from '../shared/error-messages.js';
import { renderEmptyState, renderErrorState, renderLoadingState } from '../shared/states.js';
import { stateStyles } from '../shared/states.styles.js';
import { MessagesController } from './messages.controller.js';
import { messagesStyles } from './messages.styles.js';

/**
 * Secure message threads between the patient and their care team: threads with
 * unread counts, the open thread's messages with their attached documents and
 * read state, and a form to write (attaching documents from the record). With
 * `viewer="professional"` the same element is a professional's inbox of what
 * the patients who shared with them sent. In local mode nothing can be sent:
 * the element says so instead of pretending. Place it inside a `<carnet-provider>`.
 *
 * @summary Message threads with the care team.
 * @tag carnet-messages
 *
 * @csspart base - The whole element.
 * @csspart threads - The list of threads.
 * @csspart thread - One thread's button.
 * @csspart unread - The unread count of a thread.
 * @csspart conversation - The open thread.
 * @csspart message - One message.
 * @csspart attachment - An attached document.
 * @csspart compose - The form to write a message.
 * @csspart send - The Send button.
 * @csspart unavailable - The notice shown where nothing can be sent.
 *
 * @cssprop --carnet-messages-mine-background - Background of the reader's own messages.
 *
 * @cssstate loading - Threads are loading.
 * @cssstate empty - There is no thread yet.
 * @cssstate error - Loading failed.
 * @cssstate ready - Threads are shown.
 *
 * @fires carnet-message-send - A message reached the server.
 */
@localized()
export class CarnetMessages extends CarnetWidget {
  static override styles = [baseStyles, stateStyles, messagesStyles];

  /** Where messages are read and sent; given by the enclosing `<carnet-provider>`. */
  @consume({ context: dataSourceContext, subscribe: true })
  @property({ attribute: false })
  dataSource?: DataSource;

  /** Whose side the element shows: the patient's (default) or a professional's inbox. */
  @property({ reflect: true }) viewer: 'patient' | 'professional' = 'patient';

  private readonly inbox = new MessagesController(
    this,
    () => this.dataSource,
    () => this.viewer,
  );

  /** Loads the threads again (e.g. to see a reply). */
  refresh(): Promise<void> {
    return this.inbox.load();
  }

  /** Opens the thread with a professional, or a new message to them. */
  writeTo(professionalId: string): void {
    this.inbox.startThread(professionalId);
  }

  protected override updated(): void {
    const { status, threads } = this.inbox;
    this.reflectStates(status === 'ready' && threads.length === 0 ? 'empty' : status, [
      'loading',
      'empty',
      'error',
      'ready',
    ]);
  }

  private formatInstant(instant: string): string {
    return new Intl.DateTimeFormat(this.locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(instant));
  }

  /** The other side of a thread, in words. */
  private correspondentOf(thread: MessageThread): string {
    return this.viewer === 'patient'
      ? this.inbox.professionalName(thread.professionalId)
      : (thread.patientName ?? msg(str`Patient ${thread.patientId}`));
  }

  private readonly retry = (): void => {
    void this.inbox.load();
  };

  private readonly onStart = (event: Event): void => {
    const select = event.target as HTMLSelectElement;
    if (select.value) this.inbox.startThread(select.value);
  };

  private readonly onWrite = (event: Event): void => this.inbox.write((event.target as HTMLTextAreaElement).value);

  private readonly onAttach = (event: Event): void => this.inbox.attach((event.target as HTMLSelectElement).value);

  private readonly onSubmit = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    const sent = await this.inbox.send();
    if (!sent) return;
    emit(this, 'carnet-message-send', {
      threadId: sent.threadId,
      messageId: sent.id,
      documentIds: sent.documentIds,
    });
  };

  protected override render(): TemplateResult {
    const { status } = this.inbox;
    let body: TemplateResult;
    if (status === 'error')
      body = renderErrorState({ message: this.errorMessage(this.inbox.error), onRetry: this.retry });
    else if (status !== 'ready') body = renderLoadingState({ label: msg('Chargement de vos messages…') });
    else body = this.renderInbox();
    return html`<section class="base" part="base" aria-labelledby="messages-title">
      <h2 class="title" id="messages-title">
        ${this.viewer === 'patient' ? msg('Messages avec mon équipe de soins') : msg('Messages de mes patients')}
      </h2>
      ${
        status === 'ready' && !this.inbox.canSend
          ? html`<p class="notice" part="unavailable" role="note">${userMessageFor('error.messaging-unavailable')}</p>`
          : nothing
      }
      ${body}
    </section>`;
  }

  private renderInbox(): TemplateResult {
    const { threads } = this.inbox;
    const starters =
      this.viewer === 'patient' && this.inbox.canSend
        ? this.inbox.careTeam.filter((member) => !threads.some((thread) => thread.professionalId === member.id))
        : [];
    return html`<div class="layout">
      <nav class="threads-pane" aria-label=${msg('Conversations')}>
        ${
          threads.length === 0
            ? renderEmptyState({
                title: msg('Aucun message'),
                description:
                  this.viewer === 'patient'
                    ? msg('Écrivez à un professionnel de votre équipe de soins.')
                    : msg('Les messages que vos patients vous envoient apparaîtront ici.'),
              })
            : html`<ul class="threads" part="threads">
                ${repeat(
                  threads,
                  (thread) => thread.id,
                  (thread) => this.renderThreadItem(thread),
                )}
              </ul>`
        }
        ${
          starters.length > 0
            ? html`<label class="start">
                <span>${msg('Écrire à')}</span>
                <select @change=${this.onStart}>
                  <option value="">${msg('Choisir un professionnel')}</option>
                  ${starters.map((member) => html`<option value=${member.id}>${member.name}</option>`)}
                </select>
              </label>`
            : nothing
        }
      </nav>
      ${this.renderConversation()}
    </div>`;
  }

  private renderThreadItem(thread: MessageThread): TemplateResult {
    const selected = thread.id === this.inbox.selectedId;
    const unread = thread.unreadCount;
    return html`<li>
      <button
        type="button"
        class="thread touch-target"
        part="thread"
        aria-current=${selected ? 'true' : 'false'}
        @click=${() => void this.inbox.open(thread.id)}
      >
        <span class="thread-name">${this.correspondentOf(thread)}</span>
        <span class="thread-date">${this.formatInstant(thread.lastMessageAt)}</span>
        ${
          unread > 0
            ? html`<span class="unread" part="unread"
                >${unread === 1 ? msg('1 non lu') : msg(str`${unread} non lus`)}</span
              >`
            : nothing
        }
      </button>
    </li>`;
  }

  private renderConversation(): TemplateResult | typeof nothing {
    const thread = this.inbox.selected;
    const recipient = this.inbox.newThreadRecipient;
    if (!thread && !recipient) return nothing;
    const title = thread
      ? this.correspondentOf(thread)
      : msg(str`Nouveau message à ${this.inbox.professionalName(recipient)}`);
    return html`<section class="conversation" part="conversation" aria-labelledby="conversation-title">
      <h3 id="conversation-title" class="conversation-title">${title}</h3>
      ${
        thread
          ? html`<ol class="messages" aria-label=${msg('Messages')}>
              ${repeat(
                thread.messages,
                (message) => message.id,
                (message) => this.renderMessage(message),
              )}
            </ol>`
          : nothing
      }
      ${this.inbox.canSend ? this.renderCompose() : nothing}
    </section>`;
  }

  private renderMessage(message: CareMessage): TemplateResult {
    const mine = message.sender.kind === this.viewer;
    const author = mine
      ? msg('Vous')
      : message.sender.kind === 'professional'
        ? this.inbox.professionalName(message.sender.id)
        : msg(str`Patient ${message.sender.id}`);
    const readState = mine
      ? message.readAt
        ? msg(str`Lu le ${this.formatInstant(message.readAt)}`)
        : msg('Pas encore lu')
      : '';
    return html`<li class="message ${mine ? 'message--mine' : ''}" part="message">
      <p class="message-meta">
        <span class="author">${author}</span>
        <time datetime=${message.sentAt}>${this.formatInstant(message.sentAt)}</time>
      </p>
      ${message.body ? html`<p class="message-body">${message.body}</p>` : nothing}
      ${
        message.documentIds.length > 0
          ? html`<ul class="attachments" aria-label=${msg('Documents joints')}>
              ${message.documentIds.map(
                (id) =>
                  html`<li class="attachment" part="attachment">
                    📄 ${this.inbox.documentTitles.get(id) ?? msg('Document indisponible')}
                  </li>`,
              )}
            </ul>`
          : nothing
      }
      ${readState ? html`<p class="read-state">${readState}</p>` : nothing}
    </li>`;
  }

  private renderCompose(): TemplateResult {
    const { composeStatus, attachable } = this.inbox;
    return html`<form class="compose" part="compose" @submit=${this.onSubmit}>
      <label for="message-body">${msg('Votre message')}</label>
      <textarea
        id="message-body"
        rows="3"
        maxlength="5000"
        .value=${live(this.inbox.draft)}
        @input=${this.onWrite}
      ></textarea>
      ${
        this.viewer === 'patient' && attachable.length > 0
          ? html`<label for="message-attach">${msg('Joindre un document de mon carnet')}</label>
              <select id="message-attach" @change=${this.onAttach}>
                <option value="">${msg('Aucun document')}</option>
                ${attachable.map(
                  (document) =>
                    html`<option value=${document.id} ?selected=${this.inbox.attached.includes(document.id)}>
                      ${document.title}
                    </option>`,
                )}
              </select>`
          : nothing
      }
      ${
        composeStatus === 'failed'
          ? html`<p class="notice notice--error" role="alert">
              ${msg('Le message n’a pas été envoyé.')} ${this.errorMessage(this.inbox.composeError)}
            </p>`
          : nothing
      }
      ${composeStatus === 'sent' ? html`<p class="notice" role="status">${msg('Message envoyé.')}</p>` : nothing}
      <button type="submit" class="primary-button touch-target" part="send" ?disabled=${composeStatus === 'sending'}>
        ${composeStatus === 'sending' ? msg('Envoi…') : msg('Envoyer')}
      </button>
    </form>`;
  }
}
