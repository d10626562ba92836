import { css } from 'lit';
import { visuallyHiddenRules } from '../shared/base.styles.js';

/** Styles of `<carnet-access-history>`. */
export const accessHistoryStyles = css`
  :host {
    display: block;
    container-type: inline-size;
  }

  .base {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
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

  .filters .field {
    display: grid;
    gap: var(--carnet-sys-space-xs, 0.25rem);
    align-content: end;
  }

  .field-error {
    font-size: var(--carnet-sys-font-size-small, 0.875rem);
    color: var(--carnet-sys-danger);
    font-weight: 600;
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

  /* On a phone, each access reads as a short block (date, person, action) instead of three narrow columns. */
  @container (max-width: 34rem) {
    thead {
      ${visuallyHiddenRules}
    }

    td {
      display: block;
      border-bottom: none;
      padding-block: var(--carnet-sys-space-xs, 0.25rem);
    }

    tr {
      border-bottom: 1px solid var(--carnet-sys-outline, currentColor);
    }

    .filters > .field,
    .filters select,
    .export {
      inline-size: 100%;
    }
  }
`;
