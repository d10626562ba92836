/**
 * Entry point of `<carnet-emergency-card>`: importing it registers the element.
 * Import `./emergency-card.component.js` instead to register the class under your own tag.
 */
import { defineElement } from '../shared/define.js';
import { CarnetEmergencyCard } from './emergency-card.component.js';

export { CarnetEmergencyCard } from './emergency-card.component.js';

defineElement('carnet-emergency-card', CarnetEmergencyCard);

declare global {
  interface HTMLElementTagNameMap {
    'carnet-emergency-card': CarnetEmergencyCard;
  }
}
