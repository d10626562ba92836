import type { ReactiveControllerHost } from 'lit';
import { msg } from '@lit/localize';
import type { ForumPost, ForumThread } from '@carnet/catalog-sdk';
import type {} from '../events/carnet-post-create.js';
import { emit } from '../events/emit.js';
import type { PendingPublication } from './forum-dialogs.controller.js';
import type { ForumFeedController } from './forum-feed.controller.js';
import { writeFailureMessage } from './forum-labels.js';
import { domId } from './forum-thread-list.template.js';
import type { PostEdit } from './forum-thread.template.js';

/** What publishing needs the element to do. */
export interface ForumPublishingCallbacks {
  /** Asks for the pseudonym first; publishing resumes through `publish(pending)`. */
  askPseudonym: (pending: PendingPublication) => void;
  /** Shows a discussion just published. */
  openThread: (thread: ForumThread) => void;
  /** Focuses the element matching `selector` once rendered. */
  focus: (selector: string) => void;
  /** Says a sentence to screen reader users. */
  announce: (text: string) => void;
}

/**
 * What the patient writes: the new-discussion form, the reply (and the post it
 * answers), and the edit of one's own post. Drafts live here, so a failed or
 * conflicting write never loses a word.
 */
export class ForumPublishingController {
  /** True while the new-discussion form is shown. */
  composing = false;
  #threadTitleDraft = '';
  #threadBodyDraft = '';
  composeMessage: string | undefined;
  #replyDraft = '';

  /** The new discussion's subject as typed. */
  get threadTitleDraft(): string {
    return this.#threadTitleDraft;
  }
  /** The new discussion's first message as typed. */
  get threadBodyDraft(): string {
    return this.#threadBodyDraft;
  }
  /** The reply as typed. */
  get replyDraft(): string {
    return this.#replyDraft;
  }

  /** The patient typed the new discussion's subject. */
  writeThreadTitle(value: string): void {
    this.#threadTitleDraft = value;
  }

  /** The patient typed the new discussion's first message. */
  writeThreadBody(value: string): void {
    this.#threadBodyDraft = value;
  }

  /** The patient typed their reply. */
  writeReply(value: string): void {
    this.#replyDraft = value;
  }
  /** The post the reply answers, if any. */
  replyTo: ForumPost | undefined;
  replyMessage: string | undefined;
  /** True while a discussion or reply is being published. */
  publishing = false;
  /** The own post being edited, with its draft. */
  edit: PostEdit | undefined;

  private readonly host: ReactiveControllerHost & HTMLElement;
  private readonly forum: ForumFeedController;
  private readonly callbacks: ForumPublishingCallbacks;

  constructor(
    host: ReactiveControllerHost & HTMLElement,
    forum: ForumFeedController,
    callbacks: ForumPublishingCallbacks,
  ) {
    this.host = host;
    this.forum = forum;
    this.callbacks = callbacks;
  }

  private changed(): void {
    this.host.requestUpdate();
  }

  /** Shows the new-discussion form. */
  startComposing(): void {
    this.composing = true;
    this.composeMessage = undefined;
    this.changed();
    this.callbacks.focus('#compose-subject');
  }

  /** Hides the new-discussion form (drafts are kept for next time). */
  cancelComposing(): void {
    this.composing = false;
    this.changed();
    this.callbacks.focus('button[part="new-thread"]');
  }

  /** Forgets the reply target and the edit, when another thread opens. */
  resetThread(): void {
    this.edit = undefined;
    this.replyTo = undefined;
    this.replyMessage = undefined;
    this.changed();
  }

  /** Publishes what waited, now that the pseudonym is chosen. */
  publish(pending: PendingPublication): Promise<void> {
    if (pending === 'join') return Promise.resolve();
    return pending === 'thread' ? this.publishThread() : this.publishReply();
  }

  /** Submit handler of the new-discussion form. */
  readonly submitThread = (event: SubmitEvent): void => {
    event.preventDefault();
    if (this.forum.pseudonym === undefined) this.callbacks.askPseudonym('thread');
    else void this.publishThread();
  };

  /** Submit handler of the reply form. */
  readonly submitReply = (event: SubmitEvent): void => {
    event.preventDefault();
    if (this.forum.pseudonym === undefined) this.callbacks.askPseudonym('reply');
    else void this.publishReply();
  };

  private async publishThread(): Promise<void> {
    if (this.publishing) return;
    this.publishing = true;
    this.composeMessage = undefined;
    this.changed();
    try {
      const published = await this.forum.createThread(this.#threadTitleDraft, this.#threadBodyDraft);
      this.#threadTitleDraft = '';
      this.#threadBodyDraft = '';
      this.composing = false;
      emit(this.host, 'carnet-post-create', published);
      this.callbacks.announce(msg('Votre discussion est publiée.'));
      const thread = this.forum.threads.find((known) => known.id === published.threadId);
      if (thread) this.callbacks.openThread(thread);
    } catch (error) {
      this.composeMessage = writeFailureMessage(error);
    } finally {
      this.publishing = false;
      this.changed();
    }
  }

  private async publishReply(): Promise<void> {
    if (this.publishing) return;
    this.publishing = true;
    this.replyMessage = undefined;
    this.changed();
    try {
      const published = await this.forum.reply(this.#replyDraft, this.replyTo?.id);
      this.#replyDraft = '';
      this.replyTo = undefined;
      emit(this.host, 'carnet-post-create', published);
      this.callbacks.announce(msg('Votre réponse est publiée.'));
      this.callbacks.focus(`#${domId('post', published.postId)}`);
    } catch (error) {
      this.replyMessage = writeFailureMessage(error);
    } finally {
      this.publishing = false;
      this.changed();
    }
  }

  /** Starts replying to `post` (or to the thread, with `undefined`). */
  replyToPost(post: ForumPost | undefined): void {
    this.replyTo = post;
    this.changed();
    this.callbacks.focus('#reply-body');
  }

  /** Opens the edit form of one's own post. */
  startEdit(post: ForumPost): void {
    this.edit = { postId: post.id, draft: post.body, saving: false };
    this.changed();
    this.callbacks.focus(`#${domId('edit', post.id)}`);
  }

  /** Keeps what the patient types in the edit form. */
  editInput(value: string): void {
    if (this.edit) this.edit = { ...this.edit, draft: value };
    this.changed();
  }

  /** Closes the edit form without saving. */
  cancelEdit(): void {
    const postId = this.edit?.postId;
    this.edit = undefined;
    this.changed();
    if (postId) this.callbacks.focus(`#${domId('post', postId)}`);
  }

  /** Saves the edit; on failure (a conflict included) the draft stays in the form. */
  async saveEdit(event: SubmitEvent, post: ForumPost): Promise<void> {
    event.preventDefault();
    const edit = this.edit;
    if (!edit || edit.saving) return;
    this.edit = { ...edit, saving: true, message: undefined };
    this.changed();
    try {
      // After a conflict the thread was reloaded: save on the version now shown.
      const latest = this.forum.threadTask.value?.posts.find((known) => known.id === post.id) ?? post;
      await this.forum.editPost(latest, edit.draft);
      this.edit = undefined;
      this.callbacks.announce(msg('Votre message est modifié.'));
      this.callbacks.focus(`#${domId('post', post.id)}`);
    } catch (error) {
      this.edit = { ...edit, saving: false, message: writeFailureMessage(error) };
    } finally {
      this.changed();
    }
  }
}
