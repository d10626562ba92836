import { css } from 'lit';

/** Styles of `<carnet-access-history>`. */
export const accessHistoryStyles = css`
  :host {
    display: block;
  }

  .base {
    display: grid;
    gap: var(--carnet-sys-space-m, 1rem);
  }

  .title {
    margin: 0;
    font-size: var(--carnet-sys-font-size-title, 1.375rem);
  }

  .filters {
    display: flex;
    flex-wrap: wrap;
    gap: var(--carnet-sys-space-m, 1rem);
    align-items: end;
  }

  .filters label {
    display: grid;
    gap: var(--carnet-sys-space-xs, 0.25rem);
  }

  select,
  input,
  .export {
    font: inherit;
    min-height: 44px;
  }

  table {
    border-collapse: collapse;
    width: 100%;
  }

  th,
  td {
    text-align: start;
    padding: var(--carnet-sys-space-s, 0.5rem);
    border-bottom: 1px solid var(--carnet-sys-outline, currentColor);
  }

  .refused td {
    color: var(--carnet-sys-danger);
    font-weight: 600;
  }

  .count {
    margin: 0;
  }
`;
