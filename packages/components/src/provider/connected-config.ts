/**
 * What connected mode needs from the page: default scopes and redirect URI, its
 * attributes, and reading (then removing) an authorization response from the page's address.
 */
import type { ComplexAttributeConverter } from 'lit';
import { CARNET_SCOPES } from '@carnet/catalog-sdk';
import { parseOneOf } from '../shared/parse-one-of.js';

/** How `<carnet-provider>` signs the patient in: by leaving the page, or in a popup. */
export type SignInMode = 'redirect' | 'popup';

/** Both ways, the default first. */
export const SIGN_IN_MODES: readonly SignInMode[] = ['redirect', 'popup'];

/** Query parameters of an OAuth 2.0 authorization response (RFC 6749 §4.1.2, RFC 9207). */
const RESPONSE_PARAMETERS = ['code', 'state', 'iss', 'error', 'error_description', 'error_uri', 'session_state'];

/** The current page without query nor fragment: where the provider sends the patient back. */
export function currentPageUri(): string {
  return `${location.origin}${location.pathname}`;
}

/** True when the page's address carries the provider's answer (`code` or `error`, with `state`). */
export function hasAuthorizationResponse(url: string = location.href): boolean {
  const params = new URL(url).searchParams;
  return params.has('state') && (params.has('code') || params.has('error'));
}

/**
 * Removes the authorization response from the address bar, so a reload or a
 * shared link never replays it (and the code is not left in the history).
 */
export function stripAuthorizationResponse(): void {
  const url = new URL(location.href);
  for (const name of RESPONSE_PARAMETERS) url.searchParams.delete(name);
  history.replaceState(history.state, '', `${url.pathname}${url.search}${url.hash}`);
}

/** Reads the `scopes` attribute: scopes separated by spaces. */
export function parseScopes(value: string | null): string[] {
  const scopes = (value ?? '').split(/\s+/).filter((scope) => scope !== '');
  return scopes.length === 0 ? [...CARNET_SCOPES] : scopes;
}

/** The `scopes` attribute: scopes separated by spaces; empty means the defaults. */
export const scopesConverter: ComplexAttributeConverter<string[]> = {
  fromAttribute: (value) => parseScopes(value),
  toAttribute: (value) => value.join(' '),
};

/** The `sign-in` attribute: anything but `popup` signs in by redirect, which needs no user activation. */
export const signInModeConverter: ComplexAttributeConverter<SignInMode> = {
  fromAttribute: (value) => parseOneOf(value, SIGN_IN_MODES, 'redirect'),
  toAttribute: (value) => value,
};
