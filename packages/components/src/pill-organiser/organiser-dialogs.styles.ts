import { css } from 'lit';

/**
 * What the organiser's dialogs share (the dialog of a dose, the treatment editor, a new box, a
 * stop): their width, title, forms and action rows. Adopted with their code
 * (`organiser-dialogs.panel.ts`), which loads on demand.
 */
export const organiserDialogStyles = css`
  .dialog {
    --carnet-dialog-inline-size: 28rem;
  }
  .dialog-title {
    margin: 0;
    font-size: var(--carnet-sys-font-size-large, 1.125rem);
  }
  .dialog-subtitle,
  .dialog-state,
  .recorded {
    margin: 0.25rem 0 var(--carnet-sys-space-s, 0.5rem);
  }
  .dialog-state {
    font-weight: 600;
  }
  .dialog-form {
    display: grid;
    gap: 0.25rem;
  }
  .dialog-form input,
  .dialog-form select,
  .dialog-form textarea {
    min-block-size: var(--carnet-sys-target-size, 44px);
    font: inherit;
    border: 1px solid var(--carnet-sys-outline);
    border-radius: var(--carnet-ref-radius-s, 4px);
    padding: 0.25rem 0.5rem;
  }
  .dialog-actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--carnet-sys-space-s, 0.5rem);
    margin-block-start: var(--carnet-sys-space-m, 1rem);
  }
  .dialog-actions--menu {
    display: grid;
  }
`;
