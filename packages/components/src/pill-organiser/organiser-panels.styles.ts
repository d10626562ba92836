import { css } from 'lit';

/**
 * Styles of the organiser's panels: warnings, treatments and their buttons, adherence chart and
 * tables. The dialogs' own styles come with their code (`organiser-dialogs.styles.ts`).
 */
export const organiserPanelStyles = css`
  .reminder-list,
  .medication-list {
    display: grid;
    gap: var(--carnet-sys-space-s, 0.5rem);
    margin: var(--carnet-sys-space-s, 0.5rem) 0 0;
    padding: 0;
    list-style: none;
  }
  .reminder {
    display: flex;
    gap: 0.5rem;
    padding: var(--carnet-sys-space-s, 0.5rem) var(--carnet-sys-space-m, 1rem);
    border-inline-start: 4px solid var(--carnet-pill-organiser-warning-color, var(--carnet-sys-warning));
    background: var(--carnet-sys-surface-variant, transparent);
  }
  .medication {
    padding: var(--carnet-sys-space-s, 0.5rem) var(--carnet-sys-space-m, 1rem);
    border: 1px solid var(--carnet-sys-outline);
    border-radius: var(--carnet-sys-radius, 8px);
  }
  .medication-name {
    margin: 0;
    font-size: var(--carnet-sys-font-size-base, 1rem);
  }
  .medication-facts {
    display: grid;
    gap: 0.25rem;
    margin: 0.5rem 0 0;
  }
  .medication-facts > div {
    display: grid;
    grid-template-columns: minmax(7rem, max-content) 1fr;
    gap: 0.5rem;
  }
  .medication-facts dt {
    color: var(--carnet-sys-on-surface-variant, inherit);
  }
  .medication-facts dd {
    margin: 0;
  }
  .warning dd,
  .flag {
    color: var(--carnet-pill-organiser-warning-color, var(--carnet-sys-warning));
  }
  .flag {
    margin-inline-start: 0.5rem;
  }

  .adherence {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: var(--carnet-sys-space-s, 0.5rem);
  }
  .adherence-header {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: var(--carnet-sys-space-s, 0.5rem);
  }
  .segments {
    display: flex;
    gap: 0.25rem;
  }
  .adherence-summary {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(7rem, 1fr));
    gap: var(--carnet-sys-space-s, 0.5rem);
    margin: 0;
  }
  .adherence-summary > div {
    display: flex;
    flex-direction: column-reverse;
    padding: 0.25rem 0.5rem;
    background: var(--carnet-sys-surface-variant, transparent);
    border-radius: var(--carnet-sys-radius, 8px);
  }
  .adherence-summary dd {
    margin: 0;
    font-size: var(--carnet-sys-font-size-title, 1.375rem);
    font-weight: 700;
    font-variant-numeric: tabular-nums;
  }
  .chart {
    inline-size: 100%;
    max-block-size: 14rem;
  }
  .axis {
    stroke: var(--carnet-sys-outline);
  }
  .bar-label {
    font-size: 10px;
    fill: var(--carnet-sys-on-surface, currentColor);
  }
  .bar--on-time,
  .swatch--on-time {
    fill: var(--_taken);
    background: var(--_taken);
  }
  .bar--late,
  .swatch--late {
    fill: var(--_late);
    background: var(--_late);
  }
  .bar--skipped,
  .swatch--skipped {
    fill: url(#hatch);
    background: repeating-linear-gradient(45deg, var(--_skipped) 0 2px, transparent 2px 5px);
  }
  .bar--missed,
  .swatch--missed {
    fill: var(--_missed);
    background: var(--_missed);
  }
  .hatch-ground {
    fill: var(--carnet-sys-surface);
  }
  .hatch-line {
    stroke: var(--_skipped);
    stroke-width: 3;
  }
  .legend {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 1rem;
    margin: 0;
    padding: 0;
    list-style: none;
    font-size: var(--carnet-sys-font-size-small, 0.875rem);
  }
  .swatch {
    display: inline-block;
    inline-size: 0.875rem;
    block-size: 0.875rem;
    margin-inline-end: 0.375rem;
    vertical-align: middle;
    border: 1px solid var(--carnet-sys-outline);
  }
  .adherence-data summary {
    display: flex;
    align-items: center;
    cursor: pointer;
    font-weight: 600;
    color: var(--carnet-sys-accent, inherit);
  }
  .data-table {
    inline-size: 100%;
    margin-block-start: var(--carnet-sys-space-s, 0.5rem);
    border-collapse: collapse;
    font-variant-numeric: tabular-nums;
  }
  .table-scroll {
    max-inline-size: 100%;
    overflow-x: auto;
  }
  .table-scroll:focus-visible {
    outline: 3px solid var(--carnet-sys-focus, currentColor);
    outline-offset: 2px;
  }
  .data-table caption {
    text-align: start;
    font-weight: 600;
  }
  .data-table th,
  .data-table td {
    padding: 0.25rem 0.5rem;
    border: 1px solid var(--carnet-sys-outline);
    text-align: end;
  }
  .data-table th[scope='row'],
  .data-table thead th:first-child {
    text-align: start;
  }

  .medication-actions,
  .empty-actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--carnet-sys-space-s, 0.5rem);
    margin-block-start: var(--carnet-sys-space-s, 0.5rem);
  }
  .notice .secondary-button {
    margin-inline-start: var(--carnet-sys-space-s, 0.5rem);
  }

  /* Windows high contrast: the chart and its legend keep their colours (with a visible outline),
     else every kind of dose would be drawn alike. */
  @media (forced-colors: active) {
    .chart,
    .swatch {
      forced-color-adjust: none;
    }
    .swatch {
      border-color: CanvasText;
    }
  }
`;
