import { css } from 'lit';

/**
 * Look of the Parkinson's motor diary. A slot's state is always written in the
 * slot and drawn as a pattern (stripes, band, dots, lines), never by colour alone;
 * targets are at least 48 px for a hand that trembles.
 */
export const motorDiaryStyles = css`
  :host {
    --carnet-tracker-motor-off: var(--carnet-sys-danger);
    --carnet-tracker-motor-on: var(--carnet-sys-success);
    --carnet-tracker-motor-dyskinesia: var(--carnet-sys-warning);
    --carnet-tracker-motor-asleep: var(--carnet-sys-on-surface-variant);
  }
  .base {
    grid-template-columns: minmax(0, 1fr);
  }
  .table th,
  .table td {
    overflow-wrap: anywhere;
  }
  .day-nav {
    display: grid;
    grid-template-columns: minmax(0, auto) minmax(0, 1fr) minmax(0, auto);
    gap: var(--carnet-sys-space-s, 0.5rem);
    align-items: center;
  }
  .day-title {
    margin: 0;
    text-align: center;
    font-size: var(--carnet-sys-font-size-large, 1.125rem);
    overflow-wrap: anywhere;
  }
  .day-nav button,
  .brush,
  .slot,
  [part='undo'],
  [part='table-toggle'] {
    min-height: 48px;
  }
  button[aria-disabled='true'] {
    opacity: 0.6;
    cursor: not-allowed;
  }
  .day-summary,
  .doses,
  .hint,
  .save-error {
    margin: 0;
  }
  .save-error {
    color: var(--carnet-sys-danger);
    font-weight: 600;
  }
  .brushes {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(7.5rem, 1fr));
    gap: var(--carnet-sys-space-s, 0.5rem);
    border: 0;
    padding: 0;
    margin: 0;
    min-width: 0;
  }
  .brushes legend {
    padding: 0 0 var(--carnet-sys-space-s, 0.5rem);
    font-weight: 600;
  }
  .brush {
    display: grid;
    align-content: center;
    text-align: start;
    padding: var(--carnet-sys-space-s, 0.5rem) var(--carnet-sys-space-s, 0.5rem) var(--carnet-sys-space-s, 0.5rem)
      1.25rem;
    position: relative;
  }
  .brush-hint {
    font-size: var(--carnet-sys-font-size-small, 0.875rem);
    font-weight: normal;
  }
  .slots {
    display: grid;
    gap: 4px;
  }
  .hour {
    display: grid;
    grid-template-columns: 2.75rem repeat(2, minmax(0, 1fr));
    gap: 4px;
    align-items: stretch;
  }
  .hour-label {
    align-self: center;
    color: var(--carnet-sys-on-surface-variant);
    font-size: var(--carnet-sys-font-size-small, 0.875rem);
  }
  .slot {
    display: grid;
    align-content: center;
    text-align: start;
    padding: 4px 4px 4px 1.25rem;
    position: relative;
    overflow-wrap: anywhere;
    min-width: 0;
  }
  .slot-time,
  .slot-dose {
    font-size: var(--carnet-sys-font-size-small, 0.875rem);
  }
  .slot-state {
    font-weight: 600;
  }
  .slot[data-state='none'] .slot-state {
    font-weight: normal;
    color: var(--carnet-sys-on-surface-variant);
  }
  .slot-dose {
    font-weight: 600;
  }
  .slot:has(.slot-dose) {
    border-width: 2px;
    border-style: dashed;
  }
  .slot::before,
  .brush::before {
    content: '';
    position: absolute;
    inset-block: 4px;
    inset-inline-start: 4px;
    inline-size: 0.75rem;
    border-radius: 2px;
  }
  [data-state='off']::before {
    background: repeating-linear-gradient(45deg, var(--carnet-tracker-motor-off) 0 3px, transparent 3px 6px);
  }
  [data-state='on']::before {
    background: var(--carnet-tracker-motor-on);
  }
  [data-state='on-dyskinesia']::before {
    background: radial-gradient(circle, var(--carnet-tracker-motor-dyskinesia) 2px, transparent 2.5px) 0 0 / 6px 6px;
  }
  [data-state='asleep']::before {
    background: repeating-linear-gradient(0deg, var(--carnet-tracker-motor-asleep) 0 2px, transparent 2px 6px);
  }
  .brush[aria-pressed='true']::before {
    outline: 2px solid var(--carnet-sys-on-accent);
  }
`;
