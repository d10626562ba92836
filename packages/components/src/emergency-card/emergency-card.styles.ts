import { css } from 'lit';

/**
 * Look of `<carnet-emergency-card>`: large text on screen; on paper, black on
 * white, sized to fit one A4 page (the print button hidden).
 */
export const emergencyCardStyles = css`
  :host {
    display: block;
    --carnet-emergency-card-font-size: 1.25rem;
    --carnet-emergency-card-border: var(--carnet-sys-danger);
  }
  .base {
    display: grid;
    gap: var(--carnet-sys-space-m, 1rem);
    padding: var(--carnet-sys-space-m, 1rem);
    border: 4px solid var(--carnet-emergency-card-border);
    border-radius: var(--carnet-sys-radius, 8px);
    background: var(--carnet-sys-surface);
    color: var(--carnet-sys-on-surface, inherit);
    font-size: var(--carnet-emergency-card-font-size);
    line-height: 1.35;
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
    font-size: 1.6em;
  }
  .patient {
    margin: 0;
    font-size: 1.2em;
    font-weight: 700;
  }
  .block {
    display: grid;
    gap: 0.25em;
  }
  .block-title {
    margin: 0;
    font-size: 1.1em;
    text-transform: uppercase;
    letter-spacing: 0.03em;
  }
  .allergies {
    padding: var(--carnet-sys-space-s, 0.5rem);
    border: 3px solid var(--carnet-sys-danger);
    border-radius: var(--carnet-sys-radius, 8px);
  }
  .allergies .block-title {
    color: var(--carnet-sys-danger);
  }
  ul {
    display: grid;
    gap: 0.25em;
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .allergy-name {
    font-size: 1.3em;
    font-weight: 800;
  }
  .phone {
    font-size: 1.3em;
    font-weight: 800;
    color: inherit;
  }
  .blood-group {
    margin: 0;
    font-size: 1.6em;
    font-weight: 800;
  }
  .nothing,
  .detail {
    color: var(--carnet-sys-on-surface-variant, inherit);
  }
  .print {
    min-block-size: var(--carnet-sys-target-size, 44px);
    padding: 0.25rem var(--carnet-sys-space-m, 1rem);
    border: 2px solid var(--carnet-sys-outline);
    border-radius: var(--carnet-sys-radius, 8px);
    background: var(--carnet-sys-surface);
    color: var(--carnet-sys-on-surface, inherit);
    font: inherit;
    font-size: 1rem;
    cursor: pointer;
  }
  .print:focus-visible {
    outline: var(--carnet-sys-focus-ring-width, 3px) solid var(--carnet-sys-focus-ring);
    outline-offset: 2px;
  }
  .updated {
    margin: 0;
    font-size: 0.8em;
  }
  @media print {
    :host {
      --carnet-emergency-card-font-size: 12pt;
      color: black;
      break-inside: avoid;
    }
    .base {
      gap: 3mm;
      padding: 4mm;
      line-height: 1.25;
      border-color: black;
      background: white;
      color: black;
    }
    .allergies {
      border-color: black;
    }
    .allergies .block-title,
    .nothing,
    .detail {
      color: black;
    }
    .print {
      display: none;
    }
    .allergy-name,
    .phone {
      font-size: 1.2em;
    }
    /* On paper the reaction follows the substance on the same line. */
    .allergies br {
      display: none;
    }
  }
`;
