/**
 * Entry point of `<carnet-document-browser>`: importing it registers the element.
 * Import `./document-browser.component.js` instead to register the class under your own tag.
 */
import { defineElement } from '../shared/define.js';
import { CarnetDocumentBrowser } from './document-browser.component.js';

export { CarnetDocumentBrowser } from './document-browser.component.js';

defineElement('carnet-document-browser', CarnetDocumentBrowser);

declare global {
  interface HTMLElementTagNameMap {
    'carnet-document-browser': CarnetDocumentBrowser;
  }
}
