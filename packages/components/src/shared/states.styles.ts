import { css } from 'lit';

/** Styles of the shared loading, empty and error states (see `states.ts`). */
export const stateStyles = css`
  .state {
    display: grid;
    gap: var(--carnet-sys-space-s, 0.5rem);
    padding: var(--carnet-sys-space-m, 1rem);
    border-radius: var(--carnet-sys-radius, 8px);
    background: var(--carnet-sys-surface-variant, transparent);
    color: var(--carnet-sys-on-surface-variant, inherit);
  }

  .state-title {
    margin: 0;
    font-weight: 600;
    color: var(--carnet-sys-on-surface, inherit);
  }

  .state-description {
    margin: 0;
  }

  .state--error {
    border-inline-start: 4px solid var(--carnet-sys-danger);
  }

  .state-action {
    justify-self: start;
    padding: 0 var(--carnet-sys-space-m, 1rem);
    border: 2px solid var(--carnet-sys-accent);
    border-radius: var(--carnet-sys-radius, 8px);
    background: var(--carnet-sys-accent);
    color: var(--carnet-sys-on-accent);
    font-weight: 600;
    cursor: pointer;
  }

  .skeleton-line {
    block-size: 1em;
    border-radius: var(--carnet-sys-radius, 8px);
    background: var(--carnet-sys-skeleton);
    animation: carnet-pulse 1.4s ease-in-out infinite;
  }

  .skeleton-line:nth-child(2n) {
    inline-size: 70%;
  }

  @keyframes carnet-pulse {
    50% {
      opacity: 0.5;
    }
  }
`;
