import { css } from 'lit';

/** Styles of `<carnet-document-browser>`: layout, toolbar, facets and list rows. */
export const documentBrowserStyles = css`
  :host {
    display: block;
    container-type: inline-size;
  }

  .base {
    display: grid;
    gap: var(--carnet-sys-space-m, 1rem);
    padding: var(--carnet-document-browser-padding, var(--carnet-sys-space-m, 1rem));
    border: 1px solid var(--carnet-sys-outline, currentColor);
    border-radius: var(--carnet-sys-radius, 8px);
    background: var(--carnet-document-browser-background, var(--carnet-sys-surface, transparent));
  }

  .header {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: var(--carnet-sys-space-s, 0.5rem);
  }

  .title {
    margin: 0;
    font-size: var(--carnet-sys-font-size-title, 1.375rem);
    line-height: 1.25;
  }

  .layout {
    display: grid;
    grid-template-columns: minmax(0, 1fr) var(--carnet-document-browser-facets-width, 16rem);
    gap: var(--carnet-sys-space-m, 1rem);
    align-items: start;
  }

  .results {
    display: grid;
    gap: var(--carnet-sys-space-s, 0.5rem);
    min-inline-size: 0;
  }

  /* Toolbar */
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    gap: var(--carnet-sys-space-s, 0.5rem) var(--carnet-sys-space-m, 1rem);
    align-items: end;
  }
  .search {
    display: grid;
    flex: 1 1 16rem;
    gap: 0.125rem;
  }
  .search-label,
  .sort label {
    font-weight: 600;
  }
  .sort {
    display: grid;
    gap: 0.125rem;
  }
  input,
  select,
  textarea {
    font: inherit;
    color: inherit;
    min-block-size: var(--carnet-sys-target-size, 44px);
    padding: 0 var(--carnet-sys-space-s, 0.5rem);
    border: 1px solid var(--carnet-sys-outline, currentColor);
    border-radius: var(--carnet-sys-radius, 8px);
    background: var(--carnet-sys-surface, transparent);
  }
  textarea {
    padding-block: var(--carnet-sys-space-s, 0.5rem);
  }
  input[type='checkbox'],
  input[type='radio'] {
    min-block-size: auto;
    inline-size: 1.25rem;
    block-size: 1.25rem;
    margin: 0;
    accent-color: var(--carnet-sys-accent, auto);
  }
  .hint {
    font-size: var(--carnet-sys-font-size-small, 0.875rem);
    color: var(--carnet-sys-on-surface-variant, inherit);
  }
  .search-unavailable {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--carnet-sys-space-s, 0.5rem) var(--carnet-sys-space-m, 1rem);
    color: var(--carnet-sys-danger, inherit);
  }
  .search-unavailable p {
    margin: 0;
  }
  .summary,
  .selection-bar {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--carnet-sys-space-s, 0.5rem) var(--carnet-sys-space-m, 1rem);
  }
  .count {
    margin: 0;
    font-weight: 600;
    font-variant-numeric: tabular-nums;
  }
  .selection-bar {
    padding: var(--carnet-sys-space-s, 0.5rem);
    border-radius: var(--carnet-sys-radius, 8px);
    background: var(--carnet-sys-surface-variant, transparent);
  }

  /* Buttons */
  .primary-button,
  .secondary-button,
  .link-button,
  .icon-button {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    padding: 0 var(--carnet-sys-space-m, 1rem);
    border-radius: var(--carnet-sys-radius, 8px);
    font: inherit;
    font-weight: 600;
    text-decoration: none;
    cursor: pointer;
  }
  .primary-button {
    border: 2px solid var(--carnet-sys-accent);
    background: var(--carnet-sys-accent);
    color: var(--carnet-sys-on-accent);
  }
  .secondary-button {
    border: 2px solid var(--carnet-sys-accent);
    background: transparent;
    color: var(--carnet-sys-accent, inherit);
  }
  .link-button,
  .icon-button {
    border: 0;
    background: transparent;
    color: var(--carnet-sys-accent, inherit);
    text-decoration: underline;
  }
  .icon-button {
    padding: 0;
    text-decoration: none;
    font-size: 1.25rem;
  }
  button:disabled {
    cursor: not-allowed;
    opacity: 0.6;
  }

  /* Facets */
  .facets {
    display: grid;
    gap: var(--carnet-sys-space-s, 0.5rem);
  }
  .facets-header {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: var(--carnet-sys-space-s, 0.5rem);
  }
  .facets-title {
    margin: 0;
    font-size: var(--carnet-sys-font-size-large, 1.125rem);
  }
  /* « Mise à jour… »: the counts shown are the previous answer's (the panel is aria-busy). Its place
     is kept, and it shows only when the update lasts: counts made the next frame do not flash it. */
  .facets-updating {
    visibility: hidden;
  }
  .facets-updating[data-shown] {
    visibility: visible;
    transition: visibility 0s 150ms;
  }
  .facets-toggle {
    display: none;
  }
  .facets-body {
    display: grid;
    gap: var(--carnet-sys-space-m, 1rem);
  }
  .facet-group {
    margin: 0;
    padding: 0;
    border: 0;
  }
  .facet-group legend {
    padding: 0;
    font-weight: 600;
  }
  .facet-group ul {
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .facet {
    display: flex;
    align-items: center;
    gap: var(--carnet-sys-space-s, 0.5rem);
    min-block-size: var(--carnet-sys-target-size, 44px);
    cursor: pointer;
  }
  .facet input {
    /* A long label wraps; the checkbox keeps its size. */
    flex: none;
  }
  .facet-count {
    flex: none;
    color: var(--carnet-sys-on-surface-variant, inherit);
    font-variant-numeric: tabular-nums;
  }
  .rename form {
    display: grid;
    gap: var(--carnet-sys-space-s, 0.5rem);
    padding-block-start: var(--carnet-sys-space-s, 0.5rem);
  }
  .rename summary {
    min-block-size: var(--carnet-sys-target-size, 44px);
    display: flex;
    align-items: center;
    cursor: pointer;
    color: var(--carnet-sys-accent, inherit);
    font-weight: 600;
  }

  /* List */
  .list {
    display: block;
    block-size: var(--carnet-document-browser-list-height, 32rem);
    overflow-y: auto;
    margin: 0;
    padding: 0;
    list-style: none;
    border: 1px solid var(--carnet-sys-outline, currentColor);
    border-radius: var(--carnet-sys-radius, 8px);
  }
  .row {
    display: grid;
    grid-template-columns: auto minmax(0, 1fr) auto;
    grid-template-areas: 'select open actions' '. tags actions';
    align-items: center;
    gap: 0 var(--carnet-sys-space-s, 0.5rem);
    inline-size: 100%;
    /* Rows grow with their text: titles, authors and dates wrap instead of being cut at 320 px or 200 % zoom. */
    min-block-size: var(--carnet-document-browser-row-height, 5rem);
    padding: var(--carnet-sys-space-s, 0.5rem);
    border-block-end: 1px solid var(--carnet-sys-surface-variant, transparent);
  }
  .row-title,
  .row-meta,
  .row-who,
  .row-tags {
    /* Long words break only when nothing else fits (never an ellipsis: the end of a title matters). */
    overflow-wrap: break-word;
    min-inline-size: 0;
  }
  .row[data-selected] {
    background: var(--carnet-document-browser-selected, var(--carnet-sys-surface-variant, transparent));
  }
  /* The checkbox's whole 44 px square selects, not just the 20 px box (tremor, big fingers). */
  .row-select-target {
    grid-area: select;
    display: inline-grid;
    place-items: center;
    min-inline-size: var(--carnet-sys-target-size, 44px);
    min-block-size: var(--carnet-sys-target-size, 44px);
    cursor: pointer;
  }
  .row-select {
    inline-size: 1.25rem;
    block-size: 1.25rem;
    margin: 0;
  }
  .row-open {
    grid-area: open;
    display: grid;
    gap: 0.125rem;
    min-inline-size: 0;
    min-block-size: var(--carnet-sys-target-size, 44px);
    padding: 0.25rem var(--carnet-sys-space-s, 0.5rem);
    border: 0;
    border-radius: var(--carnet-sys-radius, 8px);
    background: transparent;
    text-align: start;
    cursor: pointer;
  }
  .row-open:hover {
    background: var(--carnet-sys-surface-variant, transparent);
  }
  .row-kind {
    display: inline-flex;
    align-items: center;
    gap: 0.375rem;
    font-size: var(--carnet-sys-font-size-small, 0.875rem);
    color: var(--carnet-sys-on-surface-variant, inherit);
  }
  .kind-icon {
    inline-size: 1.25rem;
    block-size: 1.25rem;
    fill: none;
    stroke: currentColor;
    stroke-width: 1.75;
    stroke-linecap: round;
    stroke-linejoin: round;
  }
  .row-title {
    font-weight: 600;
    color: var(--carnet-sys-accent, inherit);
  }
  .row-meta,
  .row-who {
    display: flex;
    flex-wrap: wrap;
    min-inline-size: 0;
    gap: 0 var(--carnet-sys-space-s, 0.5rem);
    font-size: var(--carnet-sys-font-size-small, 0.875rem);
    color: var(--carnet-sys-on-surface-variant, inherit);
  }
  .row-tags,
  .tag-list {
    grid-area: tags;
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem;
    margin: 0;
    padding: 0 var(--carnet-sys-space-s, 0.5rem);
    list-style: none;
  }
  /* A document hidden from professionals: words on a bordered badge (never colour alone). */
  .hidden-badge {
    display: inline-flex;
    align-items: center;
    inline-size: fit-content;
    padding: 0 0.5rem;
    border: 1px solid currentColor;
    border-radius: var(--carnet-sys-radius, 8px);
    background: var(--carnet-document-browser-hidden-badge-background, var(--carnet-sys-surface-variant));
    color: var(--carnet-document-browser-hidden-badge-color, var(--carnet-sys-on-surface));
    font-size: var(--carnet-sys-font-size-small, 0.875rem);
    font-weight: 600;
  }
  .tag {
    display: inline-flex;
    align-items: center;
    padding: 0 0.5rem;
    border: 1px solid var(--carnet-sys-outline, currentColor);
    border-radius: 999px;
    font-size: var(--carnet-sys-font-size-small, 0.875rem);
  }
  .row-actions {
    grid-area: actions;
    display: flex;
  }
  .row-favourite,
  .row-tag-edit {
    border: 0;
    border-radius: var(--carnet-sys-radius, 8px);
    background: transparent;
    font-size: 1.25rem;
    cursor: pointer;
  }
  .row-tag-edit {
    padding-inline: var(--carnet-sys-space-s, 0.5rem);
    font-size: var(--carnet-sys-font-size-small, 0.875rem);
    font-weight: 600;
    color: var(--carnet-sys-accent, inherit);
  }
  .row-favourite[aria-pressed='true'] {
    color: var(--carnet-document-browser-favourite, var(--carnet-sys-warning));
  }
  mark {
    background: var(--carnet-document-browser-highlight, var(--carnet-sys-highlight));
    color: var(--carnet-document-browser-on-highlight, var(--carnet-sys-on-highlight));
    border-radius: 2px;
  }

  .notice {
    margin: 0;
    padding: var(--carnet-sys-space-s, 0.5rem) var(--carnet-sys-space-m, 1rem);
    border-inline-start: 4px solid var(--carnet-sys-accent, currentColor);
    background: var(--carnet-sys-surface-variant, transparent);
  }
  .notice--warning {
    border-color: var(--carnet-sys-warning);
  }
  .notice--error {
    border-color: var(--carnet-sys-danger);
  }
  .notice--success {
    border-color: var(--carnet-sys-success);
  }

  /* Phones: the row's buttons go under its text, which keeps the whole width. */
  @container (max-width: 30rem) {
    .row {
      grid-template-columns: auto minmax(0, 1fr);
      grid-template-areas: 'select open' '. tags' '. actions';
    }
  }

  /* Small screens: facets above the list, folded until asked for. */
  @container (max-width: 44rem) {
    .layout {
      grid-template-columns: minmax(0, 1fr);
    }
    .facets-toggle {
      display: inline-flex;
    }
    .facets-body[data-collapsed] {
      display: none;
    }
  }
`;
