/**
 * Entry point of `<carnet-provider>`: importing it registers the element.
 * Import `./provider.component.js` instead to register the class under your own tag.
 */
import { defineElement } from '../shared/define.js';
import { CarnetProvider } from './provider.component.js';

export { CarnetProvider } from './provider.component.js';
export type { ProviderRecordStatus } from './provider.component.js';
export type { SignInMode } from './connected-config.js';

defineElement('carnet-provider', CarnetProvider);

declare global {
  interface HTMLElementTagNameMap {
    'carnet-provider': CarnetProvider;
  }
}
