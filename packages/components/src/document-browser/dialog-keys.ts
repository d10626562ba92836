/**
 * Closes a `<dialog>` on Escape ourselves: the native close request may be
 * skipped (Chrome ignores repeated Escapes without user activation, and hidden
 * pages), and the patient must always be able to get out with Escape.
 */
export function closeOnEscape(event: KeyboardEvent, onClosed: () => void): void {
  if (event.key !== 'Escape' || event.defaultPrevented) return;
  const dialog = event.currentTarget;
  if (!(dialog instanceof HTMLDialogElement) || !dialog.open) return;
  event.preventDefault();
  dialog.close();
  // Tidy up now: the dialog's `close` event is queued and may come late (or, in a hidden page, not at all).
  onClosed();
}
