import { css } from 'lit';

/** Styles of `<carnet-messages>`. */
export const messagesStyles = css`
  :host {
    display: block;
  }

  .base {
    display: grid;
    gap: var(--carnet-sys-space-m, 1rem);
  }

  .title {
    margin: 0;
    font-size: var(--carnet-sys-font-size-title, 1.375rem);
  }

  .layout {
    display: grid;
    grid-template-columns: minmax(12rem, 1fr) 2fr;
    gap: var(--carnet-sys-space-m, 1rem);
  }

  @media (max-width: 40rem) {
    .layout {
      grid-template-columns: 1fr;
    }
  }

  .threads,
  .messages,
  .attachments {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: var(--carnet-sys-space-s, 0.5rem);
  }

  .thread {
    display: grid;
    width: 100%;
    text-align: start;
    padding: var(--carnet-sys-space-s, 0.5rem);
    border: 1px solid var(--carnet-sys-outline, currentColor);
    border-radius: var(--carnet-sys-radius, 8px);
    background: var(--carnet-sys-surface, transparent);
    color: inherit;
    font: inherit;
    cursor: pointer;
  }

  .thread[aria-current='true'] {
    border-width: 2px;
    border-color: var(--carnet-sys-accent, currentColor);
  }

  .thread:focus-visible,
  select:focus-visible,
  textarea:focus-visible {
    outline: 3px solid var(--carnet-sys-focus-ring);
    outline-offset: 2px;
  }

  .unread {
    font-weight: 700;
    color: var(--carnet-sys-accent, inherit);
  }

  .message {
    padding: var(--carnet-sys-space-s, 0.5rem);
    border-radius: var(--carnet-sys-radius, 8px);
    border: 1px solid var(--carnet-sys-outline, currentColor);
  }

  .message--mine {
    background: var(--carnet-messages-mine-background, var(--carnet-sys-surface-variant, transparent));
  }

  .message-meta,
  .read-state {
    margin: 0;
    display: flex;
    gap: var(--carnet-sys-space-s, 0.5rem);
    font-size: 0.875rem;
    color: var(--carnet-sys-on-surface-variant, inherit);
  }

  .message-body {
    white-space: pre-wrap;
    margin: var(--carnet-sys-space-xs, 0.25rem) 0;
  }

  .compose,
  .start {
    display: grid;
    gap: var(--carnet-sys-space-xs, 0.25rem);
    margin-top: var(--carnet-sys-space-m, 1rem);
  }

  textarea,
  select {
    font: inherit;
    min-height: 44px;
  }

  .primary-button {
    justify-self: start;
    padding: 0 var(--carnet-sys-space-m, 1rem);
    border: 2px solid var(--carnet-sys-accent);
    border-radius: var(--carnet-sys-radius, 8px);
    background: var(--carnet-sys-accent);
    color: var(--carnet-sys-on-accent);
    font: inherit;
    font-weight: 600;
    cursor: pointer;
  }

  .notice {
    margin: 0;
    padding: var(--carnet-sys-space-s, 0.5rem) var(--carnet-sys-space-m, 1rem);
    border-inline-start: 4px solid var(--carnet-sys-accent, currentColor);
    background: var(--carnet-sys-surface-variant, transparent);
  }

  .notice--error {
    border-color: var(--carnet-sys-danger);
  }
`;
