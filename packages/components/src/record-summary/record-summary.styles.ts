import { css } from 'lit';

/** Styles of `<carnet-record-summary>`. */
export const recordSummaryStyles = css`
  :host {
    display: block;
  }

  .base {
    display: grid;
    gap: var(--carnet-sys-space-m, 1rem);
    padding: var(--carnet-record-summary-padding, var(--carnet-sys-space-m, 1rem));
    border: 1px solid var(--carnet-sys-outline, currentColor);
    border-radius: var(--carnet-sys-radius, 8px);
    background: var(--carnet-record-summary-background, var(--carnet-sys-surface, transparent));
  }

  .title {
    margin: 0;
    font-size: var(--carnet-sys-font-size-title, 1.375rem);
    line-height: 1.25;
  }

  .pathology {
    margin: 0;
    color: var(--carnet-sys-on-surface-variant, inherit);
  }

  .counts {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(9rem, 1fr));
    gap: var(--carnet-sys-space-s, 0.5rem);
    margin: 0;
  }

  .count {
    display: flex;
    flex-direction: column-reverse;
    padding: var(--carnet-sys-space-s, 0.5rem) var(--carnet-sys-space-m, 1rem);
    border-radius: var(--carnet-sys-radius, 8px);
    background: var(--carnet-sys-surface-variant, transparent);
  }

  .count dt {
    color: var(--carnet-sys-on-surface-variant, inherit);
    font-size: var(--carnet-sys-font-size-small, 0.875rem);
  }

  .count dd {
    margin: 0;
    font-size: var(--carnet-sys-font-size-title, 1.375rem);
    font-weight: 700;
    font-variant-numeric: tabular-nums;
  }

  .recent-title {
    margin: 0;
    font-size: var(--carnet-sys-font-size-large, 1.125rem);
  }

  .recent {
    display: grid;
    gap: var(--carnet-sys-space-s, 0.5rem);
    margin: 0;
    padding: 0;
    list-style: none;
  }

  .recent-document {
    display: grid;
    gap: 0.125rem;
    inline-size: 100%;
    padding: var(--carnet-sys-space-s, 0.5rem) var(--carnet-sys-space-m, 1rem);
    border: 1px solid var(--carnet-sys-outline, currentColor);
    border-radius: var(--carnet-sys-radius, 8px);
    background: var(--carnet-sys-surface, transparent);
    text-align: start;
    cursor: pointer;
    transition: background-color var(--carnet-sys-motion-duration, 150ms);
  }

  .recent-document:hover {
    background: var(--carnet-sys-surface-variant, transparent);
  }

  .document-title {
    font-weight: 600;
    color: var(--carnet-sys-accent, inherit);
  }

  .document-meta {
    display: flex;
    flex-wrap: wrap;
    gap: 0 var(--carnet-sys-space-s, 0.5rem);
    font-size: var(--carnet-sys-font-size-small, 0.875rem);
    color: var(--carnet-sys-on-surface-variant, inherit);
  }

  .no-documents {
    margin: 0;
    color: var(--carnet-sys-on-surface-variant, inherit);
  }
`;
