/**
 * Entry point of `<carnet-agenda>`: importing it registers the element.
 * Import `./agenda.component.js` instead to register the class under your own tag.
 */
import { defineElement } from '../shared/define.js';
import { CarnetAgenda } from './agenda.component.js';

export { CarnetAgenda } from './agenda.component.js';
export type { AgendaView } from './agenda-range.controller.js';

defineElement('carnet-agenda', CarnetAgenda);

declare global {
  interface HTMLElementTagNameMap {
    'carnet-agenda': CarnetAgenda;
  }
}
