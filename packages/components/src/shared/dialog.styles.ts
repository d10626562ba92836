import { css } from 'lit';

/**
 * The look shared by every element's native `<dialog class="dialog">`: surface,
 * border, backdrop, title and action row. An element sets its width with
 * `--carnet-dialog-inline-size` on `.dialog` (or on a modifier class).
 */
export const dialogStyles = css`
  .dialog {
    inline-size: min(var(--carnet-dialog-inline-size, 36rem), calc(100vw - 2rem));
    max-block-size: calc(100vh - 2rem);
    padding: var(--carnet-sys-space-m, 1rem);
    border: 1px solid var(--carnet-sys-outline, currentColor);
    border-radius: var(--carnet-sys-radius, 8px);
    background: var(--carnet-sys-surface);
    color: var(--carnet-sys-on-surface, inherit);
  }
  .dialog:not([open]) {
    display: none;
  }
  .dialog::backdrop {
    background: rgb(0 0 0 / 0.45);
  }
`;
