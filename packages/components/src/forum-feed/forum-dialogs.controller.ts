import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { msg } from '@lit/localize';
import type { ForumPost, ReportReason } from '@carnet/catalog-sdk';
import type {} from '../events/carnet-post-report.js';
import { emit } from '../events/emit.js';
import { DialogController } from '../shared/dialog.controller.js';
import type { DialogsView } from './forum-dialogs.template.js';
import type { ForumFeedController } from './forum-feed.controller.js';
import { REPORT_REASONS, writeFailureMessage } from './forum-labels.js';
import { domId } from './forum-thread-list.template.js';

/** What was being published when the pseudonym dialog interrupted it (`join`: joining the community). */
export type PendingPublication = 'thread' | 'reply' | 'join';

type OpenDialog = 'pseudonym' | 'report' | 'delete';

/** What the dialogs need the element to do. */
export interface ForumDialogsCallbacks {
  /** Publishes what was waiting for the pseudonym. */
  afterPseudonym: (pending: PendingPublication) => Promise<void> | void;
  /** The opening post was deleted, and with it the discussion. */
  afterThreadDeleted: () => void;
  /** Says a sentence to screen reader users. */
  announce: (text: string) => void;
}

const DIALOG_NAMES: readonly OpenDialog[] = ['pseudonym', 'report', 'delete'];

function isReportReason(value: unknown): value is ReportReason {
  return REPORT_REASONS.some((reason) => reason === value);
}

/**
 * The forum's modal dialogs: choosing the pseudonym (once, before the first
 * post), reporting a post, and confirming a deletion. Keeps which one is open
 * and what it shows; a `DialogController` per dialog opens it and moves focus.
 */
export class ForumDialogsController implements ReactiveController {
  private open: OpenDialog | undefined;
  private pending: PendingPublication | undefined;
  private pseudonymMessage: string | undefined;
  private reporting: ForumPost | undefined;
  private reportDone = false;
  private reportMessage: string | undefined;
  private deleting: ForumPost | undefined;
  private deleteMessage: string | undefined;
  private busy = false;
  /** The post a dialog was about, to focus it when the invoking button went away. */
  private aboutPostId: string | undefined;
  private readonly modals: Readonly<Record<OpenDialog, DialogController>>;

  private readonly host: ReactiveControllerHost & HTMLElement;
  private readonly forum: ForumFeedController;
  private readonly callbacks: ForumDialogsCallbacks;

  constructor(
    host: ReactiveControllerHost & HTMLElement,
    forum: ForumFeedController,
    callbacks: ForumDialogsCallbacks,
  ) {
    this.host = host;
    this.forum = forum;
    this.callbacks = callbacks;
    host.addController(this);
    const modal = (name: OpenDialog): DialogController =>
      new DialogController(host, {
        selector: `#${name}-dialog`,
        isOpen: () => this.open === name,
        onDismiss: () => this.close(),
        returnFocusFallback: () => this.aboutPost(),
      });
    this.modals = { pseudonym: modal('pseudonym'), report: modal('report'), delete: modal('delete') };
  }

  /** A dialog left open when the element leaves the page is not reopened when it comes back. */
  hostDisconnected(): void {
    this.open = undefined;
    this.pending = undefined;
  }

  private aboutPost(): HTMLElement | null | undefined {
    const postId = this.aboutPostId;
    return postId ? this.host.shadowRoot?.querySelector<HTMLElement>(`#${domId('post', postId)}`) : undefined;
  }

  private show(dialog: OpenDialog, postId?: string): void {
    // Focus returns to the button that opened the dialog (a click may not have focused it).
    const invoker = postId
      ? this.host.shadowRoot?.querySelector<HTMLElement>(`#${domId('post', postId)} button[data-action="${dialog}"]`)
      : undefined;
    if (invoker) this.modals[dialog].setOpener(invoker);
    this.aboutPostId = postId;
    this.open = dialog;
    this.host.requestUpdate();
  }

  /** Asks for the pseudonym, then publishes `pending`. */
  askPseudonym(pending: PendingPublication): void {
    this.pending = pending;
    this.pseudonymMessage = undefined;
    this.show('pseudonym');
  }

  /** Asks why `post` is reported. */
  askReport(post: ForumPost): void {
    this.reporting = post;
    this.reportDone = false;
    this.reportMessage = undefined;
    this.show('report', post.id);
  }

  /** Asks to confirm deleting one's own `post`. */
  askDelete(post: ForumPost): void {
    this.deleting = post;
    this.deleteMessage = undefined;
    this.show('delete', post.id);
  }

  /** The dialog open now, if any. */
  get openDialog(): OpenDialog | undefined {
    return DIALOG_NAMES.find((name) => name === this.open);
  }

  /** Closes the open dialog (Cancel and Close buttons, Escape); focus goes back to its opener. */
  close(): void {
    if (this.open === undefined) return;
    this.open = undefined;
    this.pending = undefined;
    this.reporting = undefined;
    this.deleting = undefined;
    this.busy = false;
    this.host.requestUpdate();
  }

  private readonly onClose = (): void => this.close();

  private readonly onPseudonymSubmit = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    if (this.busy) return;
    const form = event.currentTarget as HTMLFormElement;
    const chosen = new FormData(form).get('pseudonym');
    this.busy = true;
    try {
      await this.forum.choosePseudonym(typeof chosen === 'string' ? chosen : '');
      const pending = this.pending;
      this.close();
      this.callbacks.announce(msg('Votre pseudonyme est enregistré.'));
      if (pending) await this.callbacks.afterPseudonym(pending);
    } catch (error) {
      this.busy = false;
      this.pseudonymMessage = writeFailureMessage(error);
      this.host.requestUpdate();
    }
  };

  private readonly onReportSubmit = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    const post = this.reporting;
    if (this.busy || !post) return;
    const data = new FormData(event.currentTarget as HTMLFormElement);
    const reason = data.get('reason');
    const comment = data.get('comment');
    if (!isReportReason(reason)) {
      this.reportMessage = msg('Choisissez une raison.');
      this.host.requestUpdate();
      return;
    }
    this.busy = true;
    try {
      await this.forum.reportPost(post.id, reason, typeof comment === 'string' ? comment : undefined);
      this.reportDone = true;
      this.reportMessage = undefined;
      this.host.requestUpdate();
      emit(this.host, 'carnet-post-report', { postId: post.id, reason });
    } catch (error) {
      this.reportMessage = writeFailureMessage(error);
    } finally {
      this.busy = false;
      this.host.requestUpdate();
    }
  };

  private readonly onDeleteConfirm = async (): Promise<void> => {
    const post = this.deleting;
    if (this.busy || !post) return;
    this.busy = true;
    this.host.requestUpdate();
    try {
      // After a conflict the thread was reloaded: confirm again on the version now shown.
      const latest = this.forum.threadTask.value?.posts.find((known) => known.id === post.id) ?? post;
      const wholeThread = await this.forum.deletePost(latest);
      // The post is gone: focus does not go back to its button.
      this.modals.delete.setOpener(null);
      this.aboutPostId = undefined;
      this.close();
      this.callbacks.announce(wholeThread ? msg('La discussion est supprimée.') : msg('Votre message est supprimé.'));
      if (wholeThread) this.callbacks.afterThreadDeleted();
    } catch (error) {
      this.busy = false;
      this.deleteMessage = writeFailureMessage(error);
      this.host.requestUpdate();
    }
  };

  /** The dialogs' state and handlers, for `renderDialogs`. */
  view(): DialogsView {
    const opening = this.forum.threadTask.value?.posts[0];
    return {
      pseudonymMessage: this.pseudonymMessage,
      reporting: this.reporting,
      reportDone: this.reportDone,
      reportMessage: this.reportMessage,
      deleting: this.deleting,
      deletingWholeThread: this.deleting !== undefined && opening?.id === this.deleting.id,
      deleteMessage: this.deleteMessage,
      busy: this.busy,
      onPseudonymSubmit: (event) => void this.onPseudonymSubmit(event),
      onReportSubmit: (event) => void this.onReportSubmit(event),
      onDeleteConfirm: () => void this.onDeleteConfirm(),
      onClose: this.onClose,
    };
  }
}
