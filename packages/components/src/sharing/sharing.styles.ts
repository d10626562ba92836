import { css } from 'lit';

/** Styles of `<carnet-sharing>`. */
export const sharingStyles = css`
  :host {
    display: block;
    --carnet-sharing-item-background: var(--carnet-sys-surface-variant);
  }

  .base {
    display: grid;
    gap: var(--carnet-sys-space-m, 1rem);
  }

  .title,
  h3 {
    margin: 0;
  }

  .title {
    font-size: var(--carnet-sys-font-size-title, 1.375rem);
  }

  .list {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: var(--carnet-sys-space-s, 0.5rem);
  }

  .item {
    display: flex;
    flex-wrap: wrap;
    justify-content: space-between;
    align-items: center;
    gap: var(--carnet-sys-space-s, 0.5rem);
    padding: var(--carnet-sys-space-s, 0.5rem) var(--carnet-sys-space-m, 1rem);
    background: var(--carnet-sharing-item-background);
    border: 1px solid var(--carnet-sys-outline, currentColor);
    border-radius: var(--carnet-sys-radius, 0.5rem);
  }

  .who {
    margin: 0;
    font-weight: 600;
  }

  .detail,
  .none {
    margin: 0;
  }

  .grant-form {
    display: grid;
    gap: var(--carnet-sys-space-s, 0.5rem);
    max-width: 36rem;
  }

  .parts {
    display: grid;
    gap: var(--carnet-sys-space-s, 0.5rem);
    border: 1px solid var(--carnet-sys-outline, currentColor);
    border-radius: var(--carnet-sys-radius, 0.5rem);
  }

  .field {
    display: grid;
    gap: var(--carnet-sys-space-xs, 0.25rem);
  }

  select,
  input,
  .action {
    font: inherit;
    min-height: var(--carnet-sys-target-size, 44px);
  }

  .action {
    padding: 0.25rem var(--carnet-sys-space-m, 1rem);
    border: 2px solid var(--carnet-sys-outline);
    border-radius: var(--carnet-sys-radius, 8px);
    background: var(--carnet-sys-surface);
    color: var(--carnet-sys-on-surface, inherit);
    cursor: pointer;
  }

  .action--primary {
    border-color: var(--carnet-sys-accent);
    background: var(--carnet-sys-accent);
    color: var(--carnet-sys-on-accent);
    font-weight: 600;
    justify-self: start;
  }

  .action--danger {
    border-color: var(--carnet-sys-danger);
    background: var(--carnet-sys-danger);
    color: var(--carnet-sys-on-accent);
    font-weight: 600;
  }

  .dialog-title {
    margin: 0 0 var(--carnet-sys-space-s, 0.5rem);
    font-size: var(--carnet-sys-font-size-title, 1.375rem);
  }

  .form-actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--carnet-sys-space-s, 0.5rem);
  }

  .action[aria-disabled='true'] {
    cursor: progress;
    opacity: 0.7;
  }

  .problem {
    margin: 0;
    color: var(--carnet-sys-danger);
    font-weight: 600;
  }

  h3:focus {
    outline: none;
  }

  h3:focus-visible {
    outline: var(--carnet-sys-focus-ring-width, 3px) solid var(--carnet-sys-focus-ring);
  }
`;
