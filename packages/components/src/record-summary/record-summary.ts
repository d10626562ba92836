/**
 * Entry point of `<carnet-record-summary>`: importing it registers the element.
 * Import `./record-summary.component.js` instead to register the class under your own tag.
 */
import { defineElement } from '../shared/define.js';
import { CarnetRecordSummary } from './record-summary.component.js';

export { CarnetRecordSummary } from './record-summary.component.js';

defineElement('carnet-record-summary', CarnetRecordSummary);

declare global {
  interface HTMLElementTagNameMap {
    'carnet-record-summary': CarnetRecordSummary;
  }
}
