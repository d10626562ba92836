import { css } from 'lit';

/** The month grid: rows of weeks whose cells grow with their text, never clip it. */
export const agendaMonthStyles = css`
  .month {
    inline-size: 100%;
    border-collapse: collapse;
    table-layout: fixed;
  }

  .weekday {
    padding: 0.25rem;
    font-size: var(--carnet-sys-font-size-small, 0.875rem);
    font-weight: 600;
    text-align: start;
    text-transform: capitalize;
  }

  .weekday abbr {
    text-decoration: none;
  }

  .cell {
    block-size: var(--carnet-agenda-cell-min-block-size, 6rem);
    padding: 0.25rem;
    border: 1px solid var(--carnet-sys-outline);
    vertical-align: top;
    overflow-wrap: anywhere;
    cursor: pointer;
  }

  .cell:focus-visible {
    outline-offset: -3px;
  }

  .cell--outside {
    background: var(--carnet-sys-surface-variant);
    color: var(--carnet-sys-on-surface-variant, inherit);
  }

  .cell--today .day-number {
    display: inline-grid;
    place-items: center;
    min-inline-size: 1.75em;
    border-radius: 999px;
    background: var(--carnet-agenda-today-color, var(--carnet-sys-accent));
    color: var(--carnet-sys-on-accent);
  }

  .cell[aria-selected='true'] {
    box-shadow: inset 0 0 0 2px var(--carnet-sys-accent);
  }

  .day-number {
    font-weight: 600;
  }

  .chips {
    display: grid;
    gap: 0.125rem;
    margin: 0.25rem 0 0;
    padding: 0;
    list-style: none;
    font-size: var(--carnet-sys-font-size-small, 0.875rem);
    line-height: 1.3;
  }

  .chip {
    /* Words are hyphenated or kept whole, never cut anywhere (« Kinésithér|apie »). */
    overflow-wrap: break-word;
    hyphens: auto;
    padding-inline-start: 0.25rem;
    border-inline-start: 0.25rem solid var(--carnet-agenda-item-color, var(--carnet-agenda-appointment-color));
  }

  .chip--exam {
    --carnet-agenda-item-color: var(--carnet-agenda-exam-color);
  }
  .chip--prescription-renewal {
    --carnet-agenda-item-color: var(--carnet-agenda-renewal-color);
  }
  .chip--reminder {
    --carnet-agenda-item-color: var(--carnet-agenda-reminder-color);
  }
  .chip--more {
    border: 0;
    font-weight: 600;
  }

  .cell-doses {
    display: block;
    margin-block-start: 0.25rem;
    font-size: var(--carnet-sys-font-size-small, 0.875rem);
    color: var(--carnet-sys-on-surface-variant, inherit);
  }

  /* On phones the cells are too narrow for titles: a mark per appointment says which days have some. */
  .cell-marks {
    display: none;
  }
  .mark {
    display: inline-block;
    inline-size: 0.5rem;
    block-size: 0.5rem;
    margin-inline-end: 0.125rem;
    border-radius: 50%;
    background: var(--carnet-agenda-item-color, var(--carnet-agenda-appointment-color));
  }
  .mark--exam {
    --carnet-agenda-item-color: var(--carnet-agenda-exam-color);
  }
  .mark--prescription-renewal {
    --carnet-agenda-item-color: var(--carnet-agenda-renewal-color);
  }
  .mark--reminder {
    --carnet-agenda-item-color: var(--carnet-agenda-reminder-color);
  }

  @media (max-width: 48rem) {
    .chips,
    .cell-doses {
      display: none;
    }
    .cell-marks {
      display: flex;
      flex-wrap: wrap;
      margin-block-start: 0.25rem;
    }
    .cell {
      block-size: 3rem;
    }
  }

  /* Windows high contrast: today and the opened day keep a mark drawn in system colours. */
  @media (forced-colors: active) {
    .cell--today .day-number {
      forced-color-adjust: none;
      background: Highlight;
      color: HighlightText;
    }
    .cell[aria-selected='true'] {
      outline: 3px solid Highlight;
      outline-offset: -3px;
    }
    .mark {
      forced-color-adjust: none;
      background: CanvasText;
    }
  }
`;
