import { css } from 'lit';

/** Styles of `<carnet-pill-organiser>` on screen: layout, week grid, doses (panels in `organiser-panels.styles.ts`, paper in `print.styles.ts`). */
export const pillOrganiserStyles = css`
  :host {
    display: block;
    container: pill-organiser / inline-size;
    --_taken: var(--carnet-pill-organiser-taken-color, var(--carnet-sys-success));
    --_late: var(--carnet-pill-organiser-late-color, var(--carnet-sys-warning));
    --_missed: var(--carnet-pill-organiser-missed-color, var(--carnet-sys-danger));
    --_skipped: var(--carnet-pill-organiser-skipped-color, var(--carnet-sys-on-surface-variant));
    --_dialysis: var(--carnet-pill-organiser-dialysis-background, var(--carnet-sys-surface-variant));
  }

  .base {
    display: grid;
    /* One column as wide as the screen: a wide table scrolls in its own area, never the page. */
    grid-template-columns: minmax(0, 1fr);
    gap: var(--carnet-sys-space-l, 1.5rem);
    padding: var(--carnet-pill-organiser-padding, var(--carnet-sys-space-m, 1rem));
    border: 1px solid var(--carnet-sys-outline, currentColor);
    border-radius: var(--carnet-sys-radius, 8px);
    background: var(--carnet-pill-organiser-background, var(--carnet-sys-surface, transparent));
  }

  .title,
  .section-title {
    margin: 0;
    line-height: 1.25;
  }
  .title {
    font-size: var(--carnet-sys-font-size-title, 1.375rem);
  }
  .section-title {
    font-size: var(--carnet-sys-font-size-large, 1.125rem);
  }

  .toolbar {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--carnet-sys-space-s, 0.5rem);
  }
  .toolbar .week-span {
    margin: 0;
    margin-inline-end: auto;
    font-weight: 600;
  }

  .primary-button,
  .secondary-button,
  .segment,
  .nav-button {
    padding: 0 var(--carnet-sys-space-m, 1rem);
    border: 2px solid var(--carnet-sys-accent);
    border-radius: var(--carnet-sys-radius, 8px);
    background: var(--carnet-sys-surface);
    color: var(--carnet-sys-accent);
    font-weight: 600;
    cursor: pointer;
  }
  .primary-button,
  .segment[aria-pressed='true'] {
    background: var(--carnet-sys-accent);
    color: var(--carnet-sys-on-accent);
  }
  button:disabled,
  button[aria-disabled='true'] {
    cursor: not-allowed;
    opacity: 0.7;
  }

  .notice {
    margin: 0;
    padding: var(--carnet-sys-space-s, 0.5rem) var(--carnet-sys-space-m, 1rem);
    border-inline-start: 4px solid var(--carnet-sys-accent);
    background: var(--carnet-sys-surface-variant, transparent);
  }
  .notice--error {
    border-inline-start-color: var(--carnet-sys-danger);
  }
  .notice--warning {
    border-inline-start-color: var(--carnet-pill-organiser-warning-color, var(--carnet-sys-warning));
    font-weight: 600;
  }

  .grid-area {
    overflow-x: auto;
  }
  .grid-area[aria-busy='true'] {
    opacity: 0.6;
  }

  .week-table {
    inline-size: 100%;
    border-collapse: collapse;
    table-layout: fixed;
  }
  .week-table caption {
    text-align: start;
    font-weight: 600;
    padding-block-end: var(--carnet-sys-space-s, 0.5rem);
  }
  .week-table th,
  .week-table td {
    padding: var(--carnet-sys-space-s, 0.5rem) 0.25rem;
    border: 1px solid var(--carnet-pill-organiser-grid-line, var(--carnet-sys-outline));
    vertical-align: top;
  }
  .week-table .corner {
    inline-size: 7rem;
  }
  .day-heading {
    text-align: center;
  }
  .day-heading .weekday,
  .day-heading .date {
    display: block;
  }
  .day-heading .weekday {
    text-transform: capitalize;
  }
  .day-heading .date {
    font-weight: 400;
    font-size: var(--carnet-sys-font-size-small, 0.875rem);
  }
  .today {
    box-shadow: inset 0 4px 0 var(--carnet-pill-organiser-today-color, var(--carnet-sys-accent));
  }
  .dialysis {
    background: var(--_dialysis);
  }
  .row-heading {
    text-align: start;
  }
  .row-time {
    display: block;
    font-weight: 400;
    font-size: var(--carnet-sys-font-size-small, 0.875rem);
    color: var(--carnet-sys-on-surface-variant, inherit);
  }

  .badge {
    display: inline-block;
    margin-block-start: 0.25rem;
    padding: 0 0.375rem;
    border: 1px solid currentColor;
    border-radius: var(--carnet-ref-radius-s, 4px);
    font-size: var(--carnet-sys-font-size-small, 0.875rem);
    font-weight: 600;
  }

  .doses {
    display: grid;
    gap: 0.375rem;
    margin: 0;
    padding: 0;
    list-style: none;
  }

  .dose {
    display: grid;
    gap: 0.125rem;
    inline-size: 100%;
    min-block-size: var(--carnet-pill-organiser-dose-size, var(--carnet-sys-target-size, 44px));
    padding: 0.375rem 0.5rem;
    border: 2px solid var(--carnet-sys-outline);
    border-radius: var(--carnet-sys-radius, 8px);
    background: var(--carnet-pill-organiser-dose-background, var(--carnet-sys-surface));
    text-align: start;
    cursor: pointer;
    /* Break inside a word only when the word alone is wider than the cell. */
    overflow-wrap: break-word;
  }
  .dose-name {
    font-weight: 600;
  }
  .dose-meta {
    display: flex;
    flex-wrap: wrap;
    gap: 0 0.5rem;
    font-size: var(--carnet-sys-font-size-small, 0.875rem);
  }
  .dose-state {
    font-size: var(--carnet-sys-font-size-small, 0.875rem);
    font-weight: 600;
  }
  .dose--taken {
    border-color: var(--_taken);
  }
  .dose--taken .dose-state {
    color: var(--_taken);
  }
  .dose--taken-late {
    border-color: var(--_late);
    border-style: dashed;
  }
  .dose--taken-late .dose-state,
  .late-badge {
    color: var(--_late);
  }
  .dose--skipped {
    border-style: dotted;
  }
  .dose--skipped .dose-state {
    color: var(--_skipped);
  }
  .dose--missed {
    border-color: var(--_missed);
  }
  .dose--missed .dose-state {
    color: var(--_missed);
  }
  .late-badge {
    justify-self: start;
    padding: 0 0.375rem;
    border: 2px solid currentColor;
    border-radius: var(--carnet-ref-radius-s, 4px);
    font-size: var(--carnet-sys-font-size-small, 0.875rem);
    font-weight: 700;
  }

  /* Wide containers: the table; narrow ones: one list of days, today first. */
  .day-list {
    display: none;
  }
  @container pill-organiser (max-width: 40rem) {
    .week-table {
      display: none;
    }
    .day-list {
      display: grid;
      gap: var(--carnet-sys-space-m, 1rem);
    }
  }
  .day-switcher {
    display: grid;
    grid-template-columns: repeat(7, minmax(0, 1fr));
    gap: 0.25rem;
  }
  .day-choice {
    display: grid;
    place-items: center;
    min-inline-size: 0;
    min-block-size: var(--carnet-sys-target-size, 44px);
    padding: 0.125rem;
    border: 2px solid var(--carnet-sys-outline);
    border-radius: var(--carnet-sys-radius, 8px);
    background: var(--carnet-sys-surface);
    color: var(--carnet-sys-on-surface, inherit);
    font-size: var(--carnet-sys-font-size-small, 0.875rem);
    line-height: 1.1;
    cursor: pointer;
  }
  .day-choice .weekday {
    font-weight: 600;
    text-transform: capitalize;
  }
  .day-choice.today {
    border-color: var(--carnet-pill-organiser-today-color, var(--carnet-sys-accent));
  }
  .day-choice[aria-pressed='true'] {
    border-color: var(--carnet-sys-accent);
    background: var(--carnet-sys-accent);
    color: var(--carnet-sys-on-accent);
  }
  .day-choice--week {
    grid-column: 1 / -1;
    font-weight: 600;
  }
  .day {
    padding: var(--carnet-sys-space-s, 0.5rem);
    border: 1px solid var(--carnet-sys-outline);
    border-radius: var(--carnet-sys-radius, 8px);
  }
  .day-title {
    margin: 0 0 var(--carnet-sys-space-s, 0.5rem);
    font-size: var(--carnet-sys-font-size-base, 1rem);
    text-transform: capitalize;
  }
  .day-row-label,
  .no-dose {
    margin: 0.25rem 0;
    font-weight: 600;
  }
  .day-row-label .row-time {
    display: inline;
  }

  /* Windows high contrast: colours and shadows are replaced, so states are drawn in system colours. */
  @media (forced-colors: active) {
    .primary-button,
    .segment[aria-pressed='true'],
    .day-choice[aria-pressed='true'] {
      forced-color-adjust: none;
      border-color: Highlight;
      background: Highlight;
      color: HighlightText;
    }
    .day-heading.today,
    .day.today {
      border-top: 4px solid Highlight;
    }
  }
`;
