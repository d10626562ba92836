/**
 * Entry point of `<carnet-access-history>`: importing it registers the element.
 * Import `./access-history.component.js` instead to register the class under your own tag.
 */
import { defineElement } from '../shared/define.js';
import { CarnetAccessHistory } from './access-history.component.js';

export { CarnetAccessHistory } from './access-history.component.js';

defineElement('carnet-access-history', CarnetAccessHistory);

declare global {
  interface HTMLElementTagNameMap {
    'carnet-access-history': CarnetAccessHistory;
  }
}
