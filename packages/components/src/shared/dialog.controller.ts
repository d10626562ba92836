import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** What one modal dialog needs from its element. */
export interface DialogControllerOptions {
  /** Finds the native `<dialog>` in the element's render root, e.g. `dialog[part="editor"]`. */
  selector: string;
  /** Whether the dialog should be open: read from the controller that owns what it shows. */
  isOpen(): boolean;
  /**
   * The person dismissed the dialog (Escape, a close request, or something else closed
   * it): close what it shows. Called at once, not on the queued `close` event.
   */
  onDismiss(): void;
  /** Where focus goes back when the element that opened the dialog is gone (a re-rendered row, a removed post). */
  returnFocusFallback?(): HTMLElement | null | undefined | void;
}

/** Dialogs open in the page, the last one on top: only the top one answers Escape and keeps focus. */
const openStack: DialogController[] = [];

const FOCUSABLE = 'button, [href], input, select, textarea, summary, [tabindex]:not([tabindex="-1"])';

function isFocusable(element: HTMLElement): boolean {
  return !element.matches(':disabled') && element.getClientRects().length > 0;
}

/** The focused element inside `root`'s tree, looking through nested shadow roots. */
function deepActiveElement(root: DocumentOrShadowRoot): Element | null {
  let active = root.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/**
 * One modal `<dialog>` of an element: the one way Carnet opens, closes and
 * focuses dialogs (in the spirit of Lion's OverlayController and Shoelace's
 * `internal/modal.ts`).
 *
 * - Opens with `showModal()` and closes with `close()` to follow `isOpen()`
 *   after every update: the owning controller keeps the open state.
 * - Initial focus goes to the element marked `autofocus` (the safe choice:
 *   « Fermer », « Annuler », « Cette occurrence »), else to the first focusable one.
 * - Focus stays inside when the content changes under it (a step replaced, a
 *   button removed): it moves to the new safe choice instead of dropping to the page.
 * - Escape and close requests dismiss the top dialog — even when focus did not
 *   follow it in — and the owner tidies up at once.
 * - Focus returns to the element that opened the dialog, or to a fallback.
 */
export class DialogController implements ReactiveController {
  private readonly host: ReactiveControllerHost & HTMLElement;
  private readonly options: DialogControllerOptions;
  private opener: HTMLElement | undefined;
  private explicitOpener = false;
  private listenedDialog: HTMLDialogElement | undefined;
  private returnPending = false;

  constructor(host: ReactiveControllerHost & HTMLElement, options: DialogControllerOptions) {
    this.host = host;
    this.options = options;
    host.addController(this);
  }

  /** Whether the native dialog is open now. */
  get open(): boolean {
    return this.dialog?.open ?? false;
  }

  /** The native `<dialog>`, once rendered. */
  get dialog(): HTMLDialogElement | null {
    return this.host.shadowRoot?.querySelector<HTMLDialogElement>(this.options.selector) ?? null;
  }

  /**
   * Names the element focus returns to on close, for openers a click may not have
   * focused (call before the owner opens the dialog); `null` when the opener is
   * going away (a deleted post), so focus goes to the fallback.
   */
  setOpener(opener: HTMLElement | null): void {
    this.opener = opener ?? undefined;
    this.explicitOpener = true;
  }

  hostConnected(): void {
    document.addEventListener('keydown', this.onDocumentKeydown);
  }

  hostDisconnected(): void {
    document.removeEventListener('keydown', this.onDocumentKeydown);
    this.leaveStack();
    // A dialog does not survive its element leaving the page, nor reopens when it comes back.
    if (this.options.isOpen()) this.options.onDismiss();
    const dialog = this.dialog;
    if (dialog?.open) dialog.close();
    this.opener = undefined;
    this.explicitOpener = false;
    this.returnPending = false;
  }

  hostUpdate(): void {
    // Before rendering, the element that asked for the dialog still has focus.
    if (this.options.isOpen() && !this.open && !this.explicitOpener) this.opener = this.currentOpener();
  }

  hostUpdated(): void {
    const dialog = this.dialog;
    this.listenTo(dialog);
    if (!dialog) return;
    const wanted = this.options.isOpen();
    if (wanted && !dialog.open) {
      if (!dialog.isConnected) return;
      dialog.showModal();
      openStack.push(this);
      this.focusInitial();
    } else if (!wanted && dialog.open) {
      dialog.close();
      this.leaveStack();
      this.returnPending = true;
    } else if (wanted && this.isTop()) {
      const active = this.activeElement();
      // The focused control went away with the content it belonged to, or content
      // arrived in a dialog that was empty: focus moves to the safe choice, inside.
      if (!active || active === dialog || !dialog.contains(active)) this.focusInitial();
    }
    if (this.returnPending && !wanted) {
      this.returnPending = false;
      // After this update: focusing may make the element update again (a row becoming active).
      void this.host.updateComplete.then(() => {
        if (!this.options.isOpen()) this.returnFocus();
      });
    }
  }

  /** Dismisses the dialog as Escape would. */
  dismiss(): void {
    if (!this.options.isOpen()) return;
    this.options.onDismiss();
    if (this.options.isOpen()) return;
    const dialog = this.dialog;
    if (dialog?.open) dialog.close();
    this.leaveStack();
    this.returnPending = true;
    this.host.requestUpdate();
  }

  private activeElement(): Element | null {
    const root = this.host.shadowRoot;
    return root ? deepActiveElement(root) : null;
  }

  private currentOpener(): HTMLElement | undefined {
    const active = this.activeElement();
    if (!(active instanceof HTMLElement)) return undefined;
    // Opened from another dialog that closes meanwhile: return where that one would have.
    const owner = openStack.find((controller) => controller !== this && controller.dialog?.contains(active));
    if (owner && !owner.options.isOpen()) return owner.opener;
    return active;
  }

  private focusInitial(): void {
    const dialog = this.dialog;
    if (!dialog) return;
    const candidates = [
      ...dialog.querySelectorAll<HTMLElement>('[autofocus]'),
      ...dialog.querySelectorAll<HTMLElement>(FOCUSABLE),
    ];
    const target = candidates.find(isFocusable);
    if (target) target.focus();
    else {
      // Nothing to focus yet (still loading): the dialog itself holds focus.
      if (!dialog.hasAttribute('tabindex')) dialog.tabIndex = -1;
      dialog.focus();
    }
  }

  private returnFocus(): void {
    const opener = this.opener;
    this.opener = undefined;
    this.explicitOpener = false;
    if (opener?.isConnected && !opener.closest('dialog:not([open])') && isFocusable(opener)) {
      opener.focus();
      return;
    }
    this.options.returnFocusFallback?.()?.focus();
  }

  private isTop(): boolean {
    return openStack[openStack.length - 1] === this;
  }

  private leaveStack(): void {
    const index = openStack.indexOf(this);
    if (index >= 0) openStack.splice(index, 1);
  }

  private listenTo(dialog: HTMLDialogElement | null): void {
    if (dialog === this.listenedDialog) return;
    this.listenedDialog?.removeEventListener('cancel', this.onCancel);
    this.listenedDialog?.removeEventListener('close', this.onClose);
    this.listenedDialog = dialog ?? undefined;
    dialog?.addEventListener('cancel', this.onCancel);
    dialog?.addEventListener('close', this.onClose);
  }

  // Escape is handled here rather than left to the browser: Chrome skips repeated close
  // requests without user activation, and hidden pages get none; focus may also be outside.
  private readonly onDocumentKeydown = (event: KeyboardEvent): void => {
    if (event.key !== 'Escape' || event.defaultPrevented || !this.isTop() || !this.open) return;
    event.preventDefault();
    this.dismiss();
  };

  private readonly onCancel = (event: Event): void => {
    event.preventDefault();
    this.dismiss();
  };

  // Something else closed the native dialog (a form with method="dialog"): follow it.
  private readonly onClose = (event: Event): void => {
    const dialog = event.currentTarget as HTMLDialogElement;
    if (dialog.open) return;
    this.leaveStack();
    this.dismiss();
  };
}
