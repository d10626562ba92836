import { css } from 'lit';

/** The agenda's native dialogs: editor, details, which occurrences, import. */
export const agendaDialogStyles = css`
  .dialog {
    --carnet-dialog-inline-size: 40rem;
  }
  .dialog--scope {
    --carnet-dialog-inline-size: 28rem;
  }
  .dialog-title {
    margin: 0 0 var(--carnet-sys-space-s, 0.5rem);
    font-size: var(--carnet-sys-font-size-large, 1.125rem);
  }
  .dialog-actions,
  .scope-choices {
    display: flex;
    flex-wrap: wrap;
    gap: var(--carnet-sys-space-s, 0.5rem);
    margin-block-start: var(--carnet-sys-space-m, 1rem);
  }
  .scope-choices {
    flex-direction: column;
    align-items: stretch;
  }
  .editor-form,
  .note-form {
    display: grid;
    gap: var(--carnet-sys-space-s, 0.5rem);
  }
  .field {
    display: grid;
    gap: 0.25rem;
  }
  .field > span:first-child {
    font-weight: 600;
  }
  .field--inline {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--carnet-sys-space-s, 0.5rem);
  }
  .field-row {
    display: flex;
    flex-wrap: wrap;
    gap: var(--carnet-sys-space-s, 0.5rem);
  }
  .field-row > .field {
    flex: 1 1 9rem;
  }
  input,
  select,
  textarea {
    min-block-size: var(--carnet-sys-target-size, 44px);
    padding: 0.25rem 0.5rem;
    border: 1px solid var(--carnet-sys-outline);
    border-radius: var(--carnet-sys-radius, 8px);
    background: var(--carnet-sys-surface);
    color: var(--carnet-sys-on-surface, inherit);
    font: inherit;
  }
  input[type='checkbox'],
  input[type='radio'] {
    min-block-size: auto;
  }
  input.short {
    inline-size: 6rem;
  }
  [aria-invalid='true'] {
    border: 2px solid var(--carnet-sys-danger);
  }
  .field-error,
  .problem {
    margin: 0;
    color: var(--carnet-sys-danger);
    font-weight: 600;
  }
  .confirmation {
    margin: 0;
    color: var(--carnet-sys-success);
  }
  fieldset {
    display: grid;
    gap: 0.25rem;
    margin: 0;
    padding: var(--carnet-sys-space-s, 0.5rem);
    border: 1px solid var(--carnet-sys-outline);
    border-radius: var(--carnet-sys-radius, 8px);
  }
  legend {
    padding: 0 0.25rem;
    font-weight: 600;
  }
  .weekdays {
    grid-template-columns: repeat(auto-fill, minmax(min(100%, 9rem), 1fr));
  }
  .weekdays legend {
    grid-column: 1 / -1;
  }
  .undo-bar {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--carnet-sys-space-s, 0.5rem);
    margin-block-start: var(--carnet-sys-space-s, 0.5rem);
    padding: var(--carnet-sys-space-s, 0.5rem);
    border: 1px solid var(--carnet-sys-outline);
    border-radius: var(--carnet-sys-radius, 8px);
    background: var(--carnet-sys-surface-variant);
  }
  .undo-bar p {
    margin: 0;
  }
  .recurrence-sentence {
    margin: 0;
    padding: var(--carnet-sys-space-s, 0.5rem);
    border-radius: var(--carnet-sys-radius, 8px);
    background: var(--carnet-sys-surface-variant);
    font-weight: 600;
  }
  .reminder-list {
    display: grid;
    gap: 0.25rem;
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .reminder,
  .reminder-add {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--carnet-sys-space-s, 0.5rem);
  }
  .link-button {
    padding: 0 0.5rem;
    border: 0;
    background: none;
    color: var(--carnet-sys-accent);
    text-decoration: underline;
    cursor: pointer;
  }
  .details {
    display: grid;
    gap: var(--carnet-sys-space-s, 0.5rem);
    margin: 0 0 var(--carnet-sys-space-m, 1rem);
  }
  .details dt {
    font-size: var(--carnet-sys-font-size-small, 0.875rem);
    color: var(--carnet-sys-on-surface-variant, inherit);
  }
  .details dd {
    margin: 0;
    overflow-wrap: anywhere;
  }
  .import-list {
    display: grid;
    gap: var(--carnet-sys-space-s, 0.5rem);
    max-block-size: 40vh;
    margin: 0;
    padding: 0;
    overflow: auto;
    list-style: none;
  }
  .import-item {
    display: grid;
  }
  .import-warnings {
    margin-block-start: var(--carnet-sys-space-s, 0.5rem);
    color: var(--carnet-sys-on-surface-variant, inherit);
  }
`;
