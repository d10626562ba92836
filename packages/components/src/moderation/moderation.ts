/**
 * Entry point of `<carnet-moderation>`: importing it registers the element.
 * Import `./moderation.component.js` instead to register the class under your own tag.
 */
import { defineElement } from '../shared/define.js';
import { CarnetModeration } from './moderation.component.js';

export { CarnetModeration } from './moderation.component.js';

defineElement('carnet-moderation', CarnetModeration);

declare global {
  interface HTMLElementTagNameMap {
    'carnet-moderation': CarnetModeration;
  }
}
