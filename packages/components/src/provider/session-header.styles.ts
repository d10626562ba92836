import { css } from 'lit';

/** Styles of the connected-mode sign-in prompt and signed-in header. */
export const sessionHeaderStyles = css`
  .sign-in {
    display: grid;
    gap: var(--carnet-sys-space-s);
    padding: var(--carnet-sys-space-m);
    border: 1px solid var(--carnet-sys-outline);
    border-radius: var(--carnet-sys-radius);
    background: var(--carnet-sys-surface-variant);
  }

  .sign-in-title {
    margin: 0;
    font-size: var(--carnet-sys-font-size-title);
  }

  .sign-in-text,
  .sign-in-busy {
    margin: 0;
    max-inline-size: 60ch;
  }

  .sign-in-busy {
    color: var(--carnet-sys-on-surface-variant);
  }

  .notice {
    margin: 0;
    padding: var(--carnet-sys-space-s) var(--carnet-sys-space-m);
    border-inline-start: 4px solid var(--carnet-sys-danger);
    background: var(--carnet-sys-surface);
    font-weight: 600;
  }

  .session-header {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: var(--carnet-sys-space-s);
    margin-block-end: var(--carnet-sys-space-m);
    padding: var(--carnet-sys-space-s) var(--carnet-sys-space-m);
    border: 1px solid var(--carnet-sys-outline);
    border-radius: var(--carnet-sys-radius);
    background: var(--carnet-sys-surface-variant);
  }

  .session-who {
    display: flex;
    flex-wrap: wrap;
    gap: var(--carnet-sys-space-s);
    margin: 0;
  }

  .session-label {
    color: var(--carnet-sys-on-surface-variant);
  }

  .session-name {
    font-weight: 600;
    overflow-wrap: anywhere;
  }

  .action {
    justify-self: start;
    padding: 0 var(--carnet-sys-space-m);
    border: 2px solid var(--carnet-sys-accent);
    border-radius: var(--carnet-sys-radius);
    font-weight: 600;
    cursor: pointer;
  }

  .action--primary {
    background: var(--carnet-sys-accent);
    color: var(--carnet-sys-on-accent);
  }

  .action--secondary {
    background: var(--carnet-sys-surface);
    color: var(--carnet-sys-accent);
  }

  .action[aria-disabled='true'] {
    cursor: progress;
  }

  .record-banner {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: var(--carnet-sys-space-s);
    margin-block-end: var(--carnet-sys-space-m);
    padding: var(--carnet-sys-space-s) var(--carnet-sys-space-m);
    border-inline-start: 4px solid var(--carnet-sys-accent);
    background: var(--carnet-sys-surface-variant);
  }

  .record-banner-text {
    margin: 0;
    font-weight: 600;
  }

  .record-picker {
    display: grid;
    gap: var(--carnet-sys-space-s);
  }

  .record-picker h2 {
    margin: 0;
    font-size: var(--carnet-sys-font-size-title);
  }

  .record-choices {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: var(--carnet-sys-space-s);
  }

  .record-choices li {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--carnet-sys-space-s);
  }

  .record-parts {
    color: var(--carnet-sys-on-surface-variant);
  }

  .record-banner-text:focus,
  .record-picker h2:focus {
    outline: none;
  }

  .record-banner-text:focus-visible,
  .record-picker h2:focus-visible {
    outline: var(--carnet-sys-focus-ring-width) solid var(--carnet-sys-focus-ring);
  }

  .remember {
    display: grid;
    grid-template-columns: auto 1fr;
    align-items: center;
    gap: var(--carnet-ref-space-1) var(--carnet-sys-space-s);
  }

  .remember input {
    inline-size: 1.25rem;
    block-size: 1.25rem;
    margin: 0;
    accent-color: var(--carnet-sys-accent);
  }

  .remember-help {
    grid-column: 2;
    margin: 0;
    max-inline-size: 60ch;
    font-size: var(--carnet-sys-font-size-small);
    color: var(--carnet-sys-on-surface-variant);
  }

  .sync-line {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--carnet-sys-space-s);
    margin-block-end: var(--carnet-sys-space-s);
    font-size: var(--carnet-sys-font-size-small);
  }

  .sync-status {
    margin: 0;
    color: var(--carnet-sys-on-surface-variant);
  }

  .sync-line[data-status='offline'] .sync-status {
    padding-inline-start: var(--carnet-sys-space-s);
    border-inline-start: 4px solid var(--carnet-sys-warning);
    color: var(--carnet-sys-on-surface);
    font-weight: 600;
  }

  .sync-conflicts {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--carnet-sys-space-s);
    margin: 0;
    font-weight: 600;
  }

  .conflict-subject {
    margin: 0;
    font-weight: 600;
  }

  .conflict-why {
    margin: 0;
    max-inline-size: 60ch;
  }

  .conflict-sides {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(14rem, 1fr));
    gap: var(--carnet-sys-space-m);
  }

  .conflict-side {
    padding: var(--carnet-sys-space-s) var(--carnet-sys-space-m);
    border: 1px solid var(--carnet-sys-outline);
    border-radius: var(--carnet-sys-radius);
  }

  .conflict-side-title {
    margin: 0 0 var(--carnet-ref-space-1);
    font-size: var(--carnet-sys-font-size-base);
  }

  .conflict-lines {
    margin: 0;
    padding-inline-start: 1.25em;
  }

  .conflict-dialog {
    --carnet-dialog-inline-size: 40rem;
  }

  .conflict-dialog[open] {
    display: grid;
    gap: var(--carnet-sys-space-s);
  }

  .conflict-dialog .dialog-title {
    margin: 0;
    font-size: var(--carnet-sys-font-size-title);
  }

  .conflict-dialog .dialog-actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--carnet-sys-space-s);
    margin-block-start: var(--carnet-sys-space-s);
  }
`;
