import { css } from 'lit';

/** Styles of `<carnet-app-catalogue>`. */
export const appCatalogueStyles = css`
  :host {
    display: block;
    --carnet-app-catalogue-item-background: var(--carnet-sys-surface-variant);
  }

  .base {
    display: grid;
    gap: var(--carnet-sys-space-m, 1rem);
  }

  .title,
  .name,
  .intro,
  .publisher,
  .description,
  .consent {
    margin: 0;
  }

  .title {
    font-size: var(--carnet-sys-font-size-title, 1.375rem);
  }

  .apps,
  .scopes {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: var(--carnet-sys-space-s, 0.5rem);
  }

  .app {
    display: grid;
    gap: var(--carnet-sys-space-s, 0.5rem);
    padding: var(--carnet-sys-space-m, 1rem);
    background: var(--carnet-app-catalogue-item-background);
    border: 1px solid var(--carnet-sys-outline, currentColor);
    border-radius: var(--carnet-sys-radius, 0.5rem);
  }

  .head {
    display: flex;
    align-items: center;
    gap: var(--carnet-sys-space-m, 1rem);
  }

  .icon {
    position: relative;
    flex: none;
    display: grid;
    place-items: center;
    inline-size: 48px;
    block-size: 48px;
    border-radius: var(--carnet-sys-radius, 0.5rem);
    background: var(--carnet-sys-accent);
    color: var(--carnet-sys-on-accent);
    font-weight: 700;
    font-size: 1.5rem;
    overflow: hidden;
  }

  .icon img {
    position: absolute;
    inset: 0;
    inline-size: 100%;
    block-size: 100%;
  }

  .name {
    font-size: 1.125rem;
  }

  .consent {
    font-weight: 600;
  }

  .consent--granted {
    color: var(--carnet-sys-success, inherit);
  }

  .access summary {
    cursor: pointer;
    min-block-size: var(--carnet-sys-target-size, 44px);
    display: flex;
    align-items: center;
  }

  .scope {
    display: grid;
    gap: var(--carnet-sys-space-xs, 0.25rem);
    padding-inline-start: var(--carnet-sys-space-s, 0.5rem);
    border-inline-start: 3px solid var(--carnet-sys-outline, currentColor);
  }

  .scope-words {
    font-weight: 600;
  }

  .badge {
    justify-self: start;
    padding: 0 var(--carnet-sys-space-s, 0.5rem);
    border: 1px solid currentColor;
    border-radius: var(--carnet-sys-radius, 0.5rem);
    font-size: 0.875rem;
  }

  .badge--write {
    color: var(--carnet-sys-danger);
  }

  .actions,
  .dialog-actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--carnet-sys-space-s, 0.5rem);
  }

  .action {
    display: inline-flex;
    align-items: center;
    font: inherit;
    padding: 0.25rem var(--carnet-sys-space-m, 1rem);
    border: 2px solid var(--carnet-sys-outline);
    border-radius: var(--carnet-sys-radius, 8px);
    background: var(--carnet-sys-surface);
    color: var(--carnet-sys-on-surface, inherit);
    cursor: pointer;
    text-decoration: none;
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

  .action[aria-disabled='true'] {
    cursor: progress;
    opacity: 0.7;
  }

  .dialog-title {
    margin: 0 0 var(--carnet-sys-space-s, 0.5rem);
    font-size: 1.25rem;
  }

  .problem {
    color: var(--carnet-sys-danger);
    font-weight: 600;
  }

  h2:focus,
  h3:focus {
    outline: none;
  }

  h2:focus-visible,
  h3:focus-visible {
    outline: var(--carnet-sys-focus-ring-width, 3px) solid var(--carnet-sys-focus-ring);
  }
`;
