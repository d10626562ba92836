/**
 * Entry point of `<carnet-tracker>`: importing it registers the element.
 * Import `./tracker.component.js` instead to register the class under your own tag.
 */
import { defineElement } from '../shared/define.js';
import { CarnetTracker } from './tracker.component.js';

export { CarnetTracker } from './tracker.component.js';

defineElement('carnet-tracker', CarnetTracker);

declare global {
  interface HTMLElementTagNameMap {
    'carnet-tracker': CarnetTracker;
  }
}
