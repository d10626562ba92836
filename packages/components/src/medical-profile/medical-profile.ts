/**
 * Entry point of `<carnet-medical-profile>`: importing it registers the element.
 * Import `./medical-profile.component.js` instead to register the class under your own tag.
 */
import { defineElement } from '../shared/define.js';
import { CarnetMedicalProfile } from './medical-profile.component.js';

export { CarnetMedicalProfile } from './medical-profile.component.js';

defineElement('carnet-medical-profile', CarnetMedicalProfile);

declare global {
  interface HTMLElementTagNameMap {
    'carnet-medical-profile': CarnetMedicalProfile;
  }
}
