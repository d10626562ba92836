/**
 * Entry point of `<carnet-reminders>`: importing it registers the element.
 * Import `./reminders.component.js` instead to register the class under your own tag.
 */
import { defineElement } from '../shared/define.js';
import { CarnetReminders } from './reminders.component.js';

export { CarnetReminders } from './reminders.component.js';

defineElement('carnet-reminders', CarnetReminders);

declare global {
  interface HTMLElementTagNameMap {
    'carnet-reminders': CarnetReminders;
  }
}
