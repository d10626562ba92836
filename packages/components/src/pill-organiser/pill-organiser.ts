/**
 * Entry point of `<carnet-pill-organiser>`: importing it registers the element.
 * Import `./pill-organiser.component.js` instead to register the class under your own tag.
 */
import { defineElement } from '../shared/define.js';
import { CarnetPillOrganiser } from './pill-organiser.component.js';

export { CarnetPillOrganiser } from './pill-organiser.component.js';
export { PRINT_PREVIEW_CLASS } from './print.styles.js';
export type { DoseState } from './dose-state.js';
export type { SkipReason } from './organiser-labels.js';

defineElement('carnet-pill-organiser', CarnetPillOrganiser);

declare global {
  interface HTMLElementTagNameMap {
    'carnet-pill-organiser': CarnetPillOrganiser;
  }
}
