import { css } from 'lit';

/** Styles of `<carnet-reminders>`. */
export const remindersStyles = css`
  :host {
    display: block;
  }

  .base {
    display: grid;
    gap: var(--carnet-sys-space-s, 0.5rem);
    padding: var(--carnet-reminders-padding, var(--carnet-sys-space-m, 1rem));
    border: 1px solid var(--carnet-sys-outline, currentColor);
    border-radius: var(--carnet-sys-radius, 8px);
    background: var(--carnet-reminders-background, var(--carnet-sys-surface, transparent));
  }

  .title {
    margin: 0;
    font-size: var(--carnet-sys-font-size-large, 1.125rem);
    line-height: 1.25;
  }

  .notices {
    display: grid;
    gap: var(--carnet-sys-space-s, 0.5rem);
  }

  .notice {
    display: grid;
    gap: var(--carnet-sys-space-s, 0.5rem);
    padding: var(--carnet-sys-space-s, 0.5rem) var(--carnet-sys-space-m, 1rem);
    border: 2px solid var(--carnet-reminders-notice-border, var(--carnet-sys-accent, currentColor));
    border-radius: var(--carnet-sys-radius, 8px);
    background: var(--carnet-sys-surface, transparent);
  }

  .notice p {
    margin: 0;
  }

  .notice-kind {
    font-size: var(--carnet-sys-font-size-small, 0.875rem);
    color: var(--carnet-sys-on-surface-variant, inherit);
  }

  .notice-text {
    font-weight: 600;
  }

  .notice-failure {
    color: var(--carnet-sys-danger, inherit);
  }

  .notice-actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--carnet-sys-space-s, 0.5rem);
  }

  .action {
    font: inherit;
    padding: 0 var(--carnet-sys-space-m, 1rem);
    border: 1px solid var(--carnet-sys-outline, currentColor);
    border-radius: var(--carnet-sys-radius, 8px);
    background: var(--carnet-sys-surface, transparent);
    color: var(--carnet-sys-on-surface, inherit);
    cursor: pointer;
  }

  .action--primary {
    background: var(--carnet-sys-accent, transparent);
    color: var(--carnet-sys-on-accent, inherit);
    border-color: var(--carnet-sys-accent, currentColor);
  }

  .action[aria-disabled='true'],
  .action:disabled {
    opacity: 0.6;
    cursor: progress;
  }

  .notifications {
    margin: 0;
    display: grid;
    gap: var(--carnet-sys-space-s, 0.5rem);
    justify-items: start;
  }

  .notifications p,
  .hint {
    margin: 0;
  }

  .hint {
    font-size: var(--carnet-sys-font-size-small, 0.875rem);
    color: var(--carnet-sys-on-surface-variant, inherit);
  }

  .details {
    display: flex;
    align-items: center;
    gap: var(--carnet-sys-space-s, 0.5rem);
    min-height: var(--carnet-sys-target-size, 44px);
  }

  .details input {
    width: 1.25rem;
    height: 1.25rem;
  }

  @media (forced-colors: active) {
    .notice,
    .action {
      border-color: CanvasText;
    }
    .action--primary {
      border-color: ButtonText;
    }
  }
`;
