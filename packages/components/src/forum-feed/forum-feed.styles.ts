import { css } from 'lit';

/** Styles of `<carnet-forum-feed>`. */
export const forumFeedStyles = css`
  :host {
    display: block;
  }

  .base {
    display: grid;
    gap: var(--carnet-sys-space-m, 1rem);
    padding: var(--carnet-forum-padding, var(--carnet-sys-space-m, 1rem));
    border: 1px solid var(--carnet-sys-outline, currentColor);
    border-radius: var(--carnet-sys-radius, 8px);
    background: var(--carnet-forum-background, var(--carnet-sys-surface, transparent));
  }

  .thread-view {
    display: grid;
    gap: var(--carnet-sys-space-m, 1rem);
  }

  .list-header {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: var(--carnet-sys-space-s, 0.5rem);
  }

  .heading {
    margin: 0;
    font-size: var(--carnet-sys-font-size-title, 1.375rem);
    line-height: 1.25;
  }

  .community,
  .preview-notice,
  .hint,
  .thread-meta,
  .reply-context,
  .replying-to {
    margin: 0;
    color: var(--carnet-sys-on-surface-variant, inherit);
    font-size: var(--carnet-sys-font-size-small, 0.875rem);
  }

  .feed {
    display: grid;
    gap: var(--carnet-forum-gap, var(--carnet-sys-space-s, 0.5rem));
  }

  .thread,
  .post {
    display: grid;
    gap: 0.25rem;
    padding: var(--carnet-sys-space-s, 0.5rem) var(--carnet-sys-space-m, 1rem);
    border: var(--carnet-forum-post-border, 1px solid var(--carnet-sys-outline, currentColor));
    border-radius: var(--carnet-sys-radius, 8px);
    background: var(--carnet-forum-post-background, var(--carnet-sys-surface, transparent));
  }

  .thread--unread {
    border-inline-start: 4px solid var(--carnet-forum-unread-color, var(--carnet-sys-accent));
  }

  .thread-title {
    margin: 0;
    font-size: var(--carnet-sys-font-size-large, 1.125rem);
  }

  .thread-open,
  .link-button,
  .back-button {
    padding: 0 0.25rem;
    border: 0;
    background: none;
    color: var(--carnet-sys-accent);
    text-align: start;
    text-decoration: underline;
    cursor: pointer;
  }

  .thread-open {
    font-weight: 600;
  }

  .back-button {
    justify-self: start;
  }

  .thread-meta {
    display: flex;
    flex-wrap: wrap;
    gap: 0 var(--carnet-sys-space-s, 0.5rem);
  }

  .unread-badge {
    padding: 0 0.5rem;
    border-radius: var(--carnet-sys-radius, 8px);
    background: var(--carnet-forum-unread-color, var(--carnet-sys-accent));
    color: var(--carnet-sys-on-accent);
    font-weight: 600;
  }

  .post-header {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 0 var(--carnet-sys-space-s, 0.5rem);
    color: var(--carnet-sys-on-surface-variant, inherit);
    font-size: var(--carnet-sys-font-size-small, 0.875rem);
  }

  .author {
    font-weight: 700;
    color: var(--carnet-sys-on-surface, inherit);
  }

  .post:has(.own) {
    background: var(
      --carnet-forum-own-post-background,
      var(--carnet-forum-post-background, var(--carnet-sys-surface, transparent))
    );
  }

  .post-body {
    max-inline-size: var(--carnet-forum-max-inline-size, 70ch);
    overflow-wrap: anywhere;
  }

  .post-body p,
  .post-body ul,
  .post-body ol {
    margin: 0 0 0.5em;
  }

  .post-body blockquote {
    margin: 0 0 0.5em;
    padding-inline-start: var(--carnet-sys-space-s, 0.5rem);
    border-inline-start: 4px solid var(--carnet-sys-outline, currentColor);
    color: var(--carnet-sys-on-surface-variant, inherit);
  }

  .post-body .raw {
    white-space: pre-wrap;
  }

  .post-body a {
    color: var(--carnet-forum-link-color, var(--carnet-sys-accent));
  }

  .hidden-placeholder {
    margin: 0;
    padding: var(--carnet-sys-space-s, 0.5rem);
    border-radius: var(--carnet-sys-radius, 8px);
    background: var(--carnet-forum-hidden-background, var(--carnet-sys-surface-variant, transparent));
    font-style: italic;
  }

  .post-actions,
  .form-actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--carnet-sys-space-s, 0.5rem);
  }

  .compose,
  .dialog-form {
    display: grid;
    gap: var(--carnet-sys-space-s, 0.5rem);
  }

  .compose-title,
  .dialog-title {
    margin: 0;
    font-size: var(--carnet-sys-font-size-large, 1.125rem);
  }

  label {
    font-weight: 600;
  }

  input:not([type='radio']),
  textarea {
    inline-size: 100%;
    min-block-size: var(--carnet-sys-target-size, 44px);
    padding: var(--carnet-sys-space-s, 0.5rem);
    border: 1px solid var(--carnet-sys-outline, currentColor);
    border-radius: var(--carnet-sys-radius, 8px);
    background: var(--carnet-sys-surface, transparent);
    color: inherit;
    font: inherit;
  }

  .primary-button,
  .secondary-button,
  .danger-button {
    justify-self: start;
    padding: 0 var(--carnet-sys-space-m, 1rem);
    border: 2px solid var(--carnet-sys-accent);
    border-radius: var(--carnet-sys-radius, 8px);
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

  .form-error {
    margin: 0;
    color: var(--carnet-sys-danger);
    font-weight: 600;
  }

  .reasons {
    display: grid;
    gap: 0.25rem;
    margin: 0;
    padding: var(--carnet-sys-space-s, 0.5rem);
    border: 1px solid var(--carnet-sys-outline, currentColor);
    border-radius: var(--carnet-sys-radius, 8px);
  }

  .reason {
    display: flex;
    align-items: center;
    gap: var(--carnet-sys-space-s, 0.5rem);
    font-weight: 400;
  }

  .reason input {
    inline-size: 1.25rem;
    block-size: 1.25rem;
  }
`;
