import { css } from 'lit';
import { visuallyHiddenRules } from '../shared/base.styles.js';

/** Styles of `<carnet-provider>`: it paints the surface its widgets sit on. */
export const providerStyles = css`
  :host {
    display: block;
    background: var(--carnet-sys-surface);
    color: var(--carnet-sys-on-surface);
  }

  .busy {
    display: flex;
    align-items: center;
    gap: var(--carnet-sys-space-s);
    margin-block-end: var(--carnet-sys-space-s);
    font-size: var(--carnet-sys-font-size-small);
    color: var(--carnet-sys-on-surface-variant);
  }

  .spinner {
    inline-size: 1em;
    block-size: 1em;
    border: 2px solid var(--carnet-sys-outline);
    border-block-start-color: var(--carnet-sys-accent);
    border-radius: 50%;
    animation: carnet-spin 0.8s linear infinite;
  }

  /* Out of sight until a keyboard user reaches them; then a bar above the widgets. */
  .skip-links:not(:focus-within) {
    ${visuallyHiddenRules}
  }

  .skip-links {
    display: flex;
    flex-wrap: wrap;
    gap: var(--carnet-sys-space-s);
    margin-block-end: var(--carnet-sys-space-s);
  }

  .skip-link {
    font: inherit;
    padding-inline: var(--carnet-sys-space-m);
    border: 2px solid var(--carnet-sys-accent);
    border-radius: var(--carnet-sys-radius, 0.5rem);
    background: var(--carnet-sys-surface);
    color: var(--carnet-sys-on-surface);
    cursor: pointer;
  }

  .state--error {
    margin-block-end: var(--carnet-sys-space-m);
  }

  @keyframes carnet-spin {
    to {
      transform: rotate(360deg);
    }
  }
`;
