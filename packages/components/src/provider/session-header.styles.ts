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
`;
