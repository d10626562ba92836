import { css, unsafeCSS } from 'lit';
import type { CSSResult } from 'lit';

/** Class that applies the print view on screen (print preview, stories). */
export const PRINT_PREVIEW_CLASS = 'carnet-print-preview';

/**
 * The paper version: the weekly chart and the treatments, black on white with
 * table borders; controls, warnings, adherence and dialogs (`[data-print-hide]`)
 * hidden. `scope` is `:host` under `@media print`, or the preview class.
 */
function paperRules(scope: CSSResult): CSSResult {
  return css`
    ${scope} {
      color: black;
      background: white;
      font-size: 10pt;
    }
    ${scope} .base {
      gap: 4mm;
      padding: 0;
      border: none;
      background: white;
    }
    ${scope} [data-print-hide],
    ${scope} .day-list,
    ${scope} dialog {
      display: none !important;
    }
    ${scope} .grid-area {
      overflow: visible;
    }
    ${scope} .week-table {
      display: table !important;
      break-inside: avoid;
    }
    ${scope} .week-table th,
    ${scope} .week-table td {
      border: 1px solid black;
      background: white;
      box-shadow: none;
      color: black;
    }
    ${scope} .dose {
      min-block-size: 0;
      padding: 1mm 1.5mm;
      border: 1px solid black;
      border-radius: 0;
      background: white;
      color: black;
    }
    ${scope} .dose-state,
    ${scope} .late-badge,
    ${scope} .row-time,
    ${scope} .badge {
      color: black;
    }
    ${scope} .medication {
      border: 1px solid black;
      border-radius: 0;
      break-inside: avoid;
    }
    ${scope} .medication-facts dt,
    ${scope} .warning dd,
    ${scope} .flag {
      color: black;
    }
  `;
}

// Selectors as unsafeCSS (constants only): a css`` literal holding just a selector would be reformatted as a declaration.
const ON_PAPER = unsafeCSS(':host');
const IN_PREVIEW = unsafeCSS(`:host(.${PRINT_PREVIEW_CLASS})`);

/**
 * Print stylesheet of `<carnet-pill-organiser>`: a clean weekly chart for A4
 * (set `@page { size: A4 landscape }` in the page: shadow styles cannot).
 */
export const printStyles = css`
  @media print {
    ${paperRules(ON_PAPER)}
  }
  ${paperRules(IN_PREVIEW)}
`;
