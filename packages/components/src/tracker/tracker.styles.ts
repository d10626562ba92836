import { css } from 'lit';

/** Look of `<carnet-tracker>`: colours through system tokens only. */
export const trackerStyles = css`
  :host {
    display: block;
    --carnet-tracker-gap: var(--carnet-sys-space-m, 1rem);
    --carnet-tracker-point-low: var(--carnet-sys-warning);
    --carnet-tracker-point-high: var(--carnet-sys-danger);
    --carnet-tracker-point-in-range: var(--carnet-sys-success);
    --carnet-tracker-band: var(--carnet-sys-surface-variant);
  }
  .base {
    display: grid;
    gap: var(--carnet-tracker-gap);
  }
  .title {
    margin: 0;
    font-size: var(--carnet-sys-font-size-title, 1.375rem);
  }
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    gap: var(--carnet-sys-space-s, 0.5rem);
    align-items: center;
  }
  button {
    min-height: var(--carnet-sys-target-size, 44px);
    min-width: var(--carnet-sys-target-size, 44px);
    padding: 0 var(--carnet-sys-space-m, 1rem);
    font: inherit;
    border: 1px solid var(--carnet-sys-outline);
    border-radius: var(--carnet-sys-radius, 8px);
    background: var(--carnet-sys-surface);
    color: var(--carnet-sys-on-surface);
    cursor: pointer;
  }
  button.primary {
    background: var(--carnet-sys-accent);
    color: var(--carnet-sys-on-accent);
    border-color: var(--carnet-sys-accent);
  }
  button[aria-pressed='true'] {
    background: var(--carnet-sys-accent);
    color: var(--carnet-sys-on-accent);
    border-color: var(--carnet-sys-accent);
    font-weight: 600;
  }
  button:focus-visible,
  input:focus-visible {
    outline: var(--carnet-sys-focus-ring-width, 3px) solid var(--carnet-sys-focus-ring);
    outline-offset: 2px;
  }
  .latest,
  .targets,
  .time-in-range {
    margin: 0;
  }
  .latest strong {
    font-size: var(--carnet-sys-font-size-large, 1.125rem);
  }
  .chart {
    width: 100%;
    height: auto;
    aspect-ratio: 600 / 220;
    border: 1px solid var(--carnet-sys-outline);
    border-radius: var(--carnet-sys-radius, 8px);
    background: var(--carnet-sys-surface);
  }
  .band {
    fill: var(--carnet-tracker-band);
  }
  .tick {
    stroke: var(--carnet-sys-outline);
    stroke-width: 0.5;
    stroke-dasharray: 4 4;
  }
  .tick-label {
    fill: var(--carnet-sys-on-surface-variant);
    font-size: 11px;
  }
  .point {
    fill: var(--carnet-tracker-point-in-range);
  }
  .point.low,
  .point.very-low {
    fill: var(--carnet-tracker-point-low);
  }
  .point.high,
  .point.very-high {
    fill: var(--carnet-tracker-point-high);
  }
  .table {
    border-collapse: collapse;
    width: 100%;
  }
  .table caption {
    text-align: start;
    font-weight: 600;
    padding-block: var(--carnet-sys-space-s, 0.5rem);
  }
  .table th,
  .table td {
    text-align: start;
    padding: var(--carnet-sys-space-s, 0.5rem);
    border-bottom: 1px solid var(--carnet-sys-outline);
  }
  .table th[scope='row'] {
    font-weight: normal;
  }
  .entry {
    display: grid;
    gap: var(--carnet-sys-space-m, 1rem);
  }
  .entry h3 {
    margin: 0;
  }
  .value-field {
    display: grid;
    grid-template-columns: 1fr auto;
    gap: var(--carnet-sys-space-s, 0.5rem);
    align-items: end;
  }
  .value-field label {
    grid-column: 1 / -1;
  }
  .value-field input {
    font-size: var(--carnet-sys-font-size-title, 1.375rem);
    min-height: 56px;
    padding: 0 var(--carnet-sys-space-s, 0.5rem);
  }
  .meal-contexts {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(8rem, 1fr));
    gap: var(--carnet-sys-space-s, 0.5rem);
    border: 0;
    padding: 0;
    margin: 0;
  }
  .meal-contexts button {
    min-height: 64px;
  }
  .when {
    display: flex;
    flex-wrap: wrap;
    gap: var(--carnet-sys-space-m, 1rem);
  }
  .when label {
    display: grid;
    gap: 4px;
  }
  .when input {
    min-height: var(--carnet-sys-target-size, 44px);
    font: inherit;
  }
  .problem {
    margin: 0;
    color: var(--carnet-sys-danger);
  }
  .actions {
    display: flex;
    gap: var(--carnet-sys-space-s, 0.5rem);
  }
`;
