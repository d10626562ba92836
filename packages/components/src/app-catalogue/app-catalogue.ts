/**
 * Entry point of `<carnet-app-catalogue>`: importing it registers the element.
 * Import `./app-catalogue.component.js` instead to register the class under your own tag.
 */
import { defineElement } from '../shared/define.js';
import { CarnetAppCatalogue } from './app-catalogue.component.js';

export { CarnetAppCatalogue } from './app-catalogue.component.js';

defineElement('carnet-app-catalogue', CarnetAppCatalogue);

declare global {
  interface HTMLElementTagNameMap {
    'carnet-app-catalogue': CarnetAppCatalogue;
  }
}
