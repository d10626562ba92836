import { css } from 'lit';

/** Look of `<carnet-medical-profile>`: colours through system tokens only. */
export const medicalProfileStyles = css`
  :host {
    display: block;
    --carnet-medical-profile-gap: var(--carnet-sys-space-m, 1rem);
  }
  .base {
    display: grid;
    gap: var(--carnet-medical-profile-gap);
  }
  .title {
    margin: 0;
    font-size: var(--carnet-sys-font-size-title, 1.375rem);
  }
  .sections {
    display: grid;
    gap: var(--carnet-medical-profile-gap);
  }
  .section {
    display: grid;
    gap: var(--carnet-sys-space-s, 0.5rem);
    justify-items: start;
    padding: var(--carnet-sys-space-m, 1rem);
    border: 1px solid var(--carnet-sys-outline);
    border-radius: var(--carnet-sys-radius, 8px);
    background: var(--carnet-sys-surface);
  }
  .section-title {
    margin: 0;
    font-size: var(--carnet-sys-font-size-large, 1.125rem);
  }
  .entries {
    display: grid;
    gap: var(--carnet-sys-space-s, 0.5rem);
    justify-self: stretch;
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .entry {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: var(--carnet-sys-space-s, 0.5rem);
  }
  .entry-text {
    display: grid;
  }
  .facts,
  .nothing,
  .field-hint {
    margin: 0;
    color: var(--carnet-sys-on-surface-variant, inherit);
  }
  .action {
    padding: 0.25rem var(--carnet-sys-space-m, 1rem);
    border: 2px solid var(--carnet-sys-outline);
    border-radius: var(--carnet-sys-radius, 8px);
    background: var(--carnet-sys-surface);
    color: var(--carnet-sys-on-surface, inherit);
    font: inherit;
    cursor: pointer;
  }
  .action--primary {
    border-color: var(--carnet-sys-accent);
    background: var(--carnet-sys-accent);
    color: var(--carnet-sys-on-accent);
    font-weight: 600;
  }
  .action--danger {
    border-color: var(--carnet-sys-danger);
    color: var(--carnet-sys-danger);
  }
  .link-button {
    padding: 0 0.5rem;
    border: 0;
    background: none;
    color: var(--carnet-sys-accent);
    font: inherit;
    text-decoration: underline;
    cursor: pointer;
  }
  .touch-target {
    min-block-size: var(--carnet-sys-target-size, 44px);
    min-inline-size: var(--carnet-sys-target-size, 44px);
  }
  .form {
    display: grid;
    gap: var(--carnet-sys-space-s, 0.5rem);
  }
  .dialog-title {
    margin: 0;
    font-size: var(--carnet-sys-font-size-large, 1.125rem);
  }
  .field {
    display: grid;
    gap: 0.25rem;
  }
  input:not([type='radio']) {
    min-block-size: var(--carnet-sys-target-size, 44px);
    padding: 0 0.5rem;
    border: 1px solid var(--carnet-sys-outline);
    border-radius: var(--carnet-sys-radius, 8px);
    background: var(--carnet-sys-surface);
    color: var(--carnet-sys-on-surface, inherit);
    font: inherit;
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
  fieldset {
    display: flex;
    flex-wrap: wrap;
    gap: 0 var(--carnet-sys-space-m, 1rem);
    margin: 0;
    border: 1px solid var(--carnet-sys-outline);
    border-radius: var(--carnet-sys-radius, 8px);
  }
  legend {
    font-weight: 600;
  }
  .check {
    display: inline-flex;
    align-items: center;
    gap: 0.25rem;
    min-block-size: var(--carnet-sys-target-size, 44px);
  }
  .dialog-actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--carnet-sys-space-s, 0.5rem);
  }
  :focus-visible {
    outline: var(--carnet-sys-focus-ring-width, 3px) solid var(--carnet-sys-focus-ring);
    outline-offset: 2px;
  }
`;
