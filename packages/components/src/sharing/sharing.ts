/**
 * Entry point of `<carnet-sharing>`: importing it registers the element.
 * Import `./sharing.component.js` instead to register the class under your own tag.
 */
import { defineElement } from '../shared/define.js';
import { CarnetSharing } from './sharing.component.js';

export { CarnetSharing } from './sharing.component.js';

defineElement('carnet-sharing', CarnetSharing);

declare global {
  interface HTMLElementTagNameMap {
    'carnet-sharing': CarnetSharing;
  }
}
