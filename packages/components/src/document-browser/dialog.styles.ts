import { css } from 'lit';

/** Styles of the document browser's dialogs: preview, send, tag editor. */
export const documentDialogStyles = css`
  .dialog {
    --carnet-dialog-inline-size: 48rem;
  }
  .dialog--send,
  .dialog--tags {
    --carnet-dialog-inline-size: 32rem;
  }
  .dialog-header {
    display: flex;
    align-items: start;
    justify-content: space-between;
    gap: var(--carnet-sys-space-m, 1rem);
  }
  .dialog-title {
    margin: 0;
    font-size: var(--carnet-sys-font-size-large, 1.125rem);
  }
  .dialog-subtitle {
    margin: 0.25rem 0 var(--carnet-sys-space-s, 0.5rem);
    color: var(--carnet-sys-on-surface-variant, inherit);
  }
  .dialog-actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--carnet-sys-space-s, 0.5rem);
    margin-block-start: var(--carnet-sys-space-m, 1rem);
  }
  .preview-body {
    display: grid;
    grid-template-columns: minmax(0, 2fr) minmax(12rem, 1fr);
    gap: var(--carnet-sys-space-m, 1rem);
    margin-block-start: var(--carnet-sys-space-s, 0.5rem);
  }
  @media (max-width: 40rem) {
    .preview-body {
      grid-template-columns: minmax(0, 1fr);
    }
  }
  .preview-frame {
    display: grid;
    place-items: center;
    min-block-size: 12rem;
    border-radius: var(--carnet-sys-radius, 8px);
    background: var(--carnet-sys-surface-variant, transparent);
  }
  .preview-image {
    max-inline-size: 100%;
    max-block-size: 60vh;
    object-fit: contain;
  }
  .preview-pdf {
    display: grid;
    gap: var(--carnet-sys-space-s, 0.5rem);
    inline-size: 100%;
    max-block-size: 60vh;
    overflow: auto;
  }
  .pdf-page {
    margin: 0;
  }
  .pdf-page canvas {
    display: block;
    inline-size: 100%;
    block-size: auto;
    border: 1px solid var(--carnet-sys-outline, currentColor);
    /* A page is paper: white in every theme, like the file it shows. */
    background: white;
  }
  .preview-message {
    margin: 0;
    padding: var(--carnet-sys-space-m, 1rem);
  }
  .preview-message--error {
    color: var(--carnet-sys-danger, inherit);
  }
  .details {
    display: grid;
    gap: var(--carnet-sys-space-s, 0.5rem);
    margin: 0;
  }
  .details dt {
    font-size: var(--carnet-sys-font-size-small, 0.875rem);
    color: var(--carnet-sys-on-surface-variant, inherit);
  }
  .details dd {
    margin: 0;
    overflow-wrap: anywhere;
  }
  .recipients {
    display: grid;
    gap: 0.25rem;
    margin: 0 0 var(--carnet-sys-space-s, 0.5rem);
    padding: 0;
    border: 0;
  }
  .recipients legend {
    padding: 0;
    font-weight: 600;
  }
  .recipient {
    display: flex;
    align-items: center;
    gap: var(--carnet-sys-space-s, 0.5rem);
    min-block-size: var(--carnet-sys-target-size, 44px);
  }
  .upload-choice,
  .upload-form,
  .send-form,
  .tag-form {
    display: grid;
    gap: 0.25rem;
  }
  .upload-choice > label,
  .upload-form > label,
  .send-form > label,
  .tag-form > label {
    font-weight: 600;
  }
  .upload-form input,
  .upload-form select,
  .upload-choice input {
    min-block-size: var(--carnet-sys-target-size, 44px);
    font: inherit;
  }
  .tag-form-row {
    display: flex;
    gap: var(--carnet-sys-space-s, 0.5rem);
  }
  .tag-form-row input {
    flex: 1;
  }
  .tag--editable {
    padding-inline-end: 0;
  }
  .tag-list {
    margin-block: var(--carnet-sys-space-s, 0.5rem);
  }
  .visibility {
    display: grid;
    gap: var(--carnet-sys-space-s, 0.5rem);
    justify-items: start;
    margin-block-start: var(--carnet-sys-space-m, 1rem);
  }
  .visibility p {
    margin: 0;
  }
  .visibility-title {
    margin: 0;
    font-size: var(--carnet-sys-font-size-base, 1rem);
  }
`;
