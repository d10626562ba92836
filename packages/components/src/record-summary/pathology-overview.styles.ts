import { css } from 'lit';

/** Styles of the overview of `<carnet-record-summary>`: one card per item, stacked on a phone. */
export const overviewStyles = css`
  .overview {
    display: grid;
    gap: var(--carnet-sys-space-s, 0.5rem);
  }

  .overview-title {
    margin: 0;
    font-size: var(--carnet-sys-font-size-large, 1.125rem);
  }

  .glances {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 16rem), 1fr));
    gap: var(--carnet-sys-space-s, 0.5rem);
  }

  .glance {
    display: flex;
    flex-direction: column;
    gap: var(--carnet-sys-space-s, 0.5rem);
    min-inline-size: 0;
    padding: var(--carnet-sys-space-s, 0.5rem) var(--carnet-sys-space-m, 1rem);
    border-radius: var(--carnet-sys-radius, 8px);
    background: var(--carnet-sys-surface-variant, transparent);
    overflow-wrap: anywhere;
  }

  .glance-title {
    margin: 0;
    font-size: var(--carnet-sys-font-size-body, 1rem);
  }

  .glance-value,
  .glance-detail,
  .glance-empty {
    margin: 0;
  }

  .glance-detail,
  .glance-empty {
    color: var(--carnet-sys-on-surface-variant, inherit);
  }

  .glance-list {
    display: grid;
    gap: 0.25rem;
    margin: 0;
    padding: 0;
    list-style: none;
  }

  .glance-link {
    align-self: flex-start;
    margin-block-start: auto;
    padding: var(--carnet-sys-space-s, 0.5rem) var(--carnet-sys-space-m, 1rem);
    border: 1px solid var(--carnet-sys-outline, currentColor);
    border-radius: var(--carnet-sys-radius, 8px);
    background: var(--carnet-sys-surface, transparent);
    color: var(--carnet-sys-accent, inherit);
    font-weight: 600;
    text-align: start;
    cursor: pointer;
  }

  .glance-link:hover {
    text-decoration: underline;
  }
`;
