import { html, nothing } from 'lit';
import type { ComplexAttributeConverter, TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { localized, msg, str } from '@lit/localize';
import { TaskStatus } from '@lit/task';
import { PATHOLOGIES } from '@carnet/catalog-sdk';
import type { DataSource, ForumThread, Pathology } from '@carnet/catalog-sdk';
import { dataSourceContext } from '../context/data-source.context.js';
import { pathologyContext } from '../context/pathology.context.js';
import { LiveAnnouncer } from '../shared/announcer.js';
import { baseStyles } from '../shared/base.styles.js';
import { CarnetWidget } from '../shared/carnet-element.js';
import { dialogStyles } from '../shared/dialog.styles.js';
import { renderEmptyState, renderErrorState, renderLoadingState } from '../shared/states.js';
import { stateStyles } from '../shared/states.styles.js';
import { renderComposeForm } from './forum-compose.template.js';
import { ForumDialogsController } from './forum-dialogs.controller.js';
import { renderDialogs } from './forum-dialogs.template.js';
import { ForumFeedController } from './forum-feed.controller.js';
import { ForumLiveController } from './forum-live.controller.js';
import { forumFeedStyles } from './forum-feed.styles.js';
import { communityLabel } from './forum-labels.js';
import { ForumPublishingController } from './forum-publishing.controller.js';
import { feedFocus } from './feed-focus.js';
import { renderThreadList } from './forum-thread-list.template.js';
import { renderThreadView } from './forum-thread.template.js';
import { parseOneOf } from '../shared/parse-one-of.js';

// Unknown values read as "not set", so the provider's pathology applies.
const communityConverter: ComplexAttributeConverter<Pathology | undefined> = {
  fromAttribute: (value) => parseOneOf(value, PATHOLOGIES),
  toAttribute: (value) => value,
};

type FeedState = 'loading' | 'empty' | 'error' | 'ready' | 'thread';

/**
 * The patient community of one condition: discussions page by page, their posts
 * and replies, publishing under a pseudonym chosen once, editing and deleting
 * one's own posts, and reporting abuse. Post bodies are plain text with a small
 * Markdown subset rendered from tokens: no markup a post holds ever runs.
 * Place it inside a `<carnet-provider>`.
 *
 * @summary Patient forum of a community: threads, replies, pseudonym, reports.
 * @tag carnet-forum-feed
 *
 * @csspart base - The card around the forum.
 * @csspart heading - The forum's heading.
 * @csspart new-thread - The « Nouvelle discussion » button.
 * @csspart join - The invitation to join the community (connected mode, not yet a member).
 * @csspart join-button - The « Rejoindre la communauté » button.
 * @csspart leave - The « Quitter la communauté » button.
 * @csspart preview-notice - In local mode, the notice that the sample discussions stay on this device.
 * @csspart compose - The new-discussion form.
 * @csspart thread-list - The feed of discussions.
 * @csspart thread - One discussion in the list.
 * @csspart thread-open - The button that opens a discussion.
 * @csspart unread - The « Nouveau » marker of a discussion with unread activity.
 * @csspart load-more - The « Voir plus de discussions » button.
 * @csspart thread-view - One open discussion.
 * @csspart back - The button back to the list.
 * @csspart post-list - The feed of posts of a discussion.
 * @csspart post - One post.
 * @csspart post-header - The author and time of a post.
 * @csspart post-body - The text of a post.
 * @csspart post-link - A link in a post.
 * @csspart post-quote - A quoted message in a post.
 * @csspart go-to-reply - « Répondre à la discussion », at the top of a thread: focuses the reply field.
 * @csspart reply-context - « En réponse à … » above a reply.
 * @csspart hidden-placeholder - What replaces a post hidden by the moderation.
 * @csspart post-actions - Reply, edit, delete and report buttons of a post.
 * @csspart edit-form - The form editing one's own post.
 * @csspart reply-form - The reply form of a discussion.
 * @csspart pseudonym-dialog - The dialog choosing the pseudonym.
 * @csspart report-dialog - The dialog reporting a post.
 * @csspart confirm-dialog - The dialog confirming a deletion.
 * @csspart loading - The skeleton shown while loading.
 * @csspart empty - The message shown when the community has no discussion yet.
 * @csspart error - The message shown when loading failed.
 * @csspart retry - The Retry button of the error.
 *
 * @cssprop --carnet-forum-background - Background of the forum card (defaults to the surface).
 * @cssprop --carnet-forum-padding - Inner spacing of the card.
 * @cssprop --carnet-forum-gap - Space between discussions and between posts.
 * @cssprop --carnet-forum-post-background - Background of a discussion or post.
 * @cssprop --carnet-forum-post-border - Border of a discussion or post.
 * @cssprop --carnet-forum-own-post-background - Background of the patient's own posts.
 * @cssprop --carnet-forum-unread-color - Colour of the unread marker and edge.
 * @cssprop --carnet-forum-hidden-background - Background of a post hidden by the moderation.
 * @cssprop --carnet-forum-link-color - Colour of links in posts.
 * @cssprop --carnet-forum-max-inline-size - Widest a post's text runs.
 *
 * @cssstate loading - Discussions are loading.
 * @cssstate empty - The community has no discussion yet.
 * @cssstate error - Loading failed.
 * @cssstate ready - The discussions are shown.
 * @cssstate thread - A discussion is open.
 *
 * @fires carnet-post-create - The patient published a discussion or a reply; detail `{ threadId, postId }`.
 * @fires carnet-post-report - The patient reported a post; detail `{ postId, reason }` (never the comment).
 */
@localized()
export class CarnetForumFeed extends CarnetWidget {
  static override styles = [baseStyles, stateStyles, dialogStyles, forumFeedStyles];

  /**
   * Community shown: `diabetes`, `parkinson` or `kidney`. When absent, the
   * provider's `pathology` is used.
   * @attr community
   */
  @property({ converter: communityConverter })
  community?: Pathology;

  /**
   * Discussions loaded per page.
   * @attr page-size
   */
  @property({ attribute: 'page-size', type: Number })
  pageSize = 10;

  /**
   * Milliseconds between two checks for what others wrote (connected mode
   * only; 0 turns checking off). New posts appear in place and are announced
   * politely; focus never moves.
   * @attr refresh-interval
   */
  @property({ attribute: 'refresh-interval', type: Number })
  refreshInterval = 5000;

  /**
   * Where the forum is read from; given by the enclosing `<carnet-provider>`,
   * or set directly when used without one.
   */
  @consume({ context: dataSourceContext, subscribe: true })
  @property({ attribute: false })
  dataSource?: DataSource;

  @consume({ context: pathologyContext, subscribe: true })
  @state()
  private pathology?: Pathology;

  /** The thread being read, as known from the list (its heading shows before its posts). */
  @state() private openedThread?: ForumThread;

  private readonly forum = new ForumFeedController(this);
  /** The two feeds (discussions, and the posts of one), each with one article in the tab order. */
  private readonly threadFeedFocus = feedFocus(
    this,
    () => this.forum.threads.map((thread) => thread.id),
    (id) => {
      const thread = this.forum.threads.find((candidate) => candidate.id === id);
      if (thread) this.openThread(thread);
    },
  );
  private readonly postFeedFocus = feedFocus(
    this,
    () => this.forum.threadTask.value?.posts.map((post) => post.id) ?? [],
  );
  private readonly dialogs: ForumDialogsController = new ForumDialogsController(this, this.forum, {
    afterPseudonym: (pending) => (pending === 'join' ? this.forum.listTask.run() : this.writing.publish(pending)),
    afterThreadDeleted: () => this.backToList(),
    announce: (text) => this.announcer.announce(text),
  });
  private readonly writing: ForumPublishingController = new ForumPublishingController(this, this.forum, {
    askPseudonym: (pending) => this.dialogs.askPseudonym(pending),
    openThread: (thread) => this.openThread(thread),
    focus: (selector) => this.focusSoon(selector),
    announce: (text) => this.announcer.announce(text),
  });
  private readonly announcer = new LiveAnnouncer(this);
  private readonly live = new ForumLiveController(this, {
    // A local record has nobody else writing in it.
    interval: () => (this.dataSource?.kind === 'fhir' ? this.refreshInterval : 0),
    check: () => this.checkForNews(),
  });
  /** What to focus once the next render is done (a selector in the shadow root). */
  private focusAfterRender?: string;

  /** The community shown: the attribute, else the provider's pathology. */
  get activeCommunity(): Pathology | undefined {
    return this.community ?? this.pathology;
  }

  /** Loads the discussions again from the first page. */
  refresh(): Promise<void> {
    return this.forum.listTask.run();
  }

  protected override updated(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('dataSource') || changed.has('refreshInterval')) this.live.plan();
    this.reflectState();
    if (this.focusAfterRender) {
      const target = this.renderRoot.querySelector<HTMLElement>(this.focusAfterRender);
      if (target) {
        this.focusAfterRender = undefined;
        target.focus();
      }
    }
  }

  private currentState(): FeedState {
    if (this.forum.openThreadId !== undefined) return 'thread';
    // No community to read: nothing will load, the feed says so (never « loading » for ever).
    if (!this.activeCommunity) return 'empty';
    const status = this.forum.listTask.status;
    if (status === TaskStatus.ERROR) return 'error';
    if (status !== TaskStatus.COMPLETE) return 'loading';
    return this.forum.threads.length === 0 ? 'empty' : 'ready';
  }

  private reflectState(): void {
    const current = this.currentState();
    this.reflectStates(current, ['loading', 'empty', 'error', 'ready', 'thread']);
  }

  private focusSoon(selector: string): void {
    this.focusAfterRender = selector;
    this.requestUpdate();
  }

  private openThread(thread: ForumThread): void {
    this.openedThread = thread;
    this.writing.resetThread();
    this.forum.open(thread.id);
    this.focusAfterRender = '#thread-heading';
  }

  private backToList(): void {
    const threadId = this.forum.openThreadId ?? this.openedThread?.id;
    this.forum.close();
    this.writing.resetThread();
    const stillListed = threadId !== undefined && this.forum.threads.some((thread) => thread.id === threadId);
    this.focusAfterRender = stillListed ? `button[data-thread-id="${CSS.escape(threadId)}"]` : '#forum-heading';
  }

  private async checkForNews(): Promise<void> {
    const news = await this.forum.checkForNews();
    const [post] = news.posts;
    if (news.posts.length === 1 && post)
      this.announcer.announce(msg(str`Nouvelle réponse de ${post.authorPseudonym}.`));
    else if (news.posts.length > 1) this.announcer.announce(msg(str`${news.posts.length} nouvelles réponses.`));
    else if (news.threads.length === 1) this.announcer.announce(msg('Une nouvelle discussion.'));
    else if (news.threads.length > 1) this.announcer.announce(msg(str`${news.threads.length} nouvelles discussions.`));
  }

  private async loadMore(): Promise<void> {
    const before = this.forum.threads.length;
    try {
      const added = await this.forum.loadMore();
      const first = this.forum.threads[before];
      if (added > 0 && first) {
        this.focusAfterRender = `article[data-thread-id="${CSS.escape(first.id)}"]`;
        this.announcer.announce(msg('Discussions suivantes chargées.'));
      }
    } catch {
      // The controller keeps the failure; it is shown under the list.
    }
  }

  private readonly retryList = (): void => {
    void this.forum.listTask.run();
  };

  private readonly retryThread = (): void => {
    void this.forum.threadTask.run();
  };

  protected override render(): TemplateResult {
    const community = this.activeCommunity;
    return html`<section
      class="base"
      part="base"
      aria-labelledby=${this.forum.openThreadId ? 'thread-heading' : 'forum-heading'}
    >
      ${this.forum.openThreadId !== undefined ? this.renderThread() : this.renderList(community)}
      ${renderDialogs(this.dialogs.view())} ${this.announcer.region()}
    </section>`;
  }

  private renderList(community: Pathology | undefined): TemplateResult {
    return html`<div class="list-header">
        <div>
          <h2 class="heading" id="forum-heading" part="heading" tabindex="-1">${msg('Entraide entre patients')}</h2>
          ${community ? html`<p class="community">${communityLabel(community)}</p>` : nothing}
        </div>
        ${
          community && this.forum.joined && this.dataSource?.kind === 'fhir' && this.dataSource.forum.leave
            ? html`<button
                type="button"
                class="secondary-button touch-target"
                part="leave"
                @click=${() => void this.forum.leave().catch(() => undefined)}
              >
                ${msg('Quitter la communauté')}
              </button>`
            : nothing
        }
        ${
          community && !this.writing.composing && this.forum.joined
            ? html`<button
                type="button"
                class="primary-button touch-target"
                part="new-thread"
                @click=${() => this.writing.startComposing()}
              >
                ${msg('Nouvelle discussion')}
              </button>`
            : nothing
        }
      </div>
      ${
        this.dataSource?.kind === 'local'
          ? html`<p class="preview-notice" part="preview-notice">
              ${msg(
                'Aperçu : ces discussions sont des exemples enregistrés sur cet appareil. Pour échanger avec d’autres patients, il faut une plateforme Carnet connectée.',
              )}
            </p>`
          : nothing
      }
      ${this.writing.composing ? this.renderCompose() : nothing}
      ${
        community
          ? this.forum.listTask.render({
              initial: () => this.renderLoading(),
              pending: () => this.renderLoading(),
              complete: () =>
                !this.forum.joined
                  ? this.renderJoin()
                  : this.forum.threads.length === 0
                    ? this.renderEmpty()
                    : this.renderThreads(),
              error: (error) =>
                renderErrorState({
                  message: this.errorMessage(error),
                  onRetry: this.retryList,
                }),
            })
          : renderEmptyState({ title: msg('Aucune communauté choisie.') })
      }`;
  }

  private renderJoin(): TemplateResult {
    return html`<div class="join" part="join">
      <p>
        ${msg(
          'Rejoignez la communauté pour lire les discussions et y participer. Vous choisissez un pseudonyme : votre nom n’est jamais montré aux autres membres. Vous pouvez la quitter à tout moment.',
        )}
      </p>
      <button
        type="button"
        class="primary-button touch-target"
        part="join-button"
        @click=${() => this.dialogs.askPseudonym('join')}
      >
        ${msg('Rejoindre la communauté')}
      </button>
    </div>`;
  }

  private renderLoading(): TemplateResult {
    // An empty busy feed tells assistive technologies the discussions are on their way.
    return html`${renderLoadingState({ label: msg('Chargement des discussions…'), lines: 4 })}
      <div class="feed" role="feed" aria-busy="true" aria-labelledby="forum-heading"></div>`;
  }

  private renderEmpty(): TemplateResult {
    return renderEmptyState({
      title: msg("Aucune discussion pour l'instant — lancez la première !"),
      description: msg('Posez une question ou partagez une astuce : les autres membres pourront vous répondre.'),
    });
  }

  private renderThreads(): TemplateResult {
    const more = this.forum.moreError;
    return renderThreadList({
      threads: this.forum.threads,
      total: Math.max(this.forum.threadTotal, this.forum.threads.length),
      loadingMore: this.forum.loadingMore,
      hasMore: this.forum.hasMoreThreads,
      moreError: more === undefined ? undefined : this.errorMessage(more),
      labelledBy: 'forum-heading',
      locale: this.locale,
      now: new Date(),
      focus: this.threadFeedFocus,
      onOpen: (thread) => this.openThread(thread),
      onLoadMore: () => void this.loadMore(),
    });
  }

  private renderCompose(): TemplateResult {
    const writing = this.writing;
    return renderComposeForm({
      title: writing.threadTitleDraft,
      body: writing.threadBodyDraft,
      message: writing.composeMessage,
      publishing: writing.publishing,
      pseudonym: this.forum.pseudonym,
      onTitleInput: (value) => writing.writeThreadTitle(value),
      onBodyInput: (value) => writing.writeThreadBody(value),
      onSubmit: writing.submitThread,
      onCancel: () => writing.cancelComposing(),
    });
  }

  private renderThread(): TemplateResult {
    const task = this.forum.threadTask;
    const writing = this.writing;
    const complete = task.status === TaskStatus.COMPLETE ? task.value : undefined;
    const error = task.status === TaskStatus.ERROR ? task.error : undefined;
    return renderThreadView({
      thread: complete?.thread ?? this.openedThread,
      posts: complete?.posts,
      loading: task.status === TaskStatus.PENDING || task.status === TaskStatus.INITIAL,
      errorMessage: error === undefined ? undefined : this.errorMessage(error),
      locale: this.locale,
      now: new Date(),
      edit: writing.edit,
      replyTo: writing.replyTo,
      replyDraft: writing.replyDraft,
      replyMessage: writing.replyMessage,
      publishing: writing.publishing,
      pseudonym: this.forum.pseudonym,
      focus: this.postFeedFocus,
      onBack: () => this.backToList(),
      onGoToReply: () => this.focusSoon('#reply-body'),
      onRetry: this.retryThread,
      onReplyTo: (post) => writing.replyToPost(post),
      onCancelReplyTo: () => writing.replyToPost(undefined),
      onReplyInput: (value) => writing.writeReply(value),
      onReplySubmit: writing.submitReply,
      onEdit: (post) => writing.startEdit(post),
      onEditInput: (value) => writing.editInput(value),
      onEditSave: (event, post) => void writing.saveEdit(event, post),
      onEditCancel: () => writing.cancelEdit(),
      onDelete: (post) => this.dialogs.askDelete(post),
      onReport: (post) => this.dialogs.askReport(post),
    });
  }
}
