import { css } from 'lit';

/** Layout, toolbar and event items of `<carnet-agenda>`; sizes in rem so large text reflows. */
export const agendaStyles = css`
  :host {
    display: block;
    --carnet-agenda-background: var(--carnet-sys-surface);
    --carnet-agenda-gap: var(--carnet-sys-space-s, 0.5rem);
    --carnet-agenda-appointment-color: var(--carnet-sys-accent);
    --carnet-agenda-exam-color: var(--carnet-sys-success);
    --carnet-agenda-renewal-color: var(--carnet-sys-warning);
    --carnet-agenda-reminder-color: var(--carnet-sys-on-surface-variant);
    --carnet-agenda-dose-color: var(--carnet-sys-outline);
    background: var(--carnet-agenda-background);
  }

  .base {
    display: grid;
    gap: var(--carnet-sys-space-m, 1rem);
  }

  .toolbar {
    display: grid;
    gap: var(--carnet-agenda-gap);
  }

  .toolbar-row,
  .nav,
  .views {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--carnet-agenda-gap);
  }

  .toolbar-row {
    justify-content: space-between;
  }

  .range-title {
    margin: 0;
    font-size: var(--carnet-sys-font-size-title, 1.375rem);
    text-transform: capitalize;
  }

  .action {
    padding: 0.25rem var(--carnet-sys-space-m, 1rem);
    border: 2px solid var(--carnet-sys-outline);
    border-radius: var(--carnet-sys-radius, 8px);
    background: var(--carnet-sys-surface);
    color: var(--carnet-sys-on-surface, inherit);
    cursor: pointer;
  }

  .action--primary,
  .action[aria-pressed='true'] {
    border-color: var(--carnet-sys-accent);
    background: var(--carnet-sys-accent);
    color: var(--carnet-sys-on-accent);
    font-weight: 600;
  }

  .action--danger {
    border-color: var(--carnet-sys-danger);
    color: var(--carnet-sys-danger);
  }

  .action:disabled {
    cursor: progress;
    opacity: 0.7;
  }

  .check {
    display: inline-flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--carnet-agenda-gap);
    min-block-size: var(--carnet-sys-target-size, 44px);
  }

  .check input[type='checkbox'],
  .check input[type='radio'] {
    inline-size: 1.25rem;
    block-size: 1.25rem;
  }

  .main {
    display: grid;
    grid-template-columns: minmax(0, 3fr) minmax(14rem, 1fr);
    gap: var(--carnet-sys-space-m, 1rem);
    align-items: start;
  }

  @media (max-width: 60rem) {
    .main {
      grid-template-columns: minmax(0, 1fr);
    }
  }

  .notice {
    margin: 0;
  }

  .nothing {
    margin: 0;
    color: var(--carnet-sys-on-surface-variant, inherit);
  }

  .day-title {
    margin: 0 0 var(--carnet-agenda-gap);
    font-size: var(--carnet-sys-font-size-base, 1rem);
    text-transform: capitalize;
  }

  .items {
    display: grid;
    gap: var(--carnet-agenda-gap);
    margin: 0;
    padding: 0;
    list-style: none;
  }

  .items--doses {
    margin-block-start: var(--carnet-agenda-gap);
  }

  .item {
    display: grid;
    gap: 0.125rem;
    inline-size: 100%;
    padding: var(--carnet-agenda-gap);
    border: 1px solid var(--carnet-sys-outline);
    border-inline-start: 0.375rem solid var(--carnet-agenda-item-color, var(--carnet-agenda-appointment-color));
    border-radius: var(--carnet-sys-radius, 8px);
    background: var(--carnet-sys-surface);
    color: var(--carnet-sys-on-surface, inherit);
    text-align: start;
    overflow-wrap: anywhere;
  }

  button.item {
    cursor: pointer;
  }

  .item--exam {
    --carnet-agenda-item-color: var(--carnet-agenda-exam-color);
  }
  .item--prescription-renewal {
    --carnet-agenda-item-color: var(--carnet-agenda-renewal-color);
  }
  .item--reminder {
    --carnet-agenda-item-color: var(--carnet-agenda-reminder-color);
  }
  .item--dose {
    --carnet-agenda-item-color: var(--carnet-agenda-dose-color);
    border-style: dashed;
    border-inline-start-style: solid;
  }

  .item-time {
    font-weight: 600;
    font-variant-numeric: tabular-nums;
  }

  .item-meta {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 0.75rem;
    font-size: var(--carnet-sys-font-size-small, 0.875rem);
    color: var(--carnet-sys-on-surface-variant, inherit);
  }

  .item-note {
    font-style: italic;
  }

  .badge {
    padding: 0 0.375rem;
    border: 1px solid currentColor;
    border-radius: var(--carnet-sys-radius, 8px);
  }

  .item--taken .badge--intake {
    color: var(--carnet-sys-success);
  }

  .item--skipped .badge--intake {
    color: var(--carnet-sys-danger);
  }

  .week {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(100%, 11rem), 1fr));
    gap: var(--carnet-agenda-gap);
  }

  .week-day,
  .day-details,
  .reminders-panel {
    padding: var(--carnet-agenda-gap);
    border: 1px solid var(--carnet-sys-outline);
    border-radius: var(--carnet-sys-radius, 8px);
  }

  .week-day--today {
    border-width: 2px;
    border-color: var(--carnet-agenda-today-color, var(--carnet-sys-accent));
  }

  .list {
    display: grid;
    gap: var(--carnet-sys-space-m, 1rem);
    margin: 0;
    padding: 0;
    list-style: none;
  }

  .day-details {
    display: grid;
    gap: var(--carnet-agenda-gap);
    margin-block-start: var(--carnet-sys-space-m, 1rem);
  }

  .panel-title {
    margin: 0 0 var(--carnet-agenda-gap);
    font-size: var(--carnet-sys-font-size-base, 1rem);
  }

  .reminder-entries {
    display: grid;
    gap: var(--carnet-agenda-gap);
    margin: 0 0 var(--carnet-agenda-gap);
    padding: 0;
    list-style: none;
  }

  .reminder-entry {
    display: grid;
    overflow-wrap: anywhere;
  }

  .reminder-at {
    font-weight: 600;
  }

  .reminder-meta {
    font-size: var(--carnet-sys-font-size-small, 0.875rem);
    color: var(--carnet-sys-on-surface-variant, inherit);
  }

  .reminder-entry--renewal,
  .reminder-entry--low-stock {
    padding-inline-start: var(--carnet-agenda-gap);
    border-inline-start: 0.25rem solid var(--carnet-agenda-renewal-color);
  }

  .subscription {
    display: grid;
    gap: var(--carnet-sys-space-s);
    margin-block-start: var(--carnet-sys-space-m);
    padding: var(--carnet-sys-space-m);
    border: 1px solid var(--carnet-sys-outline);
    border-radius: var(--carnet-sys-radius);
  }

  .subscription-title {
    margin: 0;
    font-size: var(--carnet-sys-font-size-base);
  }

  .subscription-text,
  .subscription-help,
  .subscription-status {
    margin: 0;
    max-inline-size: 60ch;
  }

  .subscription-help {
    font-size: var(--carnet-sys-font-size-small);
    color: var(--carnet-sys-on-surface-variant);
  }

  .subscription-actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--carnet-sys-space-s);
    margin: 0;
  }

  .subscription-status:empty {
    display: none;
  }

  /* A box stays beside its words: the words wrap, never below the box on their own. */
  label.check {
    flex-wrap: nowrap;
  }

  .check input[type='checkbox'],
  .check input[type='radio'] {
    flex: none;
    inline-size: 1.25rem;
    block-size: 1.25rem;
  }

  /* Windows high contrast: colours and shadows are replaced, so states are drawn in system colours. */
  @media (forced-colors: active) {
    .action--primary,
    .action[aria-pressed='true'] {
      forced-color-adjust: none;
      border-color: Highlight;
      background: Highlight;
      color: HighlightText;
    }
    .week-day--today {
      border-width: 3px;
      border-style: double;
      border-color: Highlight;
    }
  }
`;
