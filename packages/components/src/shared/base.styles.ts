import { css } from 'lit';

/**
 * The declarations that take something out of sight but not from screen readers: for a rule
 * that hides only sometimes (a table's header on a phone, skip links until focused).
 */
export const visuallyHiddenRules = css`
  position: absolute !important;
  inline-size: 1px;
  block-size: 1px;
  margin: -1px;
  padding: 0;
  overflow: hidden;
  clip-path: inset(50%);
  white-space: nowrap;
  border: 0;
`;

/**
 * Styles every Carnet element starts from: box model, visible focus, reduced
 * motion, 44px targets (`.touch-target`) and text for screen readers only
 * (`.visually-hidden`).
 */
export const baseStyles = css`
  :host {
    box-sizing: border-box;
    font-family: var(--carnet-sys-font-family, system-ui, sans-serif);
    font-size: var(--carnet-sys-font-size-base, 1rem);
    line-height: var(--carnet-sys-line-height, 1.5);
    color: var(--carnet-sys-on-surface, inherit);
  }

  :host([hidden]) {
    display: none !important;
  }

  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }

  :focus-visible {
    outline: var(--carnet-sys-focus-ring-width, 3px) solid var(--carnet-sys-focus-ring);
    outline-offset: 2px;
  }

  button {
    font: inherit;
    color: inherit;
  }

  .touch-target {
    min-inline-size: var(--carnet-sys-target-size, 44px);
    min-block-size: var(--carnet-sys-target-size, 44px);
  }

  .visually-hidden {
    ${visuallyHiddenRules}
  }

  @media (prefers-reduced-motion: reduce) {
    *,
    *::before,
    *::after {
      animation-duration: 0.01ms !important;
      animation-iteration-count: 1 !important;
      transition-duration: 0.01ms !important;
      scroll-behavior: auto !important;
    }
  }
`;
