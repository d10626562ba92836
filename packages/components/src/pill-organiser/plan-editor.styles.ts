import { css } from 'lit';

/** Styles of the treatment editor; adopted with the dialogs' code (`organiser-dialogs.panel.ts`). */
export const planEditorStyles = css`
  .dialog--plan {
    --carnet-dialog-inline-size: 40rem;
  }
  .form-row {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(10rem, 1fr));
    gap: var(--carnet-sys-space-s, 0.5rem);
  }
  .form-row > div {
    display: grid;
    gap: 0.25rem;
  }
  .weekdays {
    display: flex;
    flex-wrap: wrap;
    gap: var(--carnet-sys-space-s, 0.5rem);
    border: 1px solid var(--carnet-sys-outline);
    border-radius: var(--carnet-ref-radius-s, 4px);
    margin: 0.25rem 0;
  }
  .weekday {
    display: inline-flex;
    align-items: center;
    gap: 0.25rem;
    min-block-size: var(--carnet-sys-target-size, 44px);
  }
  .dialog-form .weekday input {
    min-block-size: auto;
    inline-size: 1.25rem;
    block-size: 1.25rem;
  }
  .hint {
    color: var(--carnet-sys-on-surface-variant, inherit);
    font-size: 0.9em;
  }
  .plan-preview {
    margin: var(--carnet-sys-space-s, 0.5rem) 0 0;
    font-weight: 600;
  }
  .plan-preview:empty {
    display: none;
  }
`;
