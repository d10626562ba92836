/**
 * Entry point of `<carnet-messages>`: importing it registers the element.
 * Import `./messages.component.js` instead to register the class under your own tag.
 */
import { defineElement } from '../shared/define.js';
import { CarnetMessages } from './messages.component.js';

export { CarnetMessages } from './messages.component.js';

defineElement('carnet-messages', CarnetMessages);

declare global {
  interface HTMLElementTagNameMap {
    'carnet-messages': CarnetMessages;
  }
}
