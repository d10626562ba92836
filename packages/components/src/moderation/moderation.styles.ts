import { css } from 'lit';

/** Styles of `<carnet-moderation>`. */
export const moderationStyles = css`
  :host {
    display: block;
    --carnet-moderation-hidden-background: var(--carnet-sys-surface-variant);
  }

  .base {
    display: grid;
    gap: var(--carnet-sys-space-m, 1rem);
  }

  .title {
    margin: 0;
    font-size: var(--carnet-sys-font-size-title, 1.375rem);
  }

  .toolbar {
    display: flex;
    flex-wrap: wrap;
    gap: var(--carnet-sys-space-m, 1rem);
    align-items: end;
    justify-content: space-between;
  }

  .community-choice {
    display: grid;
    gap: var(--carnet-sys-space-xs, 0.25rem);
  }

  .community-name,
  .section-empty {
    margin: 0;
  }

  .section-title {
    margin: 0 0 var(--carnet-sys-space-s, 0.5rem);
    font-size: 1.125rem;
  }

  .queue,
  .suspensions {
    display: grid;
    gap: var(--carnet-sys-space-m, 1rem);
    margin: 0;
    padding: 0;
    list-style: none;
  }

  .report {
    display: grid;
    gap: var(--carnet-sys-space-s, 0.5rem);
    padding: var(--carnet-sys-space-m, 1rem);
    border: 1px solid var(--carnet-sys-outline, currentColor);
    border-radius: var(--carnet-sys-radius, 8px);
  }

  .report--hidden {
    background: var(--carnet-moderation-hidden-background);
  }

  .report-title {
    display: flex;
    flex-wrap: wrap;
    gap: var(--carnet-sys-space-s, 0.5rem);
    align-items: center;
    margin: 0;
    font-size: 1rem;
  }

  .report-meta,
  .report-count,
  .hidden-state {
    margin: 0;
  }

  .report-meta {
    color: var(--carnet-sys-on-surface-variant);
  }

  .report-count {
    font-weight: 600;
  }

  .badge {
    padding: 0 var(--carnet-sys-space-xs, 0.25rem);
    border: 1px solid var(--carnet-sys-danger);
    border-radius: var(--carnet-sys-radius, 8px);
    color: var(--carnet-sys-danger);
    font-size: 0.875rem;
  }

  .post-body {
    margin: 0;
    padding-inline-start: var(--carnet-sys-space-m, 1rem);
    border-inline-start: 4px solid var(--carnet-sys-outline, currentColor);
    white-space: pre-wrap;
    overflow-wrap: anywhere;
  }

  .reasons,
  .comments {
    margin: 0;
    padding-inline-start: 1.25rem;
  }

  .actions,
  .form-actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--carnet-sys-space-s, 0.5rem);
  }

  .suspensions li {
    display: flex;
    flex-wrap: wrap;
    gap: var(--carnet-sys-space-m, 1rem);
    align-items: center;
  }

  .primary-button,
  .secondary-button,
  .danger-button {
    padding: 0 var(--carnet-sys-space-m, 1rem);
    border: 2px solid var(--carnet-sys-accent);
    border-radius: var(--carnet-sys-radius, 8px);
    font: inherit;
    font-weight: 600;
    cursor: pointer;
  }

  .primary-button {
    background: var(--carnet-sys-accent);
    color: var(--carnet-sys-on-accent);
  }

  .secondary-button {
    background: var(--carnet-sys-surface, transparent);
    color: var(--carnet-sys-accent);
  }

  .danger-button {
    border-color: var(--carnet-sys-danger);
    background: var(--carnet-sys-danger);
    color: var(--carnet-sys-on-accent);
  }

  [aria-disabled='true'] {
    opacity: 0.7;
    cursor: progress;
  }

  .notice {
    margin: 0;
    padding: var(--carnet-sys-space-m, 1rem);
    border-inline-start: 4px solid var(--carnet-sys-accent);
    background: var(--carnet-sys-surface-variant);
  }

  .dialog-form {
    display: grid;
    gap: var(--carnet-sys-space-s, 0.5rem);
  }

  .dialog-title {
    margin: 0;
    font-size: 1.25rem;
  }

  .dialog-form p {
    margin: 0;
  }

  textarea,
  select {
    min-block-size: var(--carnet-sys-target-size, 44px);
    padding: var(--carnet-sys-space-s, 0.5rem);
    border: 1px solid var(--carnet-sys-outline, currentColor);
    border-radius: var(--carnet-sys-radius, 8px);
    background: var(--carnet-sys-surface, transparent);
    color: inherit;
    font: inherit;
  }

  .form-error {
    color: var(--carnet-sys-danger);
    font-weight: 600;
  }

  .trail ol {
    margin: var(--carnet-sys-space-s, 0.5rem) 0 0;
    padding-inline-start: 1.25rem;
  }

  .trail summary {
    cursor: pointer;
    padding-block: var(--carnet-sys-space-s, 0.5rem);
  }
`;
